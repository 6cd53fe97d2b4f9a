import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { expectAccessible, signIn, signOut, answerIntakeWithoutFlags } from "./fixtures";

// The "done when", live: a fresh client of the second demo studio (used by no other
// story) asks from the phone with a photo while the trainer's inbox is open; the question
// arrives there without a reload, the trainer answers from the inbox with a template, and the
// answer appears on the client's open page without a reload, then "Seen" on the trainer's.
const TRAINER = "rosa@harbour.test";
const CLIENT = { name: "Noor Haddad", email: "noor.haddad@harbour.test", password: "ask-from-the-phone" };
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 900 };

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/talk-${name}.png`, fullPage: true });
}

async function newPage(browser: Browser, viewport: { width: number; height: number }, hasTouch = false) {
  const context = await browser.newContext({ viewport, hasTouch, timezoneId: "Europe/London" });
  return context.newPage();
}

const thread = (page: Page) => page.getByRole("list", { name: "Messages, oldest first" });

test("a client asks from the phone, the trainer's open inbox shows it, the answer appears on the client's open page", async ({ browser }) => {
  test.setTimeout(180_000);

  // The trainer invites the client, who joins from the phone.
  const trainer = await newPage(browser, DESK);
  await signIn(trainer, TRAINER);
  await expect(trainer).toHaveURL(/\/dashboard$/);
  const invite = trainer.getByRole("form", { name: "Invite a client" });
  await invite.getByLabel("Client's name").fill(CLIENT.name);
  await invite.getByLabel("Client's email").fill(CLIENT.email);
  await invite.getByRole("button", { name: "Send invite" }).click();
  const link = new URL((await invite.getByRole("link", { name: `Invite link for ${CLIENT.name}` }).getAttribute("href"))!);

  const client = await newPage(browser, PHONE, true);
  await client.goto(link.pathname + link.search);
  await client.getByLabel("Choose a password").fill(CLIENT.password);
  await client.getByLabel("Your time zone").selectOption("Europe/London");
  await client.getByRole("button", { name: "Join and go to my drills" }).click();
  await answerIntakeWithoutFlags(client);

  // The trainer keeps an answer they send often as a template, and leaves the inbox open.
  const trainerNav = trainer.getByRole("navigation", { name: "Main" });
  await trainerNav.getByRole("link", { name: "Messages", exact: true }).click();
  await expect(trainer.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
  const newTemplate = trainer.getByRole("form", { name: "New template" });
  await newTemplate.getByLabel("Title").fill("Too high");
  await newTemplate.getByLabel("Message").fill("Good question, {first_name}. A pinch means the knee goes too high: stop just below it.");
  await newTemplate.getByRole("button", { name: "Save template" }).click();
  await expect(newTemplate.getByText("Saved “Too high”.")).toBeVisible();
  const rows = trainer.getByRole("list", { name: "Conversations" }).getByRole("listitem");
  await expect(rows.filter({ hasText: CLIENT.name })).toHaveCount(0);

  // The client asks, with a photo of where it pinches (a real JPEG, larger than the app keeps).
  const nav = client.getByRole("navigation", { name: "Main" });
  await nav.getByRole("button", { name: /^More/ }).click();
  await nav.getByRole("link", { name: "Messages" }).click();
  await expect(client.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
  const photo = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: "#c84" } }).jpeg().toBuffer();
  await client.getByLabel("Add a photo").setInputFiles({ name: "knee.jpg", mimeType: "image/jpeg", buffer: photo });
  await expect(client.getByRole("img", { name: "The photo you are about to send" })).toBeVisible();
  const question = "Is this where the knee drive should pull? It pinches a little on the left.";
  await client.getByRole("textbox", { name: "Write in messages" }).fill(question);
  await client.getByRole("button", { name: "Send" }).click();
  await expect(thread(client).getByText(question)).toBeVisible();
  const sent = thread(client).getByRole("img", { name: "Photo from you" });
  await expect(sent).toBeVisible();
  // Kept at most 1600 px on its long side.
  await expect.poll(() => sent.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);

  // Without a reload, the trainer's inbox lists the client first, waiting for an answer, and the nav counts it.
  await expect(trainerNav.getByRole("link", { name: "Messages, 1" })).toBeVisible();
  await expect(rows.first()).toContainText(CLIENT.name);
  await expect(rows.first()).toContainText("It pinches a little");
  await expectAccessible(trainer);
  await shot(trainer, "inbox-live-1280");

  // The trainer answers from the inbox: a template, filled with the client's first name, then edited.
  await rows.first().getByRole("link").first().click();
  await expect(trainer.getByRole("heading", { level: 1, name: CLIENT.name })).toBeVisible();
  await expect(thread(trainer).getByText(question)).toBeVisible();
  await expect(thread(trainer).getByRole("img", { name: `Photo from ${CLIENT.name}` })).toBeVisible();
  const box = trainer.getByRole("textbox", { name: "Write in messages" });
  await trainer.getByRole("button", { name: "Templates" }).click();
  await trainer.getByRole("group", { name: "Message templates" }).getByRole("button", { name: /Too high/ }).click();
  const answer = "Good question, Noor. A pinch means the knee goes too high: stop just below it.";
  await expect(box).toHaveValue(answer);
  // Reading the question cleared the trainer's count.
  await expect(trainerNav.getByRole("link", { name: "Messages", exact: true })).toBeVisible();
  await box.press("End");
  await box.pressSequentially(" Then hold.");
  await box.press("Enter");
  await expect(thread(trainer).getByText(`${answer} Then hold.`)).toBeVisible();

  // The client's page, open all along, shows the answer without a reload; reading it shows "Seen" to the trainer.
  await expect(thread(client).getByText(`${answer} Then hold.`)).toBeVisible();
  await expect(thread(trainer).getByText("Seen")).toBeVisible();
  await expectAccessible(client);
  await shot(client, "client-answered-390");
  await shot(trainer, "trainer-seen-1280");

  // A photo that is not an image is refused by its bytes, not its name, and nothing is sent.
  await client.getByLabel("Add a photo").setInputFiles({ name: "knee.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not a photo at all, just words") });
  await expect(client.getByRole("region", { name: "Messages" }).getByText(/That file is not a photo/)).toBeVisible();
  await expect(client.getByRole("img", { name: "The photo you are about to send" })).toHaveCount(0);

  await signOut(trainer);
});
