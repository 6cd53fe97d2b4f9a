import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, openSection, signIn, signOut } from "./fixtures";

// Dana's runs in the demo come from her watch (ground contact time and balance), with Hopping as
// her warm-up before each: the seed writes them (src/server/seed/progression.ts). Reads only;
// the owner's form is tried with bad input (nothing written) and saved at the default.

async function shoot(page: Page, name: string) {
  if (!process.env.E2E_SCREENSHOTS) return;
  const { width, height } = page.viewportSize() ?? { width: 390, height: 900 };
  for (const w of [390, 1280]) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.screenshot({ path: `/tmp/running-load-${name}-${w}.png`, fullPage: true });
  }
  await page.setViewportSize({ width, height });
}

test.use({ viewport: { width: 390, height: 844 } });

test("a runner with a watch sees her weekly load and her ground contact time beside Hopping, on a phone", async ({ page }) => {
  await signIn(page, "dana@stride.test");
  await expect(page).toHaveURL(/\/portal$/);
  await openSection(page, "Progress");
  await expect(page.getByRole("heading", { level: 1, name: "Progress" })).toBeVisible();

  // The weekly load, in plain words: this week against a usual one.
  const load = page.getByRole("region", { name: "Running load", exact: true });
  await expect(load.getByText(/^This week: \d+(\.\d+)?× your usual \(\d+\.\d km in the last 7 days against \d+\.\d km in a usual week of the last four\) — /)).toBeVisible();
  const weeks = load.getByRole("table", { name: "Running load by week" });
  await expect(weeks.getByRole("columnheader", { name: "Distance (km)" })).toBeVisible();
  await expect(weeks.getByRole("columnheader", { name: "Longest (km)" })).toBeVisible();
  // Twelve weeks, the newest first; she has run in the last three.
  await expect(weeks.getByRole("row")).toHaveCount(13);
  await expect(weeks.getByRole("row").nth(1)).not.toContainText("–");

  // Ground contact time beside Hopping, worded as what went together.
  const contact = page.getByRole("article", { name: "Ground contact time beside Hopping" });
  await expect(contact.getByText(/^Ground contact time (fell|rose|stayed at) \d+ ms over \d+ weeks? while Hopping (went from \d+ to \d+ days? a week|stayed at \d+ days? a week)/)).toBeVisible();
  const byWeek = contact.getByRole("table", { name: "Ground contact time and Hopping by week" });
  await expect(byWeek.getByRole("row").nth(1)).toContainText(/\d{3}/);
  await expect(page.getByRole("article", { name: "Left and right beside the Knee Drive" })).toContainText(/do not point to the same side/);

  // Nothing wider than the phone: the tables scroll in their boxes.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
  await shoot(page, "client");
  await signOut(page);
});

test("her trainer sees the same, in their words, and the owner's spike ratio refuses a bad value with a sentence", async ({ page }) => {
  await signIn(page, "morgan@stride.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  await openSection(page, "Overview");
  await page.getByRole("list", { name: "Clients this week" }).getByRole("link", { name: "Dana Whitfield" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dana Whitfield: progress" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Running load", exact: true }).getByText(/^This week: \d+(\.\d+)?× their usual/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Running load", exact: true })).toContainText("Above 1.5× it is flagged in your attention queue.");
  await expect(page.getByRole("article", { name: "Ground contact time beside Hopping" })).toBeVisible();
  await shoot(page, "trainer");

  await openSection(page, "Overview");
  const form = page.getByRole("form", { name: "Running load spike ratio" });
  const ratio = form.getByLabel("Flag a week above (× a usual week)");
  await expect(ratio).toHaveValue("1.5");
  await ratio.fill("5");
  await form.getByRole("button", { name: "Save ratio" }).click();
  await expect(form.getByText("Enter the ratio as a number from 1.05 to 3, e.g. 1.5.")).toBeVisible();
  await ratio.fill("1.5");
  await form.getByRole("button", { name: "Save ratio" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved: a week above 1.5× a usual one is flagged.");
  await expectAccessible(page);
  await shoot(page, "overview");
});
