import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures";

// Something that does not exist is "not found" (404), never "not allowed" (403): a visitor
// following an old link, or a trainer with a mistyped address, is told the page is not there.
test.describe("addresses of things that do not exist", () => {
  test("a visitor opens the plans page of a studio that does not exist", async ({ page }) => {
    const response = await page.goto("/studios/nope/plans");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expectAccessible(page);
  });

  test("a trainer opens a client, a session and a drill that do not exist", async ({ page }) => {
    await signIn(page, "morgan@stride.test");
    await expect(page).toHaveURL(/\/dashboard$/);
    for (const path of [
      "/dashboard/clients/00000000-0000-4000-8000-000000000000",
      "/dashboard/clients/00000000-0000-4000-8000-000000000000/progress",
      "/dashboard/sessions/00000000-0000-4000-8000-000000000000",
      "/dashboard/drills/00000000-0000-4000-8000-000000000000",
      "/dashboard/clients/not-a-client-id",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
  });

  test("a client opens a logged session that does not exist", async ({ page }) => {
    await signIn(page, "alex@stride.test");
    await expect(page).toHaveURL(/\/portal$/);
    const response = await page.goto("/portal/history/00000000-0000-4000-8000-000000000000");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});
