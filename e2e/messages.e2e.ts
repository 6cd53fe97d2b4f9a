import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures";

// Hana (coached by Priya) asks from her phone, Priya answers from her desk; Hana sees the answer
// and Priya sees "Seen". A message written offline waits on the phone and is delivered once.
// Each side reloads here, as after a phone's lost connection; e2e/talk-live.e2e.ts shows the same
// exchange arriving live.
const CLIENT = "hana@stride.test";
const TRAINER = "priya@stride.test";
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 900 };

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/convo-${name}.png`, fullPage: true });
}

async function signedIn(browser: Browser, email: string, viewport: { width: number; height: number }, hasTouch = false) {
  const context = await browser.newContext({ viewport, hasTouch, timezoneId: "Europe/London" });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/(portal|dashboard)/);
  return page;
}

const thread = (page: Page) => page.getByRole("list", { name: "Messages, oldest first" });

test("a client asks from the phone, the trainer answers, both see it, and an offline message goes once", async ({ browser }) => {
  test.setTimeout(180_000);
  const client = await signedIn(browser, CLIENT, PHONE, true);
  const nav = client.getByRole("navigation", { name: "Main" });
  await nav.getByRole("button", { name: /^More/ }).click();
  await nav.getByRole("link", { name: "Messages" }).click();
  await expect(client.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();

  // Bad input: nothing to send, then too much.
  const box = client.getByRole("textbox", { name: "Write in messages" });
  const send = client.getByRole("button", { name: "Send" });
  await expect(send).toBeDisabled();
  await box.fill("   ");
  await expect(send).toBeDisabled();
  await box.fill("x".repeat(4001));
  await expect(client.getByText("1 character over")).toBeVisible();
  await send.click();
  await expect(client.getByRole("region", { name: "Messages" }).getByRole("alert")).toContainText("Messages can be up to 4,000 characters; this one has 4,001. Split it into two.");

  const question = "How should the left side feel on the knee drives? See https://example.com/drill";
  await box.fill(question);
  await send.click();
  await expect(thread(client).getByText("How should the left side feel")).toBeVisible();
  await expect(thread(client).getByRole("link", { name: "https://example.com/drill" })).toHaveAttribute("href", "https://example.com/drill");
  await expect(box).toHaveValue("");
  await expectAccessible(client);
  await shot(client, "client-asked-390");

  // The trainer sees the unread count, opens the conversation from the client's page and answers with Enter.
  const trainer = await signedIn(browser, TRAINER, DESK);
  const trainerNav = trainer.getByRole("navigation", { name: "Main" });
  await expect(trainerNav.getByRole("link", { name: /^Messages, \d+$/ })).toBeVisible();
  await trainer.getByRole("link", { name: "Hana Sato" }).first().click();
  await expect(trainer.getByRole("heading", { level: 1, name: "Hana Sato" })).toBeVisible();
  await trainer.getByRole("link", { name: "Message", exact: true }).click();
  await expect(trainer.getByRole("heading", { level: 1, name: "Hana Sato" })).toBeVisible();
  await expect(thread(trainer).getByText("How should the left side feel")).toBeVisible();
  // (Reading it clears the trainer's count: e2e/talk-live.e2e.ts, whose studio no other story writes to.)
  const answer = "Like a light stretch, never a pinch. Keep the hips square.";
  await trainer.getByRole("textbox", { name: "Write in messages" }).fill(answer);
  await trainer.getByRole("textbox", { name: "Write in messages" }).press("Enter");
  await expect(thread(trainer).getByText(answer)).toBeVisible();

  // The client sees the answer after a reload, and that it was seen.
  const read = client.waitForResponse((r) => r.url().includes("message.markRead") && r.ok());
  await client.reload();
  await expect(thread(client).getByText(answer)).toBeVisible();
  await read;
  await expect(thread(client).getByText("Priya Shah").first()).toBeVisible();
  // The client has now read it: the trainer sees "Seen" under the answer.
  await trainer.reload();
  await expect(thread(trainer).getByText("Seen")).toBeVisible();
  await shot(trainer, "trainer-seen-1280");

  // Offline: the message waits on the phone, then goes once when the phone is back online.
  await client.context().setOffline(true);
  const offline = "Written on the train with no signal.";
  await box.fill(offline);
  await send.click();
  await expect(thread(client).getByText(offline)).toBeVisible();
  await expect(thread(client).getByText("Waiting to send")).toBeVisible();
  await shot(client, "client-offline-390");
  await client.context().setOffline(false);
  await expect(thread(client).getByText("Waiting to send")).toHaveCount(0, { timeout: 20_000 });
  await expect(thread(client).getByText(offline)).toHaveCount(1);
  await client.reload();
  await expect(thread(client).getByText(offline)).toHaveCount(1);
  await trainer.reload();
  await expect(thread(trainer).getByText(offline)).toHaveCount(1);
  await shot(client, "client-after-sync-390");
  await shot(trainer, "trainer-after-sync-1280");
});
