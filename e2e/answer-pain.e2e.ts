import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures";

// Issue 18: a client's pain report opens a comment on the log, and the trainer answers it from
// the attention queue. Uses jonah@ (Tom's client), whom no other story logs for.
const PHONE = { width: 390, height: 844 };

test("a client reports pain on a run from the phone, the trainer answers from the queue, and the client reads the answer on the run", async ({ browser }) => {
  const clientContext = await browser.newContext({ viewport: PHONE, hasTouch: true, timezoneId: "America/New_York" });
  const client = await clientContext.newPage();
  await signIn(client, "jonah@stride.test");
  await expect(client).toHaveURL(/\/portal$/);
  await client.goto("/portal/run");
  await expect(client.getByRole("heading", { name: "Log a run", exact: true })).toBeVisible();
  await client.getByLabel("Distance").fill("6");
  await client.getByLabel("Minutes").fill("35");
  await client.getByLabel("Something hurt").check();
  await client.getByLabel("Where does it hurt?").fill("left knee");
  await client.getByLabel("Note about the run").fill("Sharp on the downhill.");
  await client.getByRole("button", { name: "Save run" }).click();
  await expect(client.getByRole("main").getByRole("status").filter({ hasText: "Run saved." })).toBeVisible();

  const trainerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: "America/New_York" });
  const trainer = await trainerContext.newPage();
  await signIn(trainer, "tom@stride.test");
  await expect(trainer).toHaveURL(/\/dashboard$/);
  await trainer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Needs attention/ }).click();
  await expect(trainer).toHaveURL(/\/dashboard\/attention/);
  const queue = trainer.getByRole("list", { name: "Attention queue" });
  const item = queue.getByRole("listitem").filter({ hasText: "Jonah Price" }).filter({ hasText: "Reported pain (left knee)" });
  await expect(item).toHaveCount(1);
  await expect(item.getByText("Answered")).toHaveCount(0);
  const runHref = await item.getByRole("link", { name: "Jonah Price" }).getAttribute("href");
  const runId = runHref!.split("/").pop()!;

  await item.getByRole("button", { name: "Answer Jonah Price" }).click();
  await item.getByLabel("Your answer to Jonah Price").fill("Walk the downhills this week and tell me how the knee feels on Friday.");
  await trainer.screenshot({ path: "/tmp/comments-attention-answering-1280.png", fullPage: true });
  await item.getByRole("button", { name: "Send answer" }).click();
  await expect(item.getByText("Answered", { exact: true })).toBeVisible();
  await expect(item.getByRole("button", { name: "Answer again Jonah Price" })).toBeVisible();
  await trainer.screenshot({ path: "/tmp/comments-attention-1280.png", fullPage: true });
  await expectAccessible(trainer);
  // After a reload it is still answered: the server's rule, not the page's memory.
  await trainer.reload();
  await expect(item.getByText("Answered", { exact: true })).toBeVisible();
  await trainer.setViewportSize(PHONE);
  await trainer.screenshot({ path: "/tmp/comments-attention-390.png", fullPage: true });
  await trainerContext.close();

  // The comments on the run, as the run page's thread reads them (message.forLog).
  const thread = await client.evaluate(async (id) => {
    const response = await fetch(`/api/trpc/message.forLog?input=${encodeURIComponent(JSON.stringify({ json: { runId: id } }))}`);
    return ((await response.json()) as { result: { data: { json: { messages: { body: string; authorKind: string; isMine: boolean }[] } } } }).result.data.json;
  }, runId);
  expect(thread.messages.map((m) => [m.authorKind, m.isMine, m.body])).toEqual([
    ["client", true, "Pain: left knee — Sharp on the downhill."],
    ["trainer", false, "Walk the downhills this week and tell me how the knee feels on Friday."],
  ]);
  await clientContext.close();
});
