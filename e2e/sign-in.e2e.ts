import { expect, test } from "@playwright/test";
import { expectAccessible, linkFromServerLog, serverLogMark, signIn, signOut } from "./fixtures";

test.describe("signing in", () => {
  test("a visitor reads what Stride is and finds the sign-in page with the demo accounts", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("coaching business");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Demo accounts" })).toBeVisible();
    await expect(page.getByText("morgan@stride.test")).toBeVisible();
    await expectAccessible(page);
  });

  test("a trainer signs in and sees the clients of the studio", async ({ page }) => {
    await signIn(page, "morgan@stride.test");
    await expect(page).toHaveURL(/\/dashboard$/);
    const list = page.getByRole("list", { name: "Client list" });
    // Other stories may add clients (sign-ups, invites): every seeded one is there, no other studio's.
    for (const name of ["Alex Morgan", "Bea Lindqvist", "Gus Hartley", "Jonah Price", "Leo Fischer"]) await expect(list).toContainText(name);
    await expect(list).not.toContainText("Sam Ortiz");
    await expectAccessible(page);

    await page.getByLabel("Coach").selectOption({ label: "Tom Becker" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(list.getByRole("listitem")).toHaveCount(3);
    await list.getByRole("link", { name: /Jonah Price/ }).click();
    await expect(page.getByRole("heading", { name: "Jonah Price" })).toBeVisible();
    await expectAccessible(page);
  });

  test("a client signs in to the portal and is not allowed into the dashboard", async ({ page }) => {
    await signIn(page, "alex@stride.test");
    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByText("Your coach is Morgan Reid")).toBeVisible();
    await expectAccessible(page);
    const response = await page.goto("/dashboard");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByText("Alex Morgan")).toHaveCount(0);
    await expectAccessible(page);
  });

  test("a trainer cannot open another studio's client", async ({ page }) => {
    await signIn(page, "rosa@harbour.test");
    await expect(page).toHaveURL(/\/dashboard$/);
    const href = await page.getByRole("list", { name: "Client list" }).getByRole("link").first().getAttribute("href");
    await signOut(page);
    await signIn(page, "morgan@stride.test");
    await expect(page).toHaveURL(/\/dashboard$/);
    // Answered like a client nobody has: the page does not say that it exists elsewhere.
    const response = await page.goto(href!);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });

  test("a wrong password gets a clear error", async ({ page }) => {
    await signIn(page, "bea@stride.test", "not-my-password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an account.");
    await expect(page).toHaveURL(/\/sign-in/);
    await expectAccessible(page);
  });

  test("the 11th wrong password is refused for that account only, saying which limit it hit", async ({ browser }) => {
    // Its own address, so this lock-out does not throttle the other tests' sign-ins.
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.77" } });
    const page = await context.newPage();
    for (let attempt = 1; attempt <= 10; attempt++) {
      await signIn(page, "leo@stride.test", `wrong-${attempt}`);
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an account.");
    }
    await signIn(page, "leo@stride.test", "stride-demo");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "Too many failed sign-in attempts for this account. Try again in 15 minutes. Or ask for a sign-in link by email below.",
    );
    // Someone else on the same Wi-Fi is not locked out.
    await signIn(page, "gus@stride.test");
    await expect(page).toHaveURL(/\/portal$/);
    await context.close();
  });

  test("bad input posted straight to the sign-in callback comes back as a sentence", async ({ page, baseURL }) => {
    await page.goto("/sign-in");
    const csrf = await page.request.get("/api/auth/csrf").then((r) => r.json() as Promise<{ csrfToken: string }>);
    const response = await page.request.post("/api/auth/callback/password", {
      form: { email: "morgan\u0000@stride.test", password: "stride-demo", csrfToken: csrf.csrfToken, callbackUrl: "/after-sign-in" },
      headers: { origin: baseURL! },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    await page.goto(response.headers()["location"]!);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "Enter your email address and password again: one of them was too long or held an invisible control character.",
    );
  });

  test("a client signs in with a link that works once; without a mail server it is in the server's log, never in the studio's outbox", async ({ page, browser }) => {
    await page.goto("/sign-in");
    const mark = serverLogMark();
    await page.getByLabel("Email for a sign-in link").fill("chidi@stride.test");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("status")).toContainText("the link was written to the server's log");

    // The person running this Stride reads it in the log and passes it on.
    const link = await linkFromServerLog("chidi@stride.test", "magic_link", mark);

    // A trainer sees in the outbox that it went, not the link.
    const trainerContext = await browser.newContext();
    const trainer = await trainerContext.newPage();
    await signIn(trainer, "morgan@stride.test");
    await trainer.getByRole("link", { name: "Outbox" }).click();
    const email = trainer.getByRole("listitem").filter({ hasText: "to chidi@stride.test" }).first();
    await expect(email).toContainText("Only chidi@stride.test can read this email");
    await expect(email.getByRole("link")).toHaveCount(0);
    await expectAccessible(trainer);

    await page.goto(link);
    await page.getByRole("button", { name: "Continue to Stride" }).click();
    await expect(page).toHaveURL(/\/portal$/);
    await signOut(page);
    await page.goto(link);
    await page.getByRole("button", { name: "Continue to Stride" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("expired or was already used");
    await trainerContext.close();
  });

  test("a trainer cannot become the owner through the outbox", async ({ page }) => {
    // Signed out, Tom asks for a sign-in link for the owner…
    await page.goto("/sign-in");
    await page.getByLabel("Email for a sign-in link").fill("morgan@stride.test");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("status")).toBeVisible();
    // …signs in as himself, and finds no link in the outbox, nor in outbox.list.
    await signIn(page, "tom@stride.test");
    await page.getByRole("link", { name: "Outbox" }).click();
    const morgans = page.getByRole("listitem").filter({ hasText: "to morgan@stride.test" }).first();
    await expect(morgans).toContainText("Only morgan@stride.test can read this email");
    await expect(page.getByRole("main").getByRole("link", { name: /token=/ })).toHaveCount(0);
    const listed = await page.request.get("/api/trpc/outbox.list").then((r) => r.text());
    expect(listed).not.toMatch(/token=/);
    expect(listed).toContain("morgan@stride.test");
  });

  test("signing out ends that device's session on the server, and only that one", async ({ browser, baseURL }) => {
    const laptop = await browser.newContext();
    const phone = await browser.newContext();
    for (const device of [laptop, phone]) {
      const page = await device.newPage();
      await signIn(page, "priya@stride.test");
      await expect(page).toHaveURL(/\/dashboard$/);
    }
    const copied = (await laptop.cookies()).find((c) => c.name === "authjs.session-token")!;
    const laptopPage = laptop.pages()[0]!;
    await signOut(laptopPage);

    // Someone who copied the laptop's cookie before it signed out gets nothing.
    const thief = await browser.newContext();
    await thief.addCookies([{ name: copied.name, value: copied.value, url: baseURL! }]);
    const me = await thief.request.get("/api/trpc/viewer.me");
    expect((await me.json()).result.data.json).toBeNull();
    expect((await thief.request.get("/api/trpc/client.list")).status()).toBe(401);
    // The phone is still signed in.
    expect((await (await phone.request.get("/api/trpc/viewer.me")).json()).result.data.json).toMatchObject({ email: "priya@stride.test" });
    expect((await phone.request.get("/api/trpc/client.list")).status()).toBe(200);
    await Promise.all([laptop.close(), phone.close(), thief.close()]);
  });

  test("an unknown address shows a helpful 404 page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});
