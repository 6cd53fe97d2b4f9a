import { expect, test, type Browser } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, linkFromServerLog, serverLogMark, signIn, signOut } from "./fixtures";

// Issue 17: a person looks after their own account. The Harbour Track Club's clients are
// used by no other story, so changing their password or address disturbs none.
const SAM = "sam@harbour.test";
const TESS = "tess@harbour.test";
const TESS_NEW = "tess.alder@harbour.test";

async function signedInPage(browser: Browser, email: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/(portal|dashboard)$/);
  return { context, page };
}

test.describe("account", () => {
  // Each story signs in two people and opens several pages: close to a minute on a busy machine.
  test.describe.configure({ timeout: 120_000 });

  test("a trainer finds their account settings in the Account menu, without the client's account deletion", async ({ page }) => {
    await signIn(page, "rosa@harbour.test");
    await page.getByRole("button", { name: "Account" }).click();
    await page.getByRole("link", { name: "Account settings" }).click();
    await expect(page).toHaveURL(/\/dashboard\/account$/);
    await expect(page.getByRole("heading", { name: "Signed-in devices" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Delete my account" })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("Sam forgot his password: a link from the sign-in page sets a new one, once, and signs out his phone", async ({ page, browser }) => {
    const phone = await signedInPage(browser, SAM);

    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
    await expectAccessible(page);
    // A mistyped address is refused beside the field.
    await page.getByRole("button", { name: "Email me a reset link" }).click();
    await expect(page.getByText("Enter an email address such as runner@example.com.")).toBeVisible();

    // An address with no account gets the very same answer as Sam's.
    await page.getByLabel("Email").fill("nobody-here@harbour.test");
    await page.getByRole("button", { name: "Email me a reset link" }).click();
    const unknown = await page.getByRole("status").textContent();
    const mark = serverLogMark();
    await page.getByLabel("Email").fill(SAM);
    await page.getByRole("button", { name: "Email me a reset link" }).click();
    await expect(page.getByRole("status")).toHaveText(unknown!);
    await expect(page.getByRole("status")).toContainText("the link was written to the server's log");

    // The person running Stride reads the link in the log and passes it on.
    const link = await linkFromServerLog(SAM, "password_reset", mark);
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("New password").fill("short");
    await page.getByRole("button", { name: "Set my new password" }).click();
    await expect(page.getByText("Choose a password of at least 10 characters.")).toBeVisible();
    await page.getByLabel("New password").fill("sams-new-harbour-pass");
    await page.getByRole("button", { name: "Set my new password" }).click();
    await expect(page.getByRole("status")).toContainText("Your new password is set");

    // His phone, signed in before, is signed out.
    await phone.page.goto("/portal");
    await expect(phone.page).toHaveURL(/\/sign-in/);
    await phone.context.close();

    // The old password no longer works; the new one does.
    await signIn(page, SAM);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an account.");
    await signIn(page, SAM, "sams-new-harbour-pass");
    await expect(page).toHaveURL(/\/portal$/);
    await signOut(page);

    // The link works once.
    await page.goto(link);
    await page.getByLabel("New password").fill("yet-another-password");
    await page.getByRole("button", { name: "Set my new password" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This reset link has expired or was already used.");
  });

  test("Tess changes her sign-in address: it changes when the new address confirms, signed in as her, and the old one is told", async ({ page, browser }) => {
    await signIn(page, TESS);
    await expect(page).toHaveURL(/\/portal$/);
    await page.getByRole("button", { name: "Account" }).click();
    await page.getByRole("link", { name: "Account settings" }).click();
    await expect(page.getByRole("heading", { name: "Account settings" })).toBeVisible();
    await expect(page.getByText("This device", { exact: true })).toBeVisible();
    await expectAccessible(page);

    // She reads distances in miles.
    const about = page.getByRole("form", { name: "About you" });
    await about.getByLabel("Distances in").selectOption({ label: "Miles" });
    await about.getByRole("button", { name: "Save" }).click();
    await expect(about.getByRole("status")).toHaveText("Saved.");

    const form = page.getByRole("form", { name: "Change your sign-in address" });
    await form.getByLabel("New address").fill("not an address");
    await form.getByRole("button", { name: "Send a confirmation link" }).click();
    await expect(form.getByText("Enter an email address such as runner@example.com.")).toBeVisible();
    const mark = serverLogMark();
    await form.getByLabel("New address").fill(TESS_NEW);
    await form.getByRole("button", { name: "Send a confirmation link" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Waiting for ${TESS_NEW} to confirm` })).toBeVisible();
    const link = await linkFromServerLog(TESS_NEW, "email_change_confirm", mark);

    // Someone else who gets hold of the link cannot confirm it.
    const rosa = await signedInPage(browser, "rosa@harbour.test");
    await rosa.page.goto(link);
    await rosa.page.getByRole("button", { name: "Confirm my new address" }).click();
    await expect(rosa.page.getByRole("main").getByRole("alert")).toContainText("is for another account");
    // The studio's outbox shows the old address was told, and never the link.
    await rosa.page.goto("/dashboard/outbox");
    await expect(rosa.page.getByRole("listitem").filter({ hasText: `to ${TESS}` }).filter({ hasText: "Your Stride address may change" })).toContainText(TESS_NEW);
    await expect(rosa.page.getByRole("listitem").filter({ hasText: "Confirm your new Stride address" })).toContainText(`Only ${TESS_NEW} can read this email`);
    await rosa.context.close();

    // Tess opens it, signed in.
    await page.goto(link);
    await page.getByRole("button", { name: "Confirm my new address" }).click();
    await expect(page.getByRole("status")).toHaveText(`You now sign in with ${TESS_NEW}.`);
    await page.getByRole("link", { name: "Back to Stride" }).click();
    await expect(page).toHaveURL(/\/portal$/);
    await page.goto("/portal/account");
    await expect(page.getByText(`You sign in with ${TESS_NEW}.`)).toBeVisible();
    await signOut(page);

    await signIn(page, TESS);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an account.");
    await signIn(page, TESS_NEW);
    await expect(page).toHaveURL(/\/portal$/);
  });
});
