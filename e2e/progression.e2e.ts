import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures";

// Reads the demo's seeded history; changes nothing others rely on (only Eli's unlock notice,
// which no other story looks at, is dismissed).

async function shoot(page: Page, name: string) {
  if (!process.env.E2E_SCREENSHOTS) return;
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/progression-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("a client with six weeks of history sees each side's progress, the charts and the drills-and-running summary", async ({ page }) => {
  await signIn(page, "alex@stride.test");
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Progress" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Progress" })).toBeVisible();

  // Knee Drive, per side: figures, the weaker side named, a chart and the same numbers as a table.
  const knee = page.getByRole("article", { name: "Knee Drive progress" });
  const figures = knee.getByRole("table", { name: "Knee Drive: figures per side" });
  await expect(figures.getByRole("row", { name: /^Left/ })).toContainText("Improving");
  await expect(figures.getByRole("row", { name: /^Right/ })).toContainText(" s");
  await expect(knee.getByText(/Your right side is \d+% behind your left: give it extra work\./)).toBeVisible();
  await expect(knee.locator(".recharts-surface").first()).toBeVisible();
  await knee.getByText("Show the chart as a table").click();
  const byDay = knee.getByRole("table", { name: "Knee Drive by day" });
  await expect(byDay).toBeVisible();
  expect(await byDay.getByRole("row").count()).toBeGreaterThan(25);

  // Adherence and streaks, and the drills beside the running, without claiming a cause.
  await expect(page.getByRole("table", { name: "Adherence by week" })).toBeVisible();
  await expect(page.getByText(/^In weeks with 5 or more days of drills your average pace was \d+:\d\d \/km (faster|slower) and you reported pain in \d+ of \d+ runs? instead of \d+ of \d+ \(based on \d+ weeks\)\.$/)).toBeVisible();
  await expect(page.getByText("This shows what went together, not what caused what.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Drills and runs by week" })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "client");

  // Her own history as CSV.
  const csv = await page.request.get("/api/progress/export?kind=runs");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toBe("run_id,started_at_utc,local_date,distance_m,distance_km,duration_s,pace_per_km,effort,pain,pain_where,note");
  expect(lines.length).toBeGreaterThan(10);
  // Another client's export is refused, as any other page is.
  expect((await page.request.get("/api/progress/export?kind=runs&clientId=00000000-0000-4000-8000-000000000000")).status()).toBe(403);
});

test("a client who met the rule sees Hopping unlock by itself, and the trainer sees it in the studio overview", async ({ page }) => {
  await signIn(page, "eli@stride.test");
  await expect(page).toHaveURL(/\/portal$/);
  const main = page.getByRole("main");
  await expect(main.getByRole("status").filter({ hasText: "Hopping is unlocked!" })).toBeVisible();
  const hopping = main.getByRole("article", { name: "Hopping" });
  await expect(hopping).toBeVisible();
  await expect(hopping).not.toContainText("Locked");
  await expect(hopping).not.toContainText("Unlocks when you reach");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Progress" }).click();
  const unlock = page.getByRole("article", { name: "Hopping unlock" });
  await expect(unlock).toContainText(/Unlocked on \d+ \w+/);
  await expect(unlock).toContainText("Knee Drive: a hold of at least 30 s on each side on 5 of the last 7 days");
  await page.getByRole("button", { name: "Dismiss the Hopping notice" }).click();
  await expect(main.getByRole("status").filter({ hasText: "Hopping is unlocked!" })).toHaveCount(0);
  await page.getByRole("button", { name: "Sign out" }).click();
  // Signed out only once the action has answered: opening the sign-in page before that still finds the session.
  await expect(page).toHaveURL(/\/sign-in$/);

  // The trainer: the unlock and Alex's asymmetry need attention; the overview sorts.
  await signIn(page, "morgan@stride.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
  const attention = page.getByRole("list", { name: "Progression attention" });
  await expect(attention).toContainText("Eli Navarro met the mastery rule: Hopping unlocked by itself.");
  await expect(attention).toContainText(/Left and right differ by \d+% in Knee Drive/);
  const table = page.getByRole("table", { name: "Clients this week" });
  await expect(table.getByRole("row", { name: /Alex Morgan/ })).toContainText(/\d+% Knee Drive, right weaker/);
  await table.getByRole("link", { name: /^Streak/ }).click();
  await expect(table.getByRole("columnheader", { name: /Streak/ })).toHaveAttribute("aria-sort", "ascending");
  await table.getByRole("link", { name: /^Streak/ }).click();
  await expect(table.getByRole("columnheader", { name: /Streak/ })).toHaveAttribute("aria-sort", "descending");
  await expectAccessible(page);
  await shoot(page, "overview");

  await table.getByRole("link", { name: "Eli Navarro" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Eli Navarro: progress" })).toBeVisible();
  await expect(page.getByRole("article", { name: "Hopping unlock" })).toContainText("Unlocked on");
  await expectAccessible(page);
  await shoot(page, "trainer-client");
});
