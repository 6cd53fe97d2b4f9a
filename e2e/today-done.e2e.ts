import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn, signOut, answerIntakeWithoutFlags } from "./fixtures";

// A fresh client of the second demo studio (Harbour Track Club), used by no other story, with
// Knee Drive as their one daily drill: logging its two sides completes the day.
const TRAINER = "rosa@harbour.test";
const CLIENT = { name: "Tia Donovan", email: "tia.donovan@harbour.test", password: "both-sides-today" };
const shots = process.env.SHOTS;

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, timezoneId: "Europe/London" });

async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

test("a fresh client logs Knee Drive on both sides and Today shows it done, with its values and a streak of 1", async ({ page }) => {
  // The trainer invites the client and assigns Knee Drive, daily.
  await signIn(page, TRAINER);
  await expect(page).toHaveURL(/\/dashboard$/);
  const invite = page.getByRole("form", { name: "Invite a client" });
  await invite.getByLabel("Client's name").fill(CLIENT.name);
  await invite.getByLabel("Client's email").fill(CLIENT.email);
  await invite.getByRole("button", { name: "Send invite" }).click();
  const link = await invite.getByRole("link", { name: `Invite link for ${CLIENT.name}` }).getAttribute("href");
  await page.getByRole("list", { name: "Client list" }).getByRole("link", { name: new RegExp(CLIENT.name) }).click();
  await expect(page.getByRole("heading", { level: 1, name: CLIENT.name })).toBeVisible();
  const assign = page.getByRole("form", { name: "Assign a drill" });
  await assign.getByLabel("Drill").selectOption({ label: "Knee Drive" });
  await assign.getByRole("button", { name: "Assign drill" }).click();
  await expect(page.getByRole("list", { name: "Assigned drills" }).getByRole("listitem")).toHaveCount(1);
  await signOut(page);

  // The client joins and sees Knee Drive due, not done, no streak yet.
  await page.goto(new URL(link!).pathname + new URL(link!).search);
  await page.getByLabel("Choose a password").fill(CLIENT.password);
  await page.getByLabel("Your time zone").selectOption("Europe/London");
  await page.getByRole("button", { name: "Join and go to my drills" }).click();
  await answerIntakeWithoutFlags(page);
  const knee = page.getByRole("list", { name: "Due today" }).getByRole("article", { name: "Knee Drive" });
  await expect(knee).toBeVisible();
  await expect(knee.getByText("✓ Done", { exact: true })).toHaveCount(0);
  await expect(page.getByTestId("today-streak")).toContainText("Streak: 0 days");

  // One side only is not done.
  const main = page.getByRole("main");
  await main.getByRole("link", { name: "Log drills" }).click();
  const logger = page.getByRole("group", { name: "Knee Drive" });
  await logger.getByLabel("Left side seconds").fill("30");
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(page.getByText("Session saved. Your coach will see it.")).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Today" }).click();
  await expect(knee.getByLabel("Logged in part today")).toContainText("the right side is still to do");
  await expect(page.getByTestId("today-streak")).toContainText("Streak: 0 days");

  // The other side: done, with both values, and the streak moves to 1, without a reload.
  await knee.getByRole("link", { name: "Log the rest" }).click();
  await expect(page.getByRole("heading", { name: "Log drills", exact: true })).toBeVisible();
  await page.getByRole("group", { name: "Knee Drive" }).getByLabel("Right side seconds").fill("28.5");
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(page.getByText("Session saved. Your coach will see it.")).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Today" }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await expect(knee.getByText("✓ Done", { exact: true })).toBeVisible();
  const done = knee.getByLabel("Done today");
  await expect(done).toContainText("Left30 s");
  await expect(done).toContainText("Right28.5 s");
  await expect(page.getByTestId("today-streak")).toContainText("Streak: 1 day · today counts.");
  await expect(knee.getByRole("link", { name: "Log again" })).toBeVisible();
  await expectAccessible(page);
  await shot(page, "today-390");
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(knee.getByLabel("Done today")).toBeVisible();
  await shot(page, "today-1280");
});
