// The trainer's inbox (issue 18, item 5): Priya opens Messages and finds the client waiting for
// her answer first, above one she has already answered, then saves a message she sends often
// as a template. The clients' messages are sent through the app's API as their phones would
// (the conversation pages are another story's). Changes only the conversations of gus@ and
// hana@, and adds a template of priya@'s.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { signIn, trpc } from "./fixtures";

async function signedIn(browser: Browser, email: string, width: number): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, timezoneId: "Europe/London", extraHTTPHeaders: { Origin: baseURL } });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/(dashboard|portal)/);
  await page.close();
  return context;
}


/** The client writes in their conversation; answers its thread id. */
async function write(client: BrowserContext, body: string): Promise<string> {
  const { threadId } = await trpc<{ threadId: string }>(client, "message.conversation", {}, "get");
  await trpc(client, "message.send", { threadId, id: randomUUID(), body }, "post");
  return threadId;
}

test("Priya sees the client waiting for her answer first, and saves a template", async ({ browser }) => {
  const gus = await signedIn(browser, "gus@stride.test", 390);
  const hana = await signedIn(browser, "hana@stride.test", 390);
  const priya = await signedIn(browser, "priya@stride.test", 1280);

  // Gus asks first; Hana asks after him and Priya answers her at once: Gus is the one waiting.
  await write(gus, "Is hopping fine on a sore calf, or should I skip it before tonight's run?");
  const hanaThread = await write(hana, "Done the knee drive, very slow as you said.");
  await trpc(priya, "message.send", { threadId: hanaThread, id: randomUUID(), body: "Lovely. Same again tomorrow." }, "post");

  const page = await priya.newPage();
  await page.goto("/dashboard/messages");
  await expect(page.getByRole("heading", { name: "Messages", level: 1 })).toBeVisible();
  const rows = page.getByRole("list", { name: "Conversations" }).getByRole("listitem");
  const gusRow = rows.filter({ hasText: "Gus Hartley" });
  const hanaRow = rows.filter({ hasText: "Hana Sato" });
  await expect(gusRow).toContainText("Waiting since");
  await expect(gusRow).toContainText("Is hopping fine on a sore calf");
  await expect(gusRow).toContainText("(unread)");
  await expect(hanaRow).toContainText("You: Lovely. Same again tomorrow.");
  await expect(hanaRow).not.toContainText("Waiting");
  const names = await rows.locator("a").evaluateAll((links) => links.map((a) => a.textContent ?? ""));
  const gusAt = names.findIndex((n) => n.includes("Gus Hartley"));
  const hanaAt = names.findIndex((n) => n.includes("Hana Sato"));
  expect(gusAt).toBeGreaterThanOrEqual(0);
  expect(gusAt).toBeLessThan(hanaAt);
  await expect(gusRow.getByRole("link")).toHaveAttribute("href", /\/dashboard\/messages\/[0-9a-f-]{36}$/);

  // Waiting only: Gus, not Hana.
  await page.getByRole("navigation", { name: "Which conversations" }).getByRole("link", { name: "Waiting" }).click();
  await expect(page).toHaveURL(/filter=waiting/);
  await expect(rows.filter({ hasText: "Gus Hartley" })).toBeVisible();
  await expect(rows.filter({ hasText: "Hana Sato" })).toHaveCount(0);
  await page.screenshot({ path: "/tmp/inbox-1280.png", fullPage: true });

  // A template: refused without a title, then saved.
  const form = page.getByRole("form", { name: "New template" });
  await form.getByLabel("Message").fill("Rest the calf today, {first_name}. Back rotations only, and tell me how it feels tomorrow.");
  await form.getByRole("button", { name: "Save template" }).click();
  await expect(form.getByText(/Give the template a short title/)).toBeVisible();
  await form.getByLabel("Title").fill("Rest the calf");
  await form.getByRole("button", { name: "Save template" }).click();
  await expect(form.getByText("Saved “Rest the calf”.")).toBeVisible();
  const templates = page.getByRole("list", { name: "Templates" });
  await expect(templates.getByRole("heading", { name: "Rest the calf" })).toBeVisible();
  // The studio's own templates are there to use, not to change.
  await expect(templates.getByRole("listitem").filter({ hasText: "Slow it down" })).toContainText("The studio owner keeps this one.");

  // On a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard/messages");
  await expect(rows.filter({ hasText: "Gus Hartley" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
  await page.screenshot({ path: "/tmp/inbox-390.png", fullPage: true });

  // Gus's unanswered question is not a day old yet, so it is not in the attention queue.
  await page.goto("/dashboard/attention");
  await expect(page.getByRole("heading", { name: "Needs attention" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Attention queue" }).getByText("Waiting for your answer")).toHaveCount(0);
  for (const context of [gus, hana, priya]) await context.close();
});
