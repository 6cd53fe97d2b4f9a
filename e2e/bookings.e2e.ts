import { expect, test, type Page } from "@playwright/test";
import { DateTime } from "luxon";
import { expectAccessible, signIn } from "./fixtures";

// Uses fran@ and gus@ (clients no other story relies on) and looks at Morgan's calendar.
const SESSION = "1:1 run technique session";

/** The first free time listed, as its accessible name ("Wednesday 25 November 17:00"). */
async function pickFirstTime(page: Page, skip = 0): Promise<string> {
  const button = page.getByRole("list", { name: /^Free times on/ }).getByRole("button").nth(skip);
  const name = (await button.getAttribute("aria-label"))!;
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "true");
  return name;
}

/** "Wednesday 25 November 17:00" → the Monday of its week and its day label. */
function weekOf(name: string) {
  const [weekday, day, month] = name.split(" ");
  const now = DateTime.now();
  let date = DateTime.fromFormat(`${weekday} ${day} ${month} ${now.year}`, "cccc d MMMM yyyy", { locale: "en-GB" });
  if (!date.isValid || date < now.minus({ days: 1 })) date = DateTime.fromFormat(`${weekday} ${day} ${month} ${now.year + 1}`, "cccc d MMMM yyyy", { locale: "en-GB" });
  return { monday: date.startOf("week").toISODate()!, dayLabel: `${weekday} ${day} ${month}` };
}

test.describe("booking a session", () => {
  test("a client books, sees it, reschedules and cancels it; the trainer's calendar follows", async ({ browser }) => {
    const client = await (await browser.newContext()).newPage();
    const trainer = await (await browser.newContext()).newPage();
    await signIn(client, "fran@stride.test");
    await expect(client).toHaveURL(/\/portal$/);
    await signIn(trainer, "morgan@stride.test");
    await expect(trainer).toHaveURL(/\/dashboard$/);

    // Book.
    await client.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Book a session" }).click();
    await client.getByRole("radio", { name: new RegExp(SESSION) }).check();
    await expect(client.getByText("Europe/Warsaw time")).toBeVisible();
    // Two weeks out, so it can still be moved and cancelled for free.
    await client.getByRole("button", { name: "Later dates" }).click();
    await expect(client.getByRole("button", { name: "Earlier dates" })).toBeEnabled();
    const first = await pickFirstTime(client);
    await expectAccessible(client);
    await client.getByRole("button", { name: "Book this session" }).click();
    await expect(client).toHaveURL(/\/portal\/sessions\?done=booked/);
    await expect(client.getByRole("main").getByRole("status")).toContainText("Your session is booked");
    const upcoming = client.getByRole("list", { name: "Upcoming sessions" });
    await expect(upcoming.getByRole("listitem")).toHaveCount(1);
    await expect(upcoming).toContainText(SESSION);
    await expect(upcoming).toContainText(`${first.split(" ").pop()}–`);
    await expect(client.getByText("You have 4 credits.")).toBeVisible();
    await expectAccessible(client);

    // The trainer sees it in the week calendar.
    const booked = weekOf(first);
    await trainer.goto(`/dashboard/calendar?week=${booked.monday}`);
    await expect(trainer.getByRole("region", { name: booked.dayLabel })).toContainText("Fran Kowalski");
    await expectAccessible(trainer);

    // Reschedule to another time.
    await client.getByRole("link", { name: new RegExp(`^Reschedule ${SESSION}`) }).click();
    await expect(client.getByRole("main").getByRole("status")).toContainText("Moving your session");
    await client.getByRole("button", { name: "Later dates" }).click();
    await expect(client.getByRole("button", { name: "Earlier dates" })).toBeEnabled();
    const second = await pickFirstTime(client, 1);
    await client.getByRole("button", { name: "Move my session here" }).click();
    await expect(client).toHaveURL(/done=moved/);
    await expect(upcoming.getByRole("listitem")).toHaveCount(1);
    await expect(upcoming).toContainText(`${second.split(" ").pop()}–`);
    await expect(client.getByText("You have 4 credits.")).toBeVisible();

    const moved = weekOf(second);
    await trainer.goto(`/dashboard/calendar?week=${moved.monday}`);
    await expect(trainer.getByRole("region", { name: moved.dayLabel })).toContainText("Fran Kowalski");

    // Cancel: the portal says what it costs (nothing, this far ahead) before it happens.
    await client.getByRole("button", { name: new RegExp(`^Cancel ${SESSION}`) }).click();
    await expect(client.getByRole("group")).toContainText("free until");
    await client.getByRole("button", { name: "Yes, cancel it" }).click();
    await expect(client).toHaveURL(/done=cancelled/);
    await expect(upcoming.getByRole("listitem").first()).toContainText("Cancelled");
    await expect(client.getByText("You have 5 credits.")).toBeVisible();

    await trainer.reload();
    const day = trainer.getByRole("region", { name: moved.dayLabel });
    await expect(day.getByRole("listitem").filter({ hasText: "Fran Kowalski" })).toContainText("Cancelled");
  });

  test("two clients race for one time: the second is told it was just taken and sees the next times", async ({ browser }) => {
    const fran = await (await browser.newContext()).newPage();
    const gus = await (await browser.newContext()).newPage();
    await signIn(fran, "fran@stride.test");
    await expect(fran).toHaveURL(/\/portal$/);
    await signIn(gus, "gus@stride.test");
    await expect(gus).toHaveURL(/\/portal$/);
    for (const page of [fran, gus]) {
      await page.goto("/portal/book");
      await page.getByRole("radio", { name: new RegExp(SESSION) }).check();
    }
    // Same time for both: Fran is in Warsaw and Gus in London, so compare the instants by position.
    await pickFirstTime(fran);
    await pickFirstTime(gus);
    await fran.getByRole("button", { name: "Book this session" }).click();
    await expect(fran).toHaveURL(/done=booked/);

    await gus.getByRole("button", { name: "Book this session" }).click();
    const alert = gus.getByRole("main").getByRole("alert");
    await expect(alert).toContainText("That time was just taken");
    await expect(alert).toContainText("The next free times are below");
    await expect(gus.getByRole("list", { name: /^Free times on/ }).first().getByRole("button").first()).toBeVisible();
    await expect(gus).toHaveURL(/\/portal\/book/);
    await expectAccessible(gus);
  });

  test("a trainer books a session for a client and cancels it, free for the client", async ({ page }) => {
    await signIn(page, "morgan@stride.test");
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.getByRole("link", { name: "Calendar" }).click();
    await expect(page.getByRole("heading", { name: "Book for a client" })).toBeVisible();
    await page.getByLabel("Client", { exact: true }).selectOption({ label: "Dana Whitfield" });
    await page.getByLabel("Session type").selectOption({ label: "Video form check" });
    const time = page.getByLabel("Time (your zone)");
    await expect(time.locator("option").nth(1)).toBeAttached();
    // The last time offered (three weeks out), so it is on a later week than the seeded sessions.
    const last = time.locator("option").last();
    const value = (await last.getAttribute("value"))!;
    await time.selectOption(value);
    await page.getByRole("button", { name: "Book", exact: true }).click();
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Booked." })).toBeVisible();

    const start = DateTime.fromISO(value, { zone: "Europe/London" });
    await page.goto(`/dashboard/calendar?week=${start.startOf("week").toISODate()}`);
    const day = page.getByRole("region", { name: start.setLocale("en-GB").toFormat("cccc d MMMM") });
    const item = day.getByRole("listitem").filter({ hasText: "Dana Whitfield" });
    await expect(item).toContainText(start.toFormat("HH:mm"));
    await expectAccessible(page);
    // The same confirmation panel as a client's cancel: focus on its question, Keep it puts it back.
    const cancel = item.getByRole("button", { name: /^Cancel Dana Whitfield/ });
    await cancel.click();
    const panel = item.getByRole("group", { name: /^Cancel Dana Whitfield.*\?$/ });
    await expect(panel).toHaveAccessibleDescription(/Cancelling is free for your client/);
    await expect(panel.getByText(/^Cancel Dana Whitfield.*\?$/)).toBeFocused();
    await panel.getByRole("button", { name: "Keep it" }).click();
    await expect(panel).toBeHidden();
    await expect(cancel).toBeFocused();
    await cancel.click();
    await item.getByRole("button", { name: "Yes, cancel it" }).click();
    await expect(item).toContainText("Cancelled");
  });
});
