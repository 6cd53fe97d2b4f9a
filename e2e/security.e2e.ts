import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures";

// Security as a person (or an attacker) meets it: headers, a policy the whole app runs
// under, forged cross-site posts refused, sessions ended everywhere, calendar links rotated.
// Changes data only of jonah@ (calendar link), kira@ (signed out everywhere) and tom@ (his
// calendar link), whom no other story relies on; morgan@ and alex@ only look.
const EVIL = "https://evil.example";

/** Every CSP violation the page reports, from the DOM event and from Chromium's console. */
function watchPolicy(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return violations;
}

function setCookies(response: APIResponse): string {
  return response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value)
    .join("\n");
}

test("pages and API answers carry the security headers; every page gets its own nonce", async ({ request }) => {
  const page = await request.get("/sign-in");
  expect(page.ok()).toBe(true);
  const headers = page.headers();
  const csp = headers["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "worker-src 'self'"]) expect(csp).toContain(directive);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).not.toContain("upgrade-insecure-requests");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=(self)");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  // Plain http here: HSTS is only ever sent by an https deployment.
  expect(headers["strict-transport-security"]).toBeUndefined();
  // Every page names its request id (the one its server-side calls log with); a valid one sent in is kept.
  expect(headers["x-request-id"]).toMatch(/^[\w-]{8,64}$/);
  expect((await request.get("/sign-in", { headers: { "x-request-id": "support-case-12345" } })).headers()["x-request-id"]).toBe("support-case-12345");

  // Next.js put this response's nonce on its scripts, and the next response has another.
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  const html = await page.text();
  expect(html).toContain(`nonce="${nonce}"`);
  const again = (await request.get("/sign-in")).headers()["content-security-policy"]!;
  expect(again).not.toContain(nonce);

  const api = await request.get("/api/health");
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["x-frame-options"]).toBe("DENY");
});

test("the session cookie is httpOnly and SameSite=Lax", async ({ page, context }) => {
  await signIn(page, "morgan@stride.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  const session = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  // Over plain http the cookie cannot be Secure, or the browser would never send it back.
  expect(session!.secure).toBe(false);
});

test("a trainer's pages run under the policy: no violation, charts and forms work", async ({ page }) => {
  const violations = watchPolicy(page);
  await signIn(page, "morgan@stride.test");
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const [link, heading] of [
    [/^Needs attention/, /Needs attention/],
    ["Drills", /Drills/],
    ["Calendar", /Calendar/],
    ["Revenue", /Revenue/],
    ["Overview", /Studio overview/],
  ] as const) {
    await nav.getByRole("link", { name: link }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }
  // A client's progress page draws its charts (SVG with style attributes) under the policy.
  await page.getByRole("table", { name: "Clients this week" }).getByRole("link", { name: "Eli Navarro" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Eli Navarro: progress" })).toBeVisible();
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  // Client-side interactivity: the account menu opens.
  await page.getByRole("button", { name: "Account" }).click();
  await expect(page.getByRole("button", { name: "Sign out everywhere" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Account" })).toHaveAttribute("aria-expanded", "true");
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Sign out everywhere" })).toHaveCount(0);
  expect(violations).toEqual([]);
});

test("a client's pages run under the policy: the stopwatch runs, charts draw, the service worker installs", async ({ page }) => {
  const violations = watchPolicy(page);
  // Alex has drills and months of history; this story only looks and starts a stopwatch, saving nothing.
  await signIn(page, "alex@stride.test");
  await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
  // The offline service worker registers and activates under worker-src 'self'.
  await expect
    .poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration("/portal"))?.active)), { timeout: 15_000, message: violations.join("\n") })
    .toBe(true);
  const nav = page.getByRole("navigation", { name: "Main" });

  await nav.getByRole("link", { name: "Log drills" }).click();
  const knee = page.getByRole("group", { name: "Knee Drive" });
  await knee.getByRole("button", { name: "Start left side" }).click();
  await page.waitForTimeout(700);
  await knee.getByRole("button", { name: "Lost balance: stop the left side" }).click();
  await expect(knee.getByLabel("Left side seconds")).not.toHaveValue("");

  await nav.getByRole("link", { name: "Log a run" }).click();
  await expect(page.getByRole("heading", { name: "Log a run", exact: true })).toBeVisible();
  await nav.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /History/ })).toBeVisible();
  await nav.getByRole("link", { name: "Progress" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Progress" })).toBeVisible();
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  await nav.getByRole("link", { name: "My sessions" }).click();
  await expect(page.getByRole("heading", { name: "Calendar subscription" })).toBeVisible();
  await nav.getByRole("link", { name: "Book a session" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});

test("forged cross-site posts are refused: tRPC, Auth.js, server actions; the Stripe webhook answers to its signature", async ({ page, request }) => {
  const trpc = await request.post("/api/trpc/auth.requestMagicLink", { headers: { origin: EVIL, "content-type": "application/json" }, data: { email: "kira@stride.test" } });
  expect(trpc.status()).toBe(403);

  const authJs = await request.post("/api/auth/callback/password", { headers: { origin: EVIL }, form: { email: "kira@stride.test", password: "stride-demo" } });
  expect(authJs.status()).toBe(403);
  expect(setCookies(authJs)).not.toContain("session-token");
  // Same origin but without Auth.js's CSRF token: no session either.
  const noToken = await request.post("/api/auth/callback/password", { form: { email: "kira@stride.test", password: "stride-demo" }, maxRedirects: 0 });
  expect(setCookies(noToken)).not.toContain("authjs.session-token=ey");

  const webhook = await request.post("/api/webhooks/stripe", { headers: { origin: EVIL, "content-type": "application/json" }, data: "{}" });
  expect(webhook.status()).not.toBe(403);
  expect(webhook.status()).toBeGreaterThanOrEqual(400);

  // The sign-in server action, as the browser sent it, replayed from another site.
  const sent = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await signIn(page, "jonah@stride.test");
  const action = await sent;
  const replay = (extra: Record<string, string>) =>
    request.post(action.url(), {
      headers: { "next-action": action.headers()["next-action"]!, "content-type": action.headers()["content-type"]!, accept: "text/x-component", ...extra },
      data: action.postDataBuffer()!,
      maxRedirects: 0,
    });
  const forged = await replay({ origin: EVIL });
  expect(forged.status()).toBe(403);
  expect(setCookies(forged)).not.toContain("session-token");
  // Even past our proxy (which lets prefetches through), Next.js itself refuses the foreign Origin.
  const pastProxy = await replay({ origin: EVIL, "next-router-prefetch": "1" });
  expect(pastProxy.status()).toBeGreaterThanOrEqual(400);
  expect(setCookies(pastProxy)).not.toContain("session-token");
  // The same request from our own origin signs in: the refusals above were about the Origin.
  const genuine = await replay({ origin: new URL(action.url()).origin });
  expect(setCookies(genuine)).toContain("authjs.session-token=");
});

test("sign out everywhere ends the session on every device", async ({ browser }) => {
  const phone = await (await browser.newContext()).newPage();
  const laptop = await (await browser.newContext()).newPage();
  await signIn(phone, "kira@stride.test");
  await expect(phone).toHaveURL(/\/portal$/);
  await signIn(laptop, "kira@stride.test");
  await expect(laptop).toHaveURL(/\/portal$/);

  await laptop.getByRole("button", { name: "Account" }).click();
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/sign-in/);

  await phone.goto("/portal/history");
  await expect(phone).toHaveURL(/\/sign-in/);
  // Signing in again works at once.
  await signIn(phone, "kira@stride.test");
  await expect(phone).toHaveURL(/\/portal$/);
});

test("a client and a trainer make a new calendar link; the old one stops working", async ({ browser, request }) => {
  for (const [email, path] of [
    ["jonah@stride.test", "/portal/sessions"],
    ["tom@stride.test", "/dashboard/calendar"],
  ] as const) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, email);
    await expect(page).not.toHaveURL(/sign-in/);
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Calendar subscription" })).toBeVisible();
    const link = page.getByLabel(/Your calendar link/);
    await page.getByRole("button", { name: /Make my calendar link|Make a new link/ }).click();
    const first = await link.inputValue();
    expect(first).toMatch(/\/api\/calendar\/[\w-]+\.ics$/);
    const feed = await request.get(new URL(first).pathname);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toContain("text/calendar");

    await page.getByRole("button", { name: /Make my calendar link|Make a new link/ }).click();
    await expect(link).not.toHaveValue(first);
    const second = await link.inputValue();
    expect((await request.get(new URL(first).pathname)).status()).toBe(404);
    expect((await request.get(new URL(second).pathname)).status()).toBe(200);
    await page.context().close();
  }
});
