import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures";

// Issue 17, part 7: a client who reads distances in miles types and reads her runs in miles;
// her trainer, in the studio's kilometres, reads the same run in kilometres. Changes data only
// of jonah@ (his unit and one run; security.e2e touches only his calendar link); morgan@ only looks.
const CLIENT = "jonah@stride.test";
const TRAINER = "morgan@stride.test";
const NOTE = "Miles story: easy loop by the river";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, timezoneId: "America/New_York" });

/** The page at a phone's width and a desktop's, when E2E_SCREENSHOTS is set. */
async function shoot(page: Page, name: string) {
  if (!process.env.E2E_SCREENSHOTS) return;
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `/tmp/miles-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 390, height: 844 });
}

test("a client who chose miles logs a run in miles and reads it and its pace per mile; the trainer reads it in km", async ({ page, browser }) => {
  // Two people and eight pages: on a loaded machine this took 60 s once; the story is one piece.
  test.setTimeout(120_000);
  const main = page.getByRole("main");
  await signIn(page, CLIENT);
  await expect(page).toHaveURL(/\/portal$/);

  // She chooses miles in her account.
  await page.goto("/portal/account");
  const about = page.getByRole("form", { name: "About you" });
  await about.getByLabel("Distances in").selectOption({ label: "Miles" });
  await about.getByRole("button", { name: "Save" }).click();
  await expect(about.getByRole("status")).toHaveText("Saved.");

  // The run form asks for miles, and says so.
  await page.goto("/portal/run");
  await expect(page.getByRole("heading", { name: "Log a run", exact: true })).toBeVisible();
  const distance = page.getByLabel("Distance (miles)");
  await expect(distance).toBeVisible();

  // Bad input gets a sentence beside the field, in her unit, and saves nothing.
  await distance.fill("5 km");
  await page.getByLabel("Minutes").fill("27");
  await page.getByLabel("Seconds").fill("30");
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(main.getByText("Enter the distance in miles (your setting in Account), e.g. 3.1.").first()).toBeVisible();
  await distance.fill("200");
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(main.getByText("186.4 mi is the longest run we record; check the distance.").first()).toBeVisible();

  await distance.fill("3.1");
  await expect(main.getByText("186.4 mi is the longest run we record; check the distance.")).toHaveCount(0);
  await page.getByLabel("Note about the run").fill(NOTE);
  await expectAccessible(page);
  await shoot(page, "run-form");
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(main.getByRole("status").filter({ hasText: "Run saved." })).toBeVisible();

  // Her history shows it in miles, with its pace per mile (3.1 mi stored as 4989 m).
  await page.goto("/portal/history");
  await expect(main.getByText("distances in miles")).toBeVisible();
  const run = main.getByRole("article").filter({ hasText: NOTE });
  await expect(run).toContainText("3.10 mi in 27:30 (8:52 /mi)");
  await expect(run).not.toContainText("km");
  await expectAccessible(page);
  await shoot(page, "history");

  // Her progress table reads in miles too.
  await page.goto("/portal/progress");
  await expect(main.getByRole("table", { name: "Drills and runs by week" }).getByRole("columnheader", { name: "Pace (min/mi)" })).toBeVisible();
  await expect(main.getByText("Average pace, min/mi (right scale)")).toBeVisible();
  await shoot(page, "progress");

  // Her trainer, in the studio's kilometres, sees the same run as about 4.99 km, and is told the unit.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: "Europe/London" });
  const trainer = await context.newPage();
  await signIn(trainer, TRAINER);
  await expect(trainer).toHaveURL(/\/dashboard/);
  await trainer.getByRole("list", { name: "Client list" }).getByRole("link", { name: /Jonah Price/ }).click();
  const logs = trainer.getByRole("list", { name: "Recent logs" });
  const item = logs.getByRole("listitem").filter({ hasText: NOTE });
  await expect(item).toContainText("Run: 4.99 km in 27:30 (5:31 /km)");
  await expect(trainer.getByText("Distances shown in kilometres.")).toBeVisible();
  await item.getByRole("link", { name: /^Run: 4\.99 km/ }).click();
  await expect(trainer.getByRole("main")).toContainText("4.99 km in 27:30 (5:31 /km)");
  await shoot(trainer, "trainer-run");
  await context.close();
});
