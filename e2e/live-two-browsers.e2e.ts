import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

// Alex (a client) writes to their coach Morgan; Morgan's open page hears it on the live channel
// at once, through the production server's /api/trpc stream, without reloading.
test("a client's message reaches the trainer's open page live", async ({ browser }) => {
  const trainer = await browser.newContext();
  const client = await browser.newContext();
  const trainerPage = await trainer.newPage();
  const clientPage = await client.newPage();

  await signIn(trainerPage, "morgan@stride.test");
  await expect(trainerPage).toHaveURL(/\/dashboard/);
  // The trainer's page listens as the app does: an EventSource on live.events (what the
  // messaging pages' LiveUpdates hold open), its events kept for the test to read.
  await trainerPage.evaluate(() => {
    const w = window as unknown as { liveEvents: string[]; liveOpen: boolean };
    w.liveEvents = [];
    w.liveOpen = false;
    const source = new EventSource("/api/trpc/live.events");
    source.addEventListener("connected", () => (w.liveOpen = true));
    source.addEventListener("message", (e) => w.liveEvents.push((e as MessageEvent<string>).data));
  });
  await expect.poll(() => trainerPage.evaluate(() => (window as unknown as { liveOpen: boolean }).liveOpen)).toBe(true);

  await signIn(clientPage, "alex@stride.test");
  await expect(clientPage).toHaveURL(/\/portal/);
  const messageId = await sendAsClient(clientPage, "How did my left side look on the video?");

  await expect
    .poll(() => trainerPage.evaluate(() => (window as unknown as { liveEvents: string[] }).liveEvents.join("\n")), { timeout: 5_000 })
    .toContain(messageId);
  await trainer.close();
  await client.close();
});

/** Sends through the app's own tRPC endpoint, as the composer does; answers the message's id. */
async function sendAsClient(page: Page, body: string): Promise<string> {
  return page.evaluate(async (text) => {
    const input = encodeURIComponent(JSON.stringify({ json: {} }));
    const conversation = await (await fetch(`/api/trpc/message.conversation?input=${input}`)).json();
    const threadId = conversation.result.data.json.threadId as string;
    const id = crypto.randomUUID();
    const sent = await fetch("/api/trpc/message.send", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ json: { threadId, id, body: text } }) });
    if (!sent.ok) throw new Error(`message.send answered ${sent.status}: ${await sent.text()}`);
    return id;
  }, body);
}
