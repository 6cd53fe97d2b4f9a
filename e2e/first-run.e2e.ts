// Issue 17: a real trainer starts their own studio. `npm start` on an empty embedded database
// with the demo turned off (STRIDE_DEMO=0) prints a one-time set-up code; every page leads to
// the set-up, which takes that code once and then is gone for good. The story runs its own
// server on a free port and a database folder of its own, as a trainer's first start would.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signOut } from "./fixtures";
import { AppServer } from "./fixtures/app-server";

const OWNER = { name: "Sam Okafor", email: "sam@hill-runners.test", password: "a long password" };

/** The code of the newest "Set-up code" line the server printed, as its operator reads it. */
function setupCodeFrom(log: string): string | undefined {
  return [...log.matchAll(/Set-up code: ([A-Z0-9]{4}-[A-Z0-9]{4}) \(open (\S+)\/setup/g)].at(-1)?.[1];
}

async function fillSetup(page: Page, fields: { code: string; password?: string }) {
  await page.getByLabel("Set-up code").fill(fields.code);
  await page.getByLabel("Studio name").fill("Hill Runners");
  await page.getByLabel("Currency").selectOption("USD");
  await page.getByLabel("Distance unit").selectOption("Miles");
  await page.getByLabel("Your name").fill(OWNER.name);
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(fields.password ?? OWNER.password);
  await page.getByRole("button", { name: "Set up my studio" }).click();
}

// Two starts of a server of its own, on a machine the other stories share.
test.describe.configure({ timeout: 480_000 });

test("a trainer sets up their own studio with the code from the log, and the set-up is gone for good", async ({ browser }) => {
  const dataDir = path.join(process.cwd(), ".data", `e2e-first-run-${randomUUID().slice(0, 8)}`);
  const server = await AppServer.onFreePort({ STRIDE_DATA_DIR: dataDir, DATABASE_URL: "", STRIDE_DEMO: "0" });
  // The browser is in Chicago: the set-up offers its zone first.
  const context = await browser.newContext({ baseURL: server.url, timezoneId: "America/Chicago" });
  const page = await context.newPage();
  try {
    await server.start();
    const code = setupCodeFrom(server.log());
    expect(code, "npm start prints a set-up code on an empty database").toBeTruthy();

    // Whatever page they open first, it leads to the set-up.
    for (const address of ["/", "/sign-in", "/dashboard", "/plans"]) {
      await page.goto(address);
      await expect(page).toHaveURL(/\/setup$/);
    }
    await expect(page.getByRole("heading", { level: 1, name: "Set up your studio" })).toBeVisible();
    await expect(page.getByLabel("Your time zone")).toHaveValue("America/Chicago");
    await expectAccessible(page);

    // A password too short, then a wrong code: each refused beside its field, nothing set up.
    await fillSetup(page, { code: code!, password: "short" });
    await expect(page.getByText("Choose a password of at least 10 characters.")).toBeVisible();
    await expect(page.getByLabel("Studio name")).toHaveValue("Hill Runners");
    const wrong = code!.startsWith("A") ? "BBBB-BBBB" : "AAAA-AAAA";
    await fillSetup(page, { code: wrong });
    await expect(page.getByText("That is not the set-up code this server printed last.")).toBeVisible();
    await expect(page.getByLabel("Set-up code")).toHaveAttribute("aria-invalid", "true");
    await page.goto("/");
    await expect(page).toHaveURL(/\/setup$/);

    // The right code: the owner is signed in on an empty dashboard that says what to do first.
    await fillSetup(page, { code: code! });
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByText(`${OWNER.name} · Owner`)).toBeVisible();
    const steps = page.getByRole("list", { name: "First steps" });
    await expect(steps.getByRole("listitem")).toHaveText([/Assign the built-in drills, or add your own/, /Invite a client/, /Set your hours/, /Set your plans/]);
    await expectAccessible(page);
    // The card names the three built-in drills the new studio has, each a link, and they are in its catalogue.
    await expect(steps.getByRole("listitem").first()).toContainText("Knee Drive, Back Rotations and Hopping are in your catalogue, ready to assign");
    await expect(steps.getByRole("link", { name: "Knee Drive" })).toHaveAttribute("href", /\/dashboard\/drills\/[0-9a-f-]{36}$/);
    await steps.getByRole("link", { name: "See the drills" }).click();
    await expect(page.getByRole("list", { name: "Built-in drills" }).getByRole("heading", { level: 3 })).toHaveText(["Knee Drive", "Back Rotations", "Hopping"]);

    // The set-up page is gone, and the used code sets up nothing.
    const gone = await page.goto("/setup");
    expect(gone?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

    // After a restart: no new code is printed, pages are pages again, and the owner signs in.
    await page.goto("/dashboard");
    await signOut(page);
    await server.stop();
    const logBefore = server.log().length;
    await server.start();
    expect(setupCodeFrom(server.log().slice(logBefore))).toBeUndefined();
    expect((await page.goto("/setup"))?.status()).toBe(404);
    await page.goto("/sign-in");
    await expect(page).toHaveURL(/\/sign-in$/);
    // No demo accounts on a real studio's sign-in page.
    await expect(page.getByRole("heading", { name: "Demo accounts" })).toHaveCount(0);
    await page.getByLabel("Email", { exact: true }).fill(OWNER.email);
    await page.getByLabel("Password").fill(OWNER.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  } finally {
    await context.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
