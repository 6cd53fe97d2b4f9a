import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { expect, test, type Page } from "@playwright/test";
import { writeFitRun } from "../src/server/seed/fit-writer";
import { expectAccessible, openSection, signIn } from "./fixtures";

// Issue 19: a client drops the files their watch recorded and each becomes a run. Bea imports
// a FIT (written by the fixture writer, with running dynamics), a GPX and a TCX from the
// fixtures, and a photo renamed .fit: three runs, and the photo refused by its name; then opens
// the FIT's run and sees what the watch recorded.
const shots = process.env.SHOTS;
async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

const FIXTURES = path.resolve("test/fixtures/activities");
const GPX = "garmin-connect-run.gpx";
const TCX = "garmin-run-laps.tcx";

test("a client imports three runs from their watch at phone width; a photo named .fit is refused by its name", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, timezoneId: "Europe/London" });
  const page = await context.newPage();
  await signIn(page, "bea@stride.test");
  await openSection(page, "Log a run");
  await page.getByRole("link", { name: "Import its files" }).click();
  await expect(page.getByRole("heading", { name: "Import runs from your watch" })).toBeVisible();

  // Two months back, well clear of this week's load, with ground contact time and balance.
  const fit = Buffer.from(writeFitRun({ start: new Date("2026-09-15T06:30:00Z"), seconds: 1800 }));
  const photo = await sharp({ create: { width: 32, height: 32, channels: 3, background: "#c84" } }).jpeg().toBuffer();
  await page.getByLabel("Choose files").setInputFiles([
    { name: "Morning_Run.fit", mimeType: "application/octet-stream", buffer: fit },
    { name: GPX, mimeType: "application/gpx+xml", buffer: fs.readFileSync(path.join(FIXTURES, GPX)) },
    { name: TCX, mimeType: "application/vnd.garmin.tcx+xml", buffer: fs.readFileSync(path.join(FIXTURES, TCX)) },
    { name: "holiday.fit", mimeType: "application/octet-stream", buffer: photo },
  ]);

  const files = page.getByRole("list", { name: "Files" });
  const row = (name: string) => files.getByRole("listitem", { name, exact: true });
  for (const name of ["Morning_Run.fit", GPX, TCX]) {
    await expect(row(name)).toContainText(/Imported: .* on /);
    await expect(row(name).getByRole("link", { name: "Open the run" })).toHaveAttribute("href", /^\/portal\/runs\/[0-9a-f-]{36}$/);
  }
  await expect(row("holiday.fit")).toContainText("holiday.fit: ");
  await expect(row("holiday.fit")).toContainText("Not imported");
  await expect(row("holiday.fit").getByRole("link")).toHaveCount(0);
  await shot(page, "run-import-390");
  await expectAccessible(page);

  // The page never scrolls sideways on a phone, however long a file's name.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The same files again are recognised, not counted twice.
  await page.getByLabel("Choose files").setInputFiles([{ name: "Morning_Run.fit", mimeType: "application/octet-stream", buffer: fit }]);
  await expect(row("Morning_Run.fit").nth(1)).toContainText("Already imported: this file is your");
  await expect(row("Morning_Run.fit").nth(1).getByRole("link", { name: "Open the run" })).toHaveAttribute("href", (await row("Morning_Run.fit").first().getByRole("link").getAttribute("href"))!);

  // Each row leads to its run's own page (/portal/runs/[runId], issue 19's run page).
  const open = row("Morning_Run.fit").first().getByRole("link", { name: "Open the run" });
  const href = await open.getAttribute("href");
  await open.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  // The run's page: the watch's figures, the chart and the route drawn from the file.
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: /^Run at / })).toBeVisible();
  await expect(main.getByText("Ground contact balance")).toBeVisible();
  await expect(main.getByRole("heading", { name: "Pace and heart rate" })).toBeVisible();
  await expect(main.getByRole("img", { name: /^The route drawn from the watch's positions/ })).toBeVisible();
  await shot(page, "run-import-run-page-390");
  await context.close();
});
