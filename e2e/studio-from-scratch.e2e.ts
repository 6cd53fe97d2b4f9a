// Issue 17: a real trainer starts a studio from nothing and runs it with a colleague. A server
// of its own on an empty database, embedded (STRIDE_DEMO=0) and PostgreSQL: set-up with the code from the log →
// the owner invites a trainer → the trainer accepts → the owner invites a client coached by the
// trainer → the client accepts and logs a session → the trainer reviews it → the owner
// deactivates the trainer, handing the client to themselves → the client's history is intact,
// and the trainer's open page is signed out.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import postgres from "postgres";
import { expectAccessible, answerIntakeWithoutFlags } from "./fixtures";
import { AppServer } from "./fixtures/app-server";

const OWNER = { name: "Sam Okafor", email: "sam@hill-runners.test", password: "a long password" };
const TRAINER = { name: "Ada Stone", email: "ada@hill-runners.test", password: "ada's long password" };
const CLIENT = { name: "Nora Quinn", email: "nora@hill-runners.test", password: "hop-skip-and-run" };
const shots = process.env.SHOTS;

async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** The code of the newest "Set-up code" line the server printed, as its operator reads it. */
function setupCodeFrom(log: string): string | undefined {
  return [...log.matchAll(/Set-up code: ([A-Z0-9]{4}-[A-Z0-9]{4}) \(open (\S+)\/setup/g)].at(-1)?.[1];
}

/** The link of an email the server wrote to its log for want of a mail server, as its operator reads it there. */
async function linkFromLog(server: AppServer, to: string, kind: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      () => {
        for (const entry of server.logLines()) {
          if (entry.to === to && entry.kind === kind) link = String(entry.text ?? "").match(/https?:\/\/\S+/)?.[0];
        }
        return link;
      },
      { message: `a ${kind} for ${to} in the server's log`, timeout: 30_000 },
    )
    .toBeTruthy();
  return link!;
}

const pathOf = (link: string) => new URL(link).pathname + new URL(link).search;

async function signIn(page: Page, person: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

// One server start and four people on a machine the other stories share.
test.describe.configure({ timeout: 480_000 });

/**
 * An empty database of the kind asked for: the embedded one (a fresh folder), or a new database
 * on the test run's PostgreSQL server (dropped afterwards).
 */
async function emptyDatabase(kind: "embedded" | "postgres"): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (kind === "embedded") return { env: { DATABASE_URL: "", STRIDE_DEMO: "0" }, drop: async () => {} };
  const adminUrl = process.env.TEST_PG_ADMIN_URL!;
  const name = `stride_from_scratch_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), STRIDE_DEMO: "0", AUTH_SECRET: randomBytes(32).toString("base64") },
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

for (const kind of ["embedded", "postgres"] as const) {
test(`a studio from an empty ${kind === "embedded" ? "embedded database" : "PostgreSQL database"}: an owner, a trainer and a client, until the trainer leaves and the client's history stays`, async ({ browser }) => {
  const dataDir = path.join(process.cwd(), ".data", `e2e-from-scratch-${randomUUID().slice(0, 8)}`);
  const database = await emptyDatabase(kind);
  const server = await AppServer.onFreePort({ STRIDE_DATA_DIR: dataDir, ...database.env });
  const contexts: Awaited<ReturnType<Browser["newContext"]>>[] = [];
  const open = async (options: Parameters<Browser["newContext"]>[0] = {}) => {
    const context = await browser.newContext({ baseURL: server.url, timezoneId: "Europe/London", viewport: { width: 1280, height: 900 }, ...options });
    contexts.push(context);
    return context.newPage();
  };
  try {
    await server.start();
    const code = setupCodeFrom(server.log());
    expect(code, "npm start prints a set-up code on an empty database").toBeTruthy();

    // The owner sets the studio up with the printed code.
    const owner = await open();
    await owner.goto("/");
    await expect(owner).toHaveURL(/\/setup$/);
    await owner.getByLabel("Set-up code").fill(code!);
    await owner.getByLabel("Studio name").fill("Hill Runners");
    await owner.getByLabel("Your name").fill(OWNER.name);
    await owner.getByLabel("Email").fill(OWNER.email);
    await owner.getByLabel("Password").fill(OWNER.password);
    await owner.getByRole("button", { name: "Set up my studio" }).click();
    await expect(owner).toHaveURL(/\/dashboard$/);

    // The owner invites a trainer from Staff; an address with a role is refused beside the field first.
    await owner.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staff" }).click();
    await expect(owner.getByRole("heading", { level: 1, name: "Staff" })).toBeVisible();
    const invite = owner.getByRole("form", { name: "Invite a trainer" });
    await invite.getByLabel("Trainer's email").fill(OWNER.email);
    await invite.getByRole("button", { name: "Send invite" }).click();
    await expect(invite.getByText("This address already belongs to a trainer or a client on Stride, and one person has one role. Invite another address.")).toBeVisible();
    await expect(invite.getByLabel("Trainer's email")).toHaveAttribute("aria-invalid", "true");
    await invite.getByLabel("Trainer's email").fill(TRAINER.email);
    await invite.getByRole("button", { name: "Send invite" }).click();
    await expect(invite.getByRole("status")).toContainText(`Invite ready for ${TRAINER.email}`);
    const trainers = owner.getByRole("list", { name: "Trainers" });
    await expect(trainers.getByRole("listitem", { name: TRAINER.email })).toContainText("Invited");
    // Without a mail server the invite goes through the outbox to the server's log, like every link.
    const trainerLink = await linkFromLog(server, TRAINER.email, "staff_invite");
    expect(await invite.getByRole("link", { name: `Invite link for ${TRAINER.email}` }).getAttribute("href")).toBe(trainerLink);

    // The trainer opens it in their own browser, sets a name and password, and lands on the dashboard.
    const trainer = await open();
    await trainer.goto(pathOf(trainerLink));
    await expect(trainer.getByRole("heading", { name: "Coach at Hill Runners" })).toBeVisible();
    await expectAccessible(trainer);
    await trainer.getByLabel("Your name").fill(TRAINER.name);
    await trainer.getByLabel("Choose a password").fill("short");
    await trainer.getByRole("button", { name: "Join and go to the dashboard" }).click();
    await expect(trainer.getByText("Choose a password of at least 10 characters.")).toBeVisible();
    await trainer.getByLabel("Choose a password").fill(TRAINER.password);
    await trainer.getByRole("button", { name: "Join and go to the dashboard" }).click();
    await expect(trainer).toHaveURL(/\/dashboard$/);
    await expect(trainer.getByText(`${TRAINER.name} · Trainer`)).toBeVisible();
    // Staff is the owner's page alone.
    await expect(trainer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staff" })).toHaveCount(0);
    // The link worked once.
    const spent = await open();
    await spent.goto(pathOf(trainerLink));
    await expect(spent.getByRole("heading", { name: "This invite link does not work" })).toBeVisible();

    // The owner sees the trainer active, and invites a client for them to coach.
    await owner.reload();
    await expect(trainers.getByRole("listitem", { name: TRAINER.name })).toContainText("Active");
    await expect(trainers.getByRole("listitem", { name: TRAINER.name })).toContainText("0 clients");
    await owner.goto("/dashboard");
    const clientInvite = owner.getByRole("form", { name: "Invite a client" });
    await clientInvite.getByLabel("Client's name").fill(CLIENT.name);
    await clientInvite.getByLabel("Client's email").fill(CLIENT.email);
    await clientInvite.getByLabel("Their trainer").selectOption({ label: TRAINER.name });
    await clientInvite.getByRole("button", { name: "Send invite" }).click();
    await expect(clientInvite.getByRole("status")).toContainText(`Invite ready for ${CLIENT.email}`);
    const clientLink = await linkFromLog(server, CLIENT.email, "invite");

    // The client accepts on their phone.
    const client = await open({ viewport: { width: 390, height: 844 }, hasTouch: true });
    await client.goto(pathOf(clientLink));
    await expect(client.getByRole("heading", { name: "Join Hill Runners" })).toBeVisible();
    await client.getByLabel("Choose a password").fill(CLIENT.password);
    await client.getByRole("button", { name: "Join and go to my drills" }).click();
    await answerIntakeWithoutFlags(client);

    // Their trainer gives them Runner's foundation.
    await trainer.goto("/dashboard");
    await trainer.getByRole("list", { name: "Client list" }).getByRole("link", { name: new RegExp(CLIENT.name) }).click();
    await expect(trainer.getByRole("heading", { level: 1, name: CLIENT.name })).toBeVisible();
    const apply = trainer.getByRole("form", { name: "Apply a program" });
    await apply.getByLabel("Program").selectOption({ label: "Runner's foundation" });
    await apply.getByRole("button", { name: "Apply program" }).click();
    await expect(apply.getByRole("status")).toHaveText("Assigned 3 drills.");

    // The client logs a session.
    await client.goto("/portal/log");
    await expect(client.getByRole("heading", { name: "Log drills", exact: true })).toBeVisible();
    const rotations = client.getByRole("group", { name: "Back Rotations" });
    await rotations.getByLabel(/^Left side reps/).fill("17");
    await rotations.getByLabel(/^Right side reps/).fill("16");
    await client.getByLabel("Note for your coach").fill("First session at Hill Runners");
    await client.getByRole("button", { name: "Save session" }).click();
    await expect(client.getByRole("main").getByRole("status").filter({ hasText: "Session saved" })).toBeVisible();

    // The trainer finds it in their queue and reviews it.
    await trainer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Needs attention/ }).click();
    const item = trainer.getByRole("listitem").filter({ hasText: CLIENT.name }).filter({ hasText: "Logged Back Rotations; not reviewed yet." });
    await item.getByRole("link", { name: CLIENT.name }).click();
    await expect(trainer.getByText("First session at Hill Runners")).toBeVisible();
    await trainer.getByLabel("Feedback for the client").fill("Even sides already. Keep the turn slow.");
    await trainer.getByRole("button", { name: "Mark reviewed" }).click();
    await expect(trainer.getByRole("main").getByRole("status")).toContainText("Reviewed");
    const reviewPage = trainer.url();

    // The owner deactivates the trainer, handing the client to themselves.
    await owner.goto("/dashboard/staff");
    const ada = trainers.getByRole("listitem", { name: TRAINER.name });
    await expect(ada).toContainText("1 client");
    await shot(owner, "staff-1280");
    await expectAccessible(owner);
    // The only owner cannot step down: the studio would have none.
    await trainers.getByRole("listitem", { name: OWNER.name }).getByRole("button", { name: `Make ${OWNER.name} a trainer` }).click();
    await expect(trainers.getByRole("listitem", { name: OWNER.name }).getByRole("alert")).toHaveText("A studio needs at least one owner: make another trainer an owner first.");
    await expect(owner.getByText(`${OWNER.name} · Owner`)).toBeVisible();
    await ada.getByRole("button", { name: `Deactivate ${TRAINER.name}` }).click();
    const confirm = ada.getByRole("group", { name: `Deactivate ${TRAINER.name}?` });
    await expect(confirm).toContainText("signed out everywhere at once");
    await confirm.getByLabel("Who takes over their client").selectOption({ label: OWNER.name });
    await shot(owner, "staff-deactivate-1280");
    await expectAccessible(owner);
    await confirm.getByRole("button", { name: `Deactivate ${TRAINER.name}` }).click();
    await expect(ada).toContainText("Deactivated");
    await expect(ada).not.toContainText("1 client");
    await expect(trainers.getByRole("listitem", { name: OWNER.name })).toContainText("1 client");
    await expect(ada.getByRole("button")).toHaveCount(0);
    await owner.setViewportSize({ width: 390, height: 844 });
    await shot(owner, "staff-390");
    await expectAccessible(owner);
    await owner.setViewportSize({ width: 1280, height: 900 });

    // The trainer's open page is signed out at its next step, and their password opens nothing now.
    await trainer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clients" }).click();
    await expect(trainer).toHaveURL(/\/sign-in/);
    await trainer.goto(reviewPage);
    await expect(trainer).toHaveURL(/\/sign-in/);
    await signIn(trainer, TRAINER);
    await expect(trainer.getByText("The studio's owner has ended your access as a trainer. Ask them if you think this is a mistake.")).toBeVisible();
    await expect(trainer).toHaveURL(/\/sign-in/);

    // The client's history is intact: the session and the trainer's review, by the trainer.
    await client.goto("/portal/history");
    const logged = client.getByRole("article").filter({ hasText: "First session at Hill Runners" });
    await expect(logged.getByRole("note", { name: "Feedback from your coach" })).toContainText("Even sides already. Keep the turn slow.");
    await expect(logged).toContainText(`Feedback from ${TRAINER.name}`);

    // The owner, now the client's coach, sees the same session and review.
    await owner.goto("/dashboard");
    await owner.getByRole("list", { name: "Client list" }).getByRole("link", { name: new RegExp(CLIENT.name) }).click();
    await expect(owner.getByRole("heading", { level: 1, name: CLIENT.name })).toBeVisible();
    await expect(owner.getByRole("main")).toContainText(OWNER.name);
    await owner.goto(reviewPage);
    await expect(owner.getByText("First session at Hill Runners")).toBeVisible();
    await expect(owner.getByText(`Reviewed by ${TRAINER.name}`)).toBeVisible();
    await expect(owner.getByLabel("Feedback for the client")).toHaveValue("Even sides already. Keep the turn slow.");
  } finally {
    for (const context of contexts) await context.close();
    await server.stop();
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
}
