import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./fixtures";

// Issue 20: the health questions before the first drill, on a phone. Runs in the second demo
// studio (Harbour Track Club), whose owner Rosa coaches; the client is new to this story.
test.use({ viewport: { width: 390, height: 844 } });

const TRAINER = "rosa@harbour.test";
const CLIENT = { name: "Ivy Moreau", email: "ivy.moreau@harbour.test", password: "knees-first-please" };
const DETAIL = "Left knee aches after long runs since the spring.";
const shots = process.env.SHOTS;
const HELD = "Your coach is reading your health answers. Your drills appear here once they have cleared you.";

async function openClient(page: Page, name: string) {
  await page.goto("/dashboard");
  await page.getByRole("list", { name: "Client list" }).getByRole("link", { name: new RegExp(name) }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("a new client says yes to a knee problem, their drills wait, the trainer clears them, and the drills appear", async ({ page }) => {
  // The trainer invites the client and gives them Runner's foundation before they join.
  await signIn(page, TRAINER);
  await expect(page).toHaveURL(/\/dashboard$/);
  const invite = page.getByRole("form", { name: "Invite a client" });
  await invite.getByLabel("Client's name").fill(CLIENT.name);
  await invite.getByLabel("Client's email").fill(CLIENT.email);
  await invite.getByRole("button", { name: "Send invite" }).click();
  const link = new URL((await invite.getByRole("link", { name: `Invite link for ${CLIENT.name}` }).getAttribute("href"))!);
  await openClient(page, CLIENT.name);
  const apply = page.getByRole("form", { name: "Apply a program" });
  await apply.getByLabel("Program").selectOption({ label: "Runner's foundation" });
  await apply.getByRole("button", { name: "Apply program" }).click();
  await expect(apply.getByRole("status")).toHaveText("Assigned 3 drills.");
  await expect(page.getByRole("region", { name: "Health answers" })).toContainText("Not answered yet");
  await signOut(page);

  // The client joins and lands on the health questions, not on Today.
  await page.goto(link.pathname + link.search);
  await page.getByLabel("Choose a password").fill(CLIENT.password);
  await page.getByLabel("Your time zone").selectOption("America/New_York");
  await page.getByRole("button", { name: "Join and go to my drills" }).click();
  await expect(page).toHaveURL(/\/portal\/intake$/);
  await expect(page.getByRole("heading", { level: 1, name: "Health questions before you start" })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Health questions" });
  // Sending with nothing answered marks what is missing and sends nothing.
  await form.getByRole("button", { name: "Send my answers" }).click();
  await expect(form.getByText("7 questions still need an answer; they are marked above.")).toBeVisible();
  for (const no of await form.getByRole("radio", { name: "No", exact: true }).all()) await no.check({ force: true });
  const joints = form.getByRole("group", { name: /bone, joint or soft-tissue problem/ });
  await joints.getByRole("radio", { name: "Yes", exact: true }).check({ force: true });
  await expect(joints.getByRole("radio", { name: "Yes", exact: true })).toBeChecked();
  await joints.getByLabel("Tell your coach more: what, where, since when").fill(DETAIL);
  // Pain by place and side, as on Today: mark the left knee, then say how much.
  const knee = form.getByRole("button", { name: "Left knee", exact: true });
  await knee.click();
  await expect(knee).toHaveAttribute("aria-pressed", "true");
  await form.getByRole("group", { name: "Left knee pain score" }).getByRole("radio", { name: "4", exact: true }).check({ force: true });
  if (shots) await page.screenshot({ path: `${shots}/intake-390.png`, fullPage: true });
  await form.getByRole("button", { name: "Send my answers" }).click();

  // Today holds the drills, and says why; so does the log page. Runs stay open.
  await expect(page).toHaveURL(/\/portal$/);
  const waiting = page.getByRole("region", { name: "Waiting for your coach" });
  await expect(waiting).toContainText(HELD);
  await expect(page.getByRole("list", { name: "Due today" })).toHaveCount(0);
  await expect(waiting.getByRole("link", { name: "Log a run" })).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/intake-held-390.png`, fullPage: true });
  await expectAccessible(page);
  await page.goto("/portal/log");
  await expect(page.getByRole("region", { name: "Waiting for your coach" })).toContainText(HELD);
  // The questions are answered once: going back to them lands on Today.
  await page.goto("/portal/intake");
  await expect(page).toHaveURL(/\/portal$/);
  await signOut(page);

  // The trainer reads the answers, the red flag with its detail, and clears the client.
  await signIn(page, TRAINER);
  await expect(page).toHaveURL(/\/dashboard$/);
  await openClient(page, CLIENT.name);
  const health = page.getByRole("region", { name: "Health answers" });
  await expect(health).toContainText("Drills on hold");
  const flag = health.getByRole("listitem", { name: /^Red flag: Do you have a bone, joint/ });
  await expect(flag).toContainText("Yes");
  await expect(flag).toContainText(DETAIL);
  await expect(health.getByRole("list", { name: "Health answers" })).toContainText("left knee 4/10");
  if (shots) await page.screenshot({ path: `${shots}/intake-trainer-390.png`, fullPage: true });
  await expectAccessible(page);
  await health.getByRole("button", { name: "Cleared to train" }).click();
  const confirm = health.getByRole("group", { name: `Clear ${CLIENT.name} to train?` });
  await confirm.getByLabel("Note for the client (optional)").fill("Build up slowly; tell me if the knee aches.");
  await confirm.getByRole("button", { name: "Yes, clear them" }).click();
  await expect(health.getByRole("status")).toContainText(/Cleared by Rosa Delgado on \d{1,2} \w{3} \d{4}: Build up slowly; tell me if the knee aches\./);
  await expect(health).toContainText("Cleared to train");
  await expect(health.getByRole("button", { name: "Cleared to train" })).toHaveCount(0);
  await signOut(page);

  // The client's drills are on Today, and the coach's note is in their messages.
  await signIn(page, CLIENT.email, CLIENT.password);
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole("region", { name: "Waiting for your coach" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Due today" }).getByRole("article", { name: "Knee Drive" })).toBeVisible();
  await page.goto("/portal/messages");
  await expect(page.getByRole("main")).toContainText("Build up slowly; tell me if the knee aches.");
});
