import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures";

// On a phone the navigation is one bar along the bottom (four sections and More) instead of
// four or five rows above every page; on a wide screen every section shows in a sidebar.
// These stories only look and navigate: they change no data.

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 800 };
// Outside test-results, which the runner empties at the start of every run.
const SHOTS = "/tmp/stride-shots/phone-navigation";

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const moreButton = (page: Page) => mainNav(page).getByRole("button", { name: /^More/ });

/** The page's paths reached from where a person would find them, the detail pages included. */
async function detailPaths(page: Page, from: string, prefix: string, limit = 1): Promise<string[]> {
  await page.goto(from);
  const hrefs = await page.locator(`main a[href^="${prefix}"]`).evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  return [...new Set(hrefs.map((h) => h.split("?")[0]!))].slice(0, limit);
}

/** No page scrolls sideways on a 390 px phone: every wide thing scrolls in its own box. */
async function expectNoSidewaysScroll(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${path} is ${width} px wide on a ${PHONE.width} px phone`).toBeLessThanOrEqual(PHONE.width);
}

test.describe("on a 390 px phone", () => {
  test.use({ viewport: PHONE, hasTouch: true });

  test("a client's navigation is one bar at the bottom; More opens over the page and closes as it should", async ({ page }) => {
    await signIn(page, "alex@stride.test");
    await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
    const nav = mainNav(page);
    await expect(nav).toHaveCount(1);
    const box = (await nav.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(64);
    expect(box.y + box.height).toBeCloseTo(PHONE.height, 0);
    // The page's own heading starts near the top edge, not under rows of links.
    expect((await page.getByRole("heading", { name: "Today", exact: true }).boundingBox())!.y).toBeLessThan(80);
    await expect(nav.getByRole("link", { name: "Today" })).toHaveAttribute("aria-current", "page");
    for (const name of ["Log drills", "History", "Book a session"]) await expect(nav.getByRole("link", { name })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Progress" })).toHaveCount(0);
    await shot(page, "portal-today-390");

    // More: a button that says whether it is open and what it opens.
    const more = moreButton(page);
    await expect(more).toHaveAttribute("aria-expanded", "false");
    await more.click();
    await expect(more).toHaveAttribute("aria-expanded", "true");
    const sheet = page.locator(`[id="${await more.getAttribute("aria-controls")}"]`);
    await expect(sheet).toBeVisible();
    for (const name of ["Log a run", "My sessions", "Progress", "Membership", "My data", "Account settings"]) {
      const link = sheet.getByRole("link", { name });
      await expect(link).toBeVisible();
      expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    await expect(sheet.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
    // Focus went into the menu, on its first link.
    await expect(sheet.getByRole("link", { name: "Log a run" })).toBeFocused();
    await expectAccessible(page);
    await shot(page, "portal-today-390-more-open");

    // Keyboard: Tab moves through it, Escape closes it and puts focus back on More.
    await page.keyboard.press("Tab");
    await expect(sheet.getByRole("link", { name: "My sessions" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(more).toHaveAttribute("aria-expanded", "false");
    await expect(sheet).toHaveCount(0);
    await expect(more).toBeFocused();
    // Enter opens it again from the keyboard.
    await page.keyboard.press("Enter");
    await expect(more).toHaveAttribute("aria-expanded", "true");
    await expect(page.locator(`[id="${await more.getAttribute("aria-controls")}"]`).getByRole("link", { name: "Log a run" })).toBeFocused();

    // A tap outside closes it and leaves the page where it was.
    await page.mouse.click(PHONE.width / 2, 100);
    await expect(more).toHaveAttribute("aria-expanded", "false");
    await expect(page).toHaveURL(/\/portal$/);

    // A link in it navigates and closes it; More then shows the page is behind it.
    await more.click();
    await nav.getByRole("link", { name: "Progress" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Progress" })).toBeVisible();
    await expect(page).toHaveURL(/\/portal\/progress$/);
    await expect(more).toHaveAttribute("aria-expanded", "false");
    await more.click();
    await expect(nav.getByRole("link", { name: "Progress" })).toHaveAttribute("aria-current", "page");
    // And a bar link navigates with the menu open.
    await nav.getByRole("link", { name: "History" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /History/ })).toBeVisible();
    await expect(more).toHaveAttribute("aria-expanded", "false");
    await expect(nav.getByRole("link", { name: "History" })).toHaveAttribute("aria-current", "page");
  });

  test("a client whose payment failed sees it marked on More and on Membership inside it", async ({ page }) => {
    await signIn(page, "kira@stride.test");
    await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
    const more = moreButton(page);
    await expect(more).toHaveAccessibleName("More, 1 inside");
    await more.click();
    await expect(mainNav(page).getByRole("link", { name: "Membership" })).toHaveAccessibleName("Membership, 1");
  });

  test("the trainer's bar holds Clients, Needs attention with its count, and Calendar; More holds the rest", async ({ page }) => {
    await signIn(page, "morgan@stride.test");
    await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
    const nav = mainNav(page);
    expect((await nav.boundingBox())!.height).toBeLessThanOrEqual(64);
    await expect(nav.getByRole("link", { name: "Clients" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: /^Needs attention, \d+$/ })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Calendar" })).toBeVisible();
    await shot(page, "dashboard-clients-390");

    await moreButton(page).click();
    for (const name of ["Overview", "Drills", "Programs", "Booking settings", "Plans", "Revenue", "Outbox", "Account settings"]) {
      await expect(nav.getByRole("link", { name })).toBeVisible();
    }
    await expectAccessible(page);
    await shot(page, "dashboard-clients-390-more-open");
    await nav.getByRole("link", { name: "Overview" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Studio overview" })).toBeVisible();
    await expect(moreButton(page)).toHaveAttribute("aria-expanded", "false");

    // The overview's clients are cards on a phone, sortable, and the page never scrolls sideways.
    const cards = page.getByRole("list", { name: "Clients this week" });
    await expect(cards.getByRole("listitem").first()).toBeVisible();
    await expect(page.getByRole("table", { name: "Clients this week" })).toBeHidden();
    await expect(cards.getByRole("listitem").first()).toContainText("This week");
    await page.getByRole("navigation", { name: "Sort clients" }).getByRole("link", { name: /^Streak/ }).click();
    await expect(page).toHaveURL(/sort=streak/);
    await expect(page.getByRole("navigation", { name: "Sort clients" }).getByRole("link", { name: /^Streak/ })).toHaveAttribute("aria-current", "true");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, "dashboard-overview-390");
  });

  test("no portal page scrolls sideways", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, "alex@stride.test");
    await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
    const paths = ["/portal", "/portal/log", "/portal/run", "/portal/history", "/portal/progress", "/portal/sessions", "/portal/book", "/portal/billing", "/portal/my-data", "/portal/account"];
    paths.push(...(await detailPaths(page, "/portal/history", "/portal/history/")));
    for (const path of paths) await expectNoSidewaysScroll(page, path);
  });

  test("no dashboard page scrolls sideways", async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, "morgan@stride.test");
    await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
    const paths = [
      "/dashboard",
      "/dashboard/attention",
      "/dashboard/calendar",
      "/dashboard/overview",
      "/dashboard/drills",
      "/dashboard/drills/new",
      "/dashboard/programs",
      "/dashboard/booking-settings",
      "/dashboard/plans",
      "/dashboard/revenue",
      "/dashboard/outbox",
      "/dashboard/account",
    ];
    const clients = await detailPaths(page, "/dashboard", "/dashboard/clients/");
    paths.push(...clients, ...clients.map((c) => `${c}/progress`));
    paths.push(...(await detailPaths(page, "/dashboard/drills", "/dashboard/drills/")).filter((p) => p !== "/dashboard/drills/new"));
    paths.push(...(await detailPaths(page, "/dashboard/attention", "/dashboard/sessions/")));
    paths.push(...(await detailPaths(page, "/dashboard/attention", "/dashboard/runs/")));
    for (const path of paths) await expectNoSidewaysScroll(page, path);
  });
});

test.describe("on a 1280 px screen", () => {
  test.use({ viewport: WIDE });

  test("every section shows in the sidebar, the current one marked, and no More", async ({ page }) => {
    await signIn(page, "morgan@stride.test");
    await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
    const nav = mainNav(page);
    await expect(nav).toHaveCount(1);
    for (const name of ["Clients", "Needs attention", "Calendar", "Overview", "Drills", "Programs", "Booking settings", "Plans", "Revenue", "Outbox"]) {
      await expect(nav.getByRole("link", { name })).toBeVisible();
    }
    await expect(nav.getByRole("link", { name: "Clients" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("button", { name: /^More/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Account" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
    await shot(page, "dashboard-clients-1280");
    await nav.getByRole("link", { name: "Overview" }).click();
    await expect(page.getByRole("table", { name: "Clients this week" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    await shot(page, "dashboard-overview-1280");
    await page.getByRole("button", { name: "Account" }).click();
    await shot(page, "dashboard-overview-1280-account-open");
  });

  test("a client sees every portal section in the sidebar", async ({ page }) => {
    await signIn(page, "alex@stride.test");
    await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
    const nav = mainNav(page);
    for (const name of ["Today", "Log drills", "Log a run", "History", "Book a session", "My sessions", "Progress", "Membership", "My data"]) {
      await expect(nav.getByRole("link", { name })).toBeVisible();
    }
    await expectAccessible(page);
    await shot(page, "portal-today-1280");
  });
});
