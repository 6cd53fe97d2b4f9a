import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./fixtures";

test.describe("signing in", () => {
  test("a visitor reads what Stride is and finds the sign-in page with the demo accounts", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("coaching business");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Demo accounts" })).toBeVisible();
    await expect(page.getByText("morgan@stride.test")).toBeVisible();
    await expectAccessible(page);
  });

  test("a trainer signs in and sees the clients of the studio", async ({ page }) => {
    await signIn(page, "morgan@stride.test");
    await expect(page).toHaveURL(/\/dashboard$/);
    const list = page.getByRole("list", { name: "Client list" });
    // Other stories may add clients (sign-ups, invites): every seeded one is there, no other studio's.
    for (const name of ["Alex Morgan", "Bea Lindqvist", "Gus Hartley", "Jonah Price", "Leo Fischer"]) await expect(list).toContainText(name);
    await expect(list).not.toContainText("Sam Ortiz");
    await expectAccessible(page);

    await page.getByLabel("Coach").selectOption({ label: "Tom Becker" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(list.getByRole("listitem")).toHaveCount(3);
    await list.getByRole("link", { name: /Jonah Price/ }).click();
    await expect(page.getByRole("heading", { name: "Jonah Price" })).toBeVisible();
    await expectAccessible(page);
  });

  test("a client signs in to the portal and is not allowed into the dashboard", async ({ page }) => {
    await signIn(page, "alex@stride.test");
    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByText("Your coach is Morgan Reid")).toBeVisible();
    await expectAccessible(page);
    const response = await page.goto("/dashboard");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByText("Alex Morgan")).toHaveCount(0);
    await expectAccessible(page);
  });

  test("a trainer cannot open another studio's client", async ({ page }) => {
    await signIn(page, "rosa@harbour.test");
    await expect(page).toHaveURL(/\/dashboard$/);
    const href = await page.getByRole("list", { name: "Client list" }).getByRole("link").first().getAttribute("href");
    await signOut(page);
    await signIn(page, "morgan@stride.test");
    await expect(page).toHaveURL(/\/dashboard$/);
    // Answered like a client nobody has: the page does not say that it exists elsewhere.
    const response = await page.goto(href!);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });

  test("a wrong password gets a clear error", async ({ page }) => {
    await signIn(page, "bea@stride.test", "not-my-password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an account.");
    await expect(page).toHaveURL(/\/sign-in/);
    await expectAccessible(page);
  });

  test("the 11th wrong password is refused with when to try again", async ({ browser }) => {
    // Its own address, so this lock-out does not throttle the other tests' sign-ins.
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.77" } });
    const page = await context.newPage();
    for (let attempt = 1; attempt <= 10; attempt++) {
      await signIn(page, "leo@stride.test", `wrong-${attempt}`);
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an account.");
    }
    await signIn(page, "leo@stride.test", "stride-demo");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Too many failed sign-in attempts\. Try again in 15 minutes\./);
    await context.close();
  });

  test("a client signs in with an emailed link that works once", async ({ page, browser }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email for a sign-in link").fill("chidi@stride.test");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("status")).toContainText("sign-in link is on its way");

    // Demo mode has no mail server: the studio's trainers read the email in the outbox.
    const trainerContext = await browser.newContext();
    const trainer = await trainerContext.newPage();
    await signIn(trainer, "morgan@stride.test");
    await trainer.getByRole("link", { name: "Outbox" }).click();
    const email = trainer.getByRole("listitem").filter({ hasText: "to chidi@stride.test" }).first();
    const link = await email.getByRole("link").getAttribute("href");
    await expectAccessible(trainer);

    await page.goto(link!);
    await page.getByRole("button", { name: "Continue to Stride" }).click();
    await expect(page).toHaveURL(/\/portal$/);
    await signOut(page);
    await page.goto(link!);
    await page.getByRole("button", { name: "Continue to Stride" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("expired or was already used");
    await trainerContext.close();
  });

  test("an unknown address shows a helpful 404 page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});
