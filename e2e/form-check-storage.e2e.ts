import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures";

// Issue 22: the owner sees what the studio's form-check videos take, on the settings page, on
// their phone: how many, how big (with its unit), where they are kept, and what deletion does.
// (That the figure counts a real upload through the tus route is proven in
// src/server/media/nothing-orphaned.integration.test.ts; other stories upload videos beside this
// one, so the count here is read, not fixed.)
const OWNER = "morgan@stride.test";
const TRAINER = "priya@stride.test";

test("Morgan reads on her phone how much room the studio's form-check videos take, and where", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, OWNER);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/dashboard/settings");
  const card = page.getByRole("heading", { name: "Form-check videos" }).locator("..");
  await expect(card).toBeVisible();
  await expect(card.getByText(/^Kept now: \d+ videos?, \d+(\.\d)? (bytes?|KB|MB|GB|TB)$/)).toBeVisible();
  await expect(card.getByText(/Stored on this server’s disk/)).toBeVisible();
  await expect(card.getByText(/When a client removes a video, or a client’s data is deleted, its files are deleted/)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/form-check-storage/settings-390.png", fullPage: true });
});

test("a trainer who is not the owner sees no storage figure", async ({ page }) => {
  await signIn(page, TRAINER);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/dashboard/settings");
  await expect(page.getByText(/Only the studio’s owner can change its settings/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Form-check videos" })).toHaveCount(0);
});
