// Issue 17, part 2: on a hosted Stride (STRIDE_SIGNUP=open) trainers start studios of their
// own at /sign-up. Each confirms their address by the emailed link (here, with no mail server,
// the server's log) before the studio may invite clients; two such studios never see each
// other's clients, drills or plans. The story runs its own server, demo off, on a database
// folder of its own.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "./fixtures";
import { AppServer } from "./fixtures/app-server";

const shots = process.env.SHOTS;
const suffix = randomUUID().slice(0, 6);
const TRAINERS = [
  { name: "Ada Mensah", email: `ada-${suffix}@coast-runners.test`, studio: "Coast Runners", client: "Iris Coast", drill: "Coast hill bounds", plan: "Coast monthly" },
  { name: "Ben Lindqvist", email: `ben-${suffix}@north-track.test`, studio: "North Track", client: "Otto North", drill: "North ankle hops", plan: "North monthly" },
] as const;
type Trainer = { name: string; email: string; studio: string };
const PASSWORD = "a long enough password";

/** The newest link of a kind the server logged for an address (its operator reads it there). */
function linkFromLog(server: AppServer, to: string, kind: string): string | undefined {
  let link: string | undefined;
  for (const line of server.log().split("\n")) {
    try {
      const entry = JSON.parse(line) as { to?: string; kind?: string; text?: string };
      if (entry.to === to && entry.kind === kind) link = entry.text?.match(/https?:\/\/\S+/)?.[0];
    } catch {
      // Next's own banner, or a line being written
    }
  }
  return link;
}

async function fillSignUp(page: Page, trainer: Trainer, password = PASSWORD) {
  await page.getByLabel("Your name").fill(trainer.name);
  await page.getByLabel("Email").fill(trainer.email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Studio name").fill(trainer.studio);
  await page.getByLabel("Currency").selectOption("EUR");
  await page.getByLabel("Distance unit").selectOption("Miles");
  await page.getByRole("button", { name: "Start my studio" }).click();
}

async function shoot(browser: Browser, url: string, name: string, errors: boolean) {
  if (!shots) return;
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, timezoneId: "Europe/Berlin" });
    const page = await context.newPage();
    await page.goto(url);
    if (errors) {
      await page.getByLabel("Email").fill("not an address");
      await page.getByLabel("Password").fill("short");
      await page.getByRole("button", { name: "Start my studio" }).click();
      await expect(page.getByText("Enter your name.")).toBeVisible();
    }
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
    await context.close();
  }
}

test.describe.configure({ timeout: 480_000 });

test("two trainers sign up two studios, confirm by the logged link, invite a client each, and never see each other's", async ({ browser }) => {
  const dataDir = path.join(process.cwd(), ".data", `e2e-open-sign-up-${suffix}`);
  const server = await AppServer.onFreePort({ STRIDE_DATA_DIR: dataDir, DATABASE_URL: "", STRIDE_DEMO: "0", STRIDE_SIGNUP: "open" });
  const made: { drillUrl: string; clientUrl: string }[] = [];
  try {
    await server.start();
    await shoot(browser, `${server.url}/sign-up`, "sign-up", false);
    await shoot(browser, `${server.url}/sign-up`, "sign-up-errors", true);

    for (const [i, trainer] of TRAINERS.entries()) {
      const context = await browser.newContext({ baseURL: server.url, timezoneId: "Europe/Berlin" });
      const page = await context.newPage();
      // A hosted Stride's landing page offers a studio of one's own (no first-run set-up in the way).
      await page.goto("/");
      await page.getByRole("link", { name: "Start your studio" }).click();
      await expect(page).toHaveURL(/\/sign-up$/);
      await expect(page.getByLabel("Your time zone")).toHaveValue("Europe/Berlin");
      if (i === 0) {
        await expectAccessible(page);
        // Bad input is refused beside its field, what was typed stays.
        await fillSignUp(page, trainer, "short");
        await expect(page.getByText("Choose a password of at least 10 characters.")).toBeVisible();
        await expect(page.getByLabel("Studio name")).toHaveValue(trainer.studio);
        await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
      } else {
        // The first trainer's address is taken.
        await fillSignUp(page, { ...trainer, email: TRAINERS[0].email });
        await expect(page.getByText("That address already has an account; sign in.")).toBeVisible();
      }
      await fillSignUp(page, trainer);

      // Signed in on the first-run dashboard, asked to confirm the address first.
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByText(`${trainer.name} · Owner`)).toBeVisible();
      await expect(page.getByRole("list", { name: "First steps" })).toBeVisible();
      await expect(page.getByRole("status").filter({ hasText: "Confirm your email" })).toBeVisible();
      const invite = page.getByRole("form", { name: "Invite a client" });
      await invite.getByLabel("Client's name").fill(trainer.client);
      await invite.getByLabel("Client's email").fill(`${trainer.client.split(" ")[0]!.toLowerCase()}-${suffix}@example.test`);
      await invite.getByRole("button", { name: "Send invite" }).click();
      await expect(invite.getByText(/Confirm your email address first/)).toBeVisible();
      // The worker writes links to the log (no mail server) within a few seconds.
      await expect.poll(() => linkFromLog(server, trainer.email, "signup_confirm"), { message: "the confirmation link is in the server's log", timeout: 20_000 }).toBeTruthy();
      const firstLink = linkFromLog(server, trainer.email, "signup_confirm");
      await page.getByRole("button", { name: "Send again" }).click();
      await expect(page.getByText(`A new link is on its way to ${trainer.email}.`)).toBeVisible();
      await expect.poll(() => linkFromLog(server, trainer.email, "signup_confirm"), { timeout: 20_000 }).not.toBe(firstLink);

      // The newest link confirms; the dashboard stops asking and the invite goes out.
      await page.goto(linkFromLog(server, trainer.email, "signup_confirm")!);
      await page.getByRole("button", { name: "Confirm my email" }).click();
      await expect(page.getByText(`Your email is confirmed. ${trainer.studio} can now invite clients and take payments.`)).toBeVisible();
      await page.goto("/dashboard");
      await expect(page.getByRole("status").filter({ hasText: "Confirm your email" })).toHaveCount(0);
      await invite.getByLabel("Client's name").fill(trainer.client);
      await invite.getByLabel("Client's email").fill(`${trainer.client.split(" ")[0]!.toLowerCase()}-${suffix}@example.test`);
      await invite.getByRole("button", { name: "Send invite" }).click();
      await invite.getByRole("link", { name: `Assign ${trainer.client} drills now` }).click();
      await expect(page).toHaveURL(/\/dashboard\/clients\/[0-9a-f-]+$/);
      const clientUrl = new URL(page.url()).pathname;

      // A drill and a plan of the studio's own.
      await page.goto("/dashboard/drills/new");
      const drill = page.getByRole("form", { name: "New drill" });
      await drill.getByLabel("Name").fill(trainer.drill);
      await drill.getByLabel("Steps").fill("Bound up the slope");
      await drill.getByRole("button", { name: "Create drill" }).click();
      await expect(page.getByRole("heading", { level: 1, name: trainer.drill })).toBeVisible();
      made.push({ drillUrl: new URL(page.url()).pathname, clientUrl });
      await page.goto("/dashboard/plans");
      const plan = page.getByRole("button", { name: "Add plan" }).locator("xpath=ancestor::form");
      await plan.getByLabel("Name").fill(trainer.plan);
      await plan.getByLabel("Price").fill("60");
      await plan.getByRole("button", { name: "Add plan" }).click();
      await expect(plan.getByText("Plan added.")).toBeVisible();
      await context.close();
    }

    // Each trainer sees their own studio only: no client, drill or plan of the other, and the other's pages are not found.
    for (const [i, trainer] of TRAINERS.entries()) {
      const other = TRAINERS[1 - i]!;
      const context = await browser.newContext({ baseURL: server.url });
      const page = await context.newPage();
      await page.goto("/sign-in");
      await page.getByLabel("Email", { exact: true }).fill(trainer.email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByRole("main")).toContainText(trainer.client);
      await expect(page.getByRole("main")).not.toContainText(other.client);
      await page.goto("/dashboard/drills");
      await expect(page.getByRole("main")).toContainText(trainer.drill);
      await expect(page.getByRole("main")).not.toContainText(other.drill);
      await page.goto("/dashboard/plans");
      await expect(page.getByRole("list", { name: "Plans" })).toContainText(trainer.plan);
      await expect(page.getByRole("main")).not.toContainText(other.plan);
      for (const address of [made[1 - i]!.drillUrl, made[1 - i]!.clientUrl]) {
        expect((await page.goto(address))?.status(), `${trainer.name} opens ${address}`).toBe(404);
      }
      await context.close();
    }
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test("sign-up is not found when STRIDE_SIGNUP is not open", async ({ browser }) => {
  const dataDir = path.join(process.cwd(), ".data", `e2e-closed-sign-up-${suffix}`);
  const server = await AppServer.onFreePort({ STRIDE_DATA_DIR: dataDir, DATABASE_URL: "" });
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  try {
    await server.start();
    expect((await page.goto("/sign-up"))?.status()).toBe(404);
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Start your studio" })).toHaveCount(0);
  } finally {
    await context.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
