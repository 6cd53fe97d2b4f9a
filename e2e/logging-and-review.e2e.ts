import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, openSection, signIn } from "./fixtures";

// Dana (America/New_York, Hopping unlocked early by her coach) is used by no other e2e file.
const CLIENT = "dana@stride.test";
const TRAINER = "priya@stride.test";
const shots = process.env.SHOTS;

test.use({ viewport: { width: 360, height: 780 }, hasTouch: true, timezoneId: "America/New_York" });

async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

test("a client logs drills, a run with its warm-up and an offline session; the trainer reviews; the client sees the feedback", async ({ page, browser }) => {
  const main = page.getByRole("main");
  await signIn(page, CLIENT);
  await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
  await main.getByRole("link", { name: "Log drills" }).click();
  await expect(page.getByRole("heading", { name: "Log drills", exact: true })).toBeVisible();

  // Knee Drive with the stopwatch, left then right, in slow motion.
  const knee = page.getByRole("group", { name: "Knee Drive" });
  await expect(knee.getByText("Move in slow motion")).toBeVisible();
  await knee.getByRole("button", { name: "Start left side" }).click();
  await page.waitForTimeout(1200);
  await knee.getByRole("button", { name: "Lost balance: stop the left side" }).click();
  await knee.getByRole("button", { name: "Start right side" }).click();
  await page.waitForTimeout(800);
  await knee.getByRole("button", { name: "Lost balance: stop the right side" }).click();
  await expect(knee.getByRole("button", { name: "Both sides timed" })).toBeDisabled();
  await expect(knee.getByLabel("Left side seconds")).toHaveValue(/^1(\.\d)?$/);
  await expect(knee.getByLabel("Right side seconds")).toHaveValue(/^\d(\.\d)?$/);

  // Back Rotations against 15–20 with the counter.
  const rotations = page.getByRole("group", { name: "Back Rotations" });
  for (let i = 0; i < 3; i++) await rotations.getByRole("button", { name: "One more, left side" }).click();
  await expect(rotations.getByLabel(/^Left side reps/)).toHaveValue("3");

  // Bad input gets a clear message and stores nothing.
  await knee.getByLabel("Left side seconds").fill("-5");
  await rotations.getByLabel(/^Left side reps/).fill("500");
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(knee.getByText("Enter a hold between 0.1 and 600 seconds.")).toBeVisible();
  await expect(rotations.getByText(/^500 reps is more than we can record/)).toBeVisible();
  await expect(main.getByRole("alert")).toBeVisible();

  // The client corrects the late tap and the count, then saves.
  await knee.getByLabel("Left side seconds").fill("24.5");
  await expect(knee.getByText("Enter a hold between 0.1 and 600 seconds.")).toHaveCount(0);
  await rotations.getByLabel(/^Left side reps/).fill("17");
  await rotations.getByLabel(/^Right side reps/).fill("16");
  await page.getByRole("radio", { name: "Effort 6" }).check({ force: true });
  await page.getByLabel("Note for your coach").fill("Stopwatch session");
  await shot(page, "log-360");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(main.getByRole("status").filter({ hasText: "Session saved" })).toBeVisible();

  // A run with Hopping as its warm-up; a run of 0 minutes and a date beyond tomorrow are refused first.
  await openSection(page, "Log a run");
  await expect(page.getByRole("heading", { name: "Log a run", exact: true })).toBeVisible();
  await page.getByLabel("Distance").fill("5");
  await page.getByLabel("Minutes").fill("0");
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(page.getByText("Enter how long the run took; it must be more than 0 minutes.").first()).toBeVisible();
  await page.getByLabel("Minutes").fill("28");
  const inThreeDays = new Date(Date.now() + 3 * 86_400_000);
  const local = new Date(inThreeDays.getTime() - inThreeDays.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  const when = await page.getByLabel("Date and time").inputValue();
  await page.getByLabel("Date and time").fill(local);
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(page.getByText("That is more than a day from now; pick the date and time it actually happened.").first()).toBeVisible();
  await page.getByLabel("Date and time").fill(when);
  await page.getByLabel("I did my warm-up drills before this run").check();
  const hopping = page.getByRole("group", { name: "Hopping" });
  await hopping.getByLabel(/^Left side contacts/).fill("27");
  await hopping.getByRole("group", { name: "How short did the contacts feel (left)?" }).getByRole("radio", { name: "Short" }).check({ force: true });
  await hopping.getByLabel(/^Right side contacts/).fill("24");
  await hopping.getByRole("group", { name: "How short did the contacts feel (right)?" }).getByRole("radio", { name: "Medium" }).check({ force: true });
  await shot(page, "run-360");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(main.getByRole("status").filter({ hasText: "Run and warm-up saved" })).toBeVisible();

  // Offline: the session waits on the phone, then goes once when the phone is back online.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log drills" }).click();
  await expect(page.getByRole("heading", { name: "Log drills", exact: true })).toBeVisible();
  await page.context().setOffline(true);
  const rotationsAgain = page.getByRole("group", { name: "Back Rotations" });
  await rotationsAgain.getByLabel(/^Left side reps/).fill("15");
  await rotationsAgain.getByLabel(/^Right side reps/).fill("15");
  await page.getByLabel("Note for your coach").fill("Offline session");
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(main.getByRole("status").filter({ hasText: "No connection: the session is saved on this phone" })).toBeVisible();
  const waiting = page.getByRole("region", { name: "Waiting to send" });
  await expect(waiting).toContainText("1 log is waiting to send");
  await shot(page, "offline-360");
  await expectAccessible(page);
  await page.context().setOffline(false);
  await expect(waiting).toHaveCount(0, { timeout: 30_000 });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: "History", exact: true })).toBeVisible();
  await expect(page.getByText("Offline session")).toHaveCount(1);
  await expect(page.getByText("Stopwatch session")).toHaveCount(1);
  // Dana has seeded Hopping warm-ups too: this one is told apart by its own values.
  await expect(page.getByText("Hopping: left 27 contacts (short contacts), right 24 contacts (medium contacts)")).toBeVisible();
  await shot(page, "history-360");

  // Within 24 hours the client can correct a session.
  await page.getByRole("article").filter({ hasText: "Stopwatch session" }).getByRole("link", { name: "Edit session" }).click();
  await expect(page.getByRole("heading", { name: "Edit session", exact: true })).toBeVisible();
  await expect(page.getByRole("group", { name: "Knee Drive" }).getByLabel("Left side seconds")).toHaveValue("24.5");
  await page.getByRole("group", { name: "Knee Drive" }).getByLabel("Right side seconds").fill("21.5");
  await shot(page, "edit-360");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: "History", exact: true })).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: "Stopwatch session" })).toContainText("Knee Drive: left 24.5 s, right 21.5 s");

  // The trainer sees it in the queue, reviews it.
  const trainerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: "Europe/London" });
  const trainer = await trainerContext.newPage();
  await signIn(trainer, TRAINER);
  await trainer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Needs attention/ }).click();
  // Priya's own queue holds her clients; Dana is Morgan's, so she looks at the whole studio.
  await expect(trainer.getByRole("listitem").filter({ hasText: "Dana Whitfield" })).toHaveCount(0);
  await trainer.getByRole("navigation", { name: "Whose clients" }).getByRole("link", { name: "Whole studio" }).click();
  await expect(trainer.getByRole("link", { name: "Whole studio" })).toHaveAttribute("aria-current", "page");
  const item = trainer.getByRole("listitem").filter({ hasText: "Dana Whitfield" }).filter({ hasText: "Logged Back Rotations; not reviewed yet." });
  await expect(item).toHaveCount(1);
  await shot(trainer, "attention-1280");
  await expectAccessible(trainer);
  await item.getByRole("link", { name: "Dana Whitfield" }).click();
  await expect(trainer.getByText("Offline session")).toBeVisible();
  await expect(trainer.getByRole("row", { name: /Back Rotations/ })).toContainText("15 reps");
  await trainer.getByRole("link", { name: "Show in the client's time zone" }).click();
  await expect(trainer.getByText("America/New York, the client's time")).toBeVisible();
  await trainer.getByLabel("Feedback for the client").fill("Nice even sides. Keep the turn slow.");
  await trainer.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(trainer.getByRole("main").getByRole("status")).toContainText("Reviewed");
  await expectAccessible(trainer);
  await shot(trainer, "review-1280");
  await trainer.getByRole("link", { name: "Needs attention" }).first().click();
  await trainer.getByRole("navigation", { name: "Whose clients" }).getByRole("link", { name: "Whole studio" }).click();
  await expect(trainer.getByRole("link", { name: "Whole studio" })).toHaveAttribute("aria-current", "page");
  await expect(trainer.getByRole("listitem").filter({ hasText: "Logged Back Rotations; not reviewed yet." }).filter({ hasText: "Dana Whitfield" })).toHaveCount(0);
  await trainerContext.close();

  // The client sees the feedback.
  await page.reload();
  const reviewed = page.getByRole("article").filter({ hasText: "Offline session" });
  await expect(reviewed.getByRole("note", { name: "Feedback from your coach" })).toContainText("Nice even sides. Keep the turn slow.");
  await expect(reviewed).toContainText("Feedback from Priya Shah");
  await expectAccessible(page);
});

test("the portal opens offline to Today once it has been opened", async ({ page }) => {
  await signIn(page, "fran@stride.test");
  await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
  await expect.poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration("/portal"))?.active)), { timeout: 15_000 }).toBe(true);
  await page.reload();
  await page.context().setOffline(true);
  await page.goto("/portal");
  await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
  await page.context().setOffline(false);
});
