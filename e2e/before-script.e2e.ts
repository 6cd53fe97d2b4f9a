// Forms the page's script sends (a mutation on submit) cannot be sent before that script runs:
// the browser would send them itself, as a GET with every field in the address (the server's
// log, the history) and save nothing. Their submit button waits for the script.
import { expect, test } from "@playwright/test";

test("before the page's script runs, a script-sent form cannot be submitted, and its fields never reach the address", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/forgot-password");
  const send = page.getByRole("button", { name: "Email me a reset link" });
  await expect(send).toBeDisabled();
  await page.getByLabel("Email").fill("someone@example.test");
  await page.getByLabel("Email").press("Enter");
  await expect(page).toHaveURL(/\/forgot-password$/);
  await context.close();

  // With the script, the same button works.
  const live = await browser.newPage();
  await live.goto("/forgot-password");
  await live.getByLabel("Email").fill("someone@example.test");
  await live.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(live.getByText(/If that email has a Stride account/)).toBeVisible();
  await live.close();
});
