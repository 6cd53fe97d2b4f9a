import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures";

// A coach asks a client a morning check-in from the client's page, on a phone, is told the day
// the clocks skip its time in the client's zone, and stops it again (Fran: no other story
// schedules her check-ins). Then a programme's check-ins, on the programs page.

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test("a coach schedules Fran's morning check-in at a time her clocks skip once a year, and stops it", async ({ page }) => {
  await signIn(page, "morgan@stride.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("list", { name: "Client list" }).getByRole("link", { name: /Fran Kowalski/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fran Kowalski" })).toBeVisible();

  const card = page.getByRole("region", { name: "Check-ins" });
  await expect(card.getByText("No check-ins scheduled.")).toBeVisible();
  const form = card.getByRole("form", { name: "Schedule a check-in" });
  await form.getByLabel("Form").selectOption({ label: "Morning check-in" });
  await form.getByLabel("Time").fill("02:30");
  await form.getByRole("button", { name: "Schedule check-in" }).click();

  const skipped = /^02:30 does not happen on \d{1,2} March \d{4} in Europe\/Warsaw; that day the check-in opens at 03:00\.$/;
  await expect(card.getByRole("status")).toContainText("Morning check-in scheduled (Daily at 02:30).");
  const scheduled = card.getByRole("list", { name: "Scheduled check-ins" });
  await expect(scheduled.getByRole("listitem")).toHaveCount(1);
  await expect(scheduled.getByText(skipped)).toBeVisible();
  await expectAccessible(page);

  // The same form twice is refused with a sentence.
  await form.getByLabel("Time").fill("07:00");
  await form.getByRole("button", { name: "Schedule check-in" }).click();
  await expect(card.getByText(/^Morning check-in is already scheduled for Fran Kowalski: stop that schedule first to change its time\.$/)).toBeVisible();

  await scheduled.getByRole("button", { name: "Stop Morning check-in" }).click();
  await expect(card.getByText("No check-ins scheduled.")).toBeVisible();
});

test("a coach asks a programme's clients a weekly review, each at their own time", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "morgan@stride.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/dashboard/programs");
  const program = page.getByRole("list", { name: "Programs" }).getByRole("listitem").first();
  const name = (await program.getByRole("heading", { level: 2 }).textContent())!;
  await program.getByText(`Check-ins for ${name}`).click();
  const card = program.getByRole("region", { name: `Check-ins for ${name}` });
  const form = card.getByRole("form", { name: "Schedule a check-in" });
  await form.getByLabel("Form").selectOption({ label: "Weekly review" });
  await form.getByLabel("How often").selectOption("weekly");
  await form.getByLabel("Day of the week").selectOption({ label: "Sunday" });
  await form.getByLabel("Time").fill("18:00");
  await form.getByRole("button", { name: "Schedule check-in" }).click();
  await expect(card.getByRole("list", { name: "Scheduled check-ins" }).getByText("Sundays at 18:00", { exact: false })).toBeVisible();
  await expectAccessible(page);
  await card.getByRole("button", { name: "Stop Weekly review" }).click();
  await expect(card.getByText("No check-ins scheduled.")).toBeVisible();
});
