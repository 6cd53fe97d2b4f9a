import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures";

// Issue 20: a client answers the check-ins their coach asks, from Today, in a few taps at phone
// width, offline too. Chidi (Europe/London) is asked the demo's morning check-in and a weekly
// review (src/server/seed/checkins.ts); no other story answers them.
const CLIENT = "chidi@stride.test";
const shots = process.env.SHOTS;

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, timezoneId: "Europe/London" });

async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

async function today(page: Page) {
  await signIn(page, CLIENT);
  await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
  return page.getByRole("list", { name: "Check-ins" });
}

/** Taps a number (or a choice) of one question, found by its prompt. */
async function pick(card: Locator, question: string, answer: string) {
  await card.getByRole("group", { name: question }).getByRole("radio", { name: answer, exact: true }).check({ force: true });
}

test("a client answers the morning check-in with a pain score at the left knee, and sees it answered", async ({ page }) => {
  const checkins = await today(page);
  const card = checkins.getByRole("article", { name: "Morning check-in" });
  await expect(card.getByRole("group", { name: "Any pain this morning? Mark where, which side, and how much." })).toContainText("Nothing marked: nothing hurts.");
  await pick(card, "How do you feel this morning?", "7");
  await pick(card, "How well did you sleep?", "6");

  // Sending a marked place without its score says what is missing.
  const knee = card.getByRole("button", { name: "Left knee", exact: true });
  await knee.click();
  await expect(knee).toHaveAttribute("aria-pressed", "true");
  await card.getByRole("button", { name: "Send answers" }).click();
  await expect(card.getByRole("alert")).toHaveText("Pick how much your left knee hurts, from 0 to 10.");
  await pick(card, "Left knee pain score", "3");
  await shot(page, "checkin-morning-390");
  await card.getByRole("button", { name: "Send answers" }).click();

  await expect(card.getByText(/^Answered at \d\d:\d\d$/)).toBeVisible();
  await expect(card.getByRole("button", { name: "Send answers" })).toHaveCount(0);
  // The server's word, after a reload: answered, collapsed.
  await page.reload();
  await expect(checkins.getByRole("article", { name: "Morning check-in" }).getByText(/^Answered at \d\d:\d\d$/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Check-ins", exact: true })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await expectAccessible(page);
});

test("a check-in answered with no connection waits on the phone and is sent when it is back online", async ({ page }) => {
  const checkins = await today(page);
  const card = checkins.getByRole("article", { name: "Weekly review" });
  await pick(card, "How well did your body cope with this week's training?", "8");
  await pick(card, "The drills this week felt", "About right");
  await card.getByLabel("How many hours did you sleep on a usual night? (h)").fill("7.5");
  await pick(card, "Any new niggle or pain this week?", "No");
  await card.getByLabel("What should your coach know for next week?").fill("Felt strong on the hills.");

  await page.context().setOffline(true);
  await card.getByRole("button", { name: "Send answers" }).click();
  await expect(card.getByRole("status").filter({ hasText: "Waiting to send." })).toBeVisible();
  const waiting = page.getByRole("region", { name: "Waiting to send" });
  await expect(waiting).toContainText("Check-in: Weekly review");
  await shot(page, "checkin-offline-390");

  await page.context().setOffline(false);
  await expect(waiting).toHaveCount(0);
  await expect(card.getByText(/^Answered at \d\d:\d\d$/)).toBeVisible();
  await page.reload();
  await expect(checkins.getByRole("article", { name: "Weekly review" }).getByText(/^Answered at \d\d:\d\d$/)).toBeVisible();
});
