import { expect, test } from "@playwright/test";
import Stripe from "stripe";
import { expectAccessible, signIn, signOut, answerIntakeWithoutFlags } from "./fixtures";

// Accounts used here and nowhere else: a new visitor per run, dana@ (buys a pack) and
// eli@ (subscribes, then a renewal fails).
const TEST_MODE = "Test mode — no real payment";

test.describe("paying for coaching", () => {
  test("a visitor compares plans, signs up through the test-mode checkout and lands in the portal", async ({ page }) => {
    const email = `vera-${Date.now()}@example.test`;
    await page.goto("/");
    await page.getByRole("link", { name: "See plans and join" }).click();
    await page.getByRole("list", { name: "Studios" }).getByRole("link", { name: "Morgan Reid Running" }).click();
    await expect(page).toHaveURL(/\/studios\/morgan-reid-running\/plans$/);
    await expect(page.getByRole("heading", { name: "Plans and session packs" })).toBeVisible();
    await expect(page.getByText(TEST_MODE)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Monthly coaching" })).toBeVisible();
    await expect(page.getByText("£49.00 / month")).toBeVisible();
    await expect(page.getByRole("heading", { name: "5-session pack" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Choose Monthly coaching" }).click();
    await expect(page.getByText(TEST_MODE)).toBeVisible();
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page.getByText("Enter your name.")).toBeVisible();
    await page.getByLabel("Your name").fill("Vera Visitor");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Choose a password").fill("a long enough password");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Continue to payment" }).click();

    await expect(page).toHaveURL(/\/checkout\/test\/cs_test_/);
    await expect(page.getByText(TEST_MODE)).toBeVisible();
    await expect(page.getByText(`For ${email}`)).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Test card number").fill("4000 0000 0000 0002");
    await page.getByRole("button", { name: "Pay £49.00 / month (test)" }).click();
    await expect(page.getByText("Your card was declined.")).toBeVisible();
    await page.getByLabel("Test card number").fill("4242 4242 4242 4242");
    await page.getByRole("button", { name: "Pay £49.00 / month (test)" }).click();

    await expect(page.getByRole("heading", { name: "Welcome to Morgan Reid Running" })).toBeVisible();
    await expect(page.getByText(TEST_MODE)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Continue to your portal" }).click();
    await answerIntakeWithoutFlags(page);
    await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Hi Vera, your coach is Morgan Reid.");

    await page.getByRole("link", { name: "Membership" }).click();
    await expect(page.getByRole("heading", { name: "Monthly coaching" })).toBeVisible();
    await expect(page.getByText("Active", { exact: true })).toBeVisible();
    await expect(page.getByText(/£49\.00 · Paid/).first()).toBeVisible();
    await expectAccessible(page);

    // Cancel at the end of the paid period after confirming in the page's own panel (the one
    // a booking's cancel uses; never the browser's confirm()), then change their mind.
    page.on("dialog", (dialog) => {
      throw new Error(`Unexpected browser dialog: ${dialog.message()}`);
    });
    const cancel = page.getByRole("button", { name: "Cancel at period end" });
    await cancel.click();
    const panel = page.getByRole("group", { name: "Cancel your subscription?" });
    await expect(panel).toHaveAccessibleDescription(/It stays active until .+ and you are not charged again/);
    await expect(panel.getByText("Cancel your subscription?")).toBeFocused();
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await expect(panel).toBeHidden();
    await expect(cancel).toBeFocused();
    await expect(page.getByText("Active", { exact: true })).toBeVisible();
    await cancel.click();
    await panel.getByRole("button", { name: "Yes, cancel at period end" }).click();
    await expect(page.getByText("Ends at period end", { exact: true })).toBeVisible();
    await expect(page.getByText("Ends on", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Resume subscription" }).click();
    await expect(page.getByText("Active", { exact: true })).toBeVisible();
    await expect(page.getByText("Next payment", { exact: true })).toBeVisible();

    // The password chosen before paying works for the next sign-in.
    await signOut(page);
    await signIn(page, email, "a long enough password");
    await expect(page).toHaveURL(/\/portal$/);
  });

  test("a client buys a session pack, the credits show in their balance, and one books a session", async ({ page }) => {
    await signIn(page, "dana@stride.test");
    await expect(page).toHaveURL(/\/portal$/);
    await page.getByRole("link", { name: "Membership" }).click();
    const balance = page.getByText(/^Balance: \d+ credits?$/);
    const before = Number((await balance.textContent())!.match(/\d+/)![0]);
    await page.getByRole("button", { name: "Buy 5-session pack" }).click();
    await expect(page).toHaveURL(/\/checkout\/test\/cs_test_/);
    await expect(page.getByText(TEST_MODE)).toBeVisible();
    await page.getByRole("button", { name: "Pay £60.00 (test)" }).click();
    await expect(page.getByRole("heading", { name: "Thank you, payment received" })).toBeVisible();
    await expect(page.getByText("5-session pack: 5 session credits are in your account.")).toBeVisible();
    await page.getByRole("link", { name: "Back to your membership" }).click();
    await expect(page.getByText(`Balance: ${before + 5} credits`)).toBeVisible();
    await expect(page.getByRole("list", { name: "Payments" })).toContainText("5-session pack");

    // A credit from the pack pays for a session. Priya's session, which no other story books:
    // the booking stories race for Morgan's first free time in parallel with this one.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Book a session" }).click();
    await page.getByRole("radio", { name: /Strength for runners/ }).check();
    await page.getByRole("list", { name: /^Free times on/ }).getByRole("button").first().click();
    await page.getByRole("button", { name: "Book this session" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Your session is booked");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Membership" }).click();
    await expect(page.getByText(`Balance: ${before + 4} credits`)).toBeVisible();
  });

  test("a failed payment shows the client a banner, reaches the owner's revenue page, and a new card fixes it", async ({ page }) => {
    await signIn(page, "eli@stride.test");
    await page.getByRole("link", { name: "Membership" }).click();
    await page.getByRole("button", { name: "Subscribe to Monthly coaching" }).click();
    await page.getByRole("button", { name: "Pay £49.00 / month (test)" }).click();
    await page.getByRole("link", { name: "Back to your membership" }).click();
    await expect(page.getByText("Active", { exact: true })).toBeVisible();

    await page.getByRole("button", { name: "Simulate a failed payment" }).click();
    const banner = page.getByRole("alert").filter({ hasText: "Your payment of £49.00 failed." });
    await expect(banner).toBeVisible();
    await expect(page.getByText("Payment failed", { exact: true })).toBeVisible();
    await page.getByRole("link", { name: "Today" }).click();
    await expect(banner).toBeVisible();
    await expectAccessible(page);
    await signOut(page);

    await signIn(page, "morgan@stride.test");
    await page.getByRole("link", { name: "Revenue" }).click();
    await expect(page.getByRole("heading", { name: "Revenue" })).toBeVisible();
    await expect(page.getByText("Monthly recurring revenue")).toBeVisible();
    const failed = page.getByRole("list", { name: "Failed payments" });
    await expect(failed).toContainText("Eli Navarro");
    await expect(failed).toContainText("Kira Mensah"); // from the demo seed
    await expectAccessible(page);
    await failed.getByRole("link", { name: "Eli Navarro" }).click();
    await expect(page.getByRole("heading", { name: "Eli Navarro" })).toBeVisible();
    await expect(page.getByText("Payment of £49.00 failed")).toBeVisible();
    await expectAccessible(page);
    await signOut(page);

    await signIn(page, "eli@stride.test");
    await banner.getByRole("link", { name: "Fix payment" }).click();
    await page.getByRole("button", { name: "Update card" }).click();
    await expect(page.getByRole("heading", { name: "Update card" })).toBeVisible();
    await expect(page.getByText(TEST_MODE)).toBeVisible();
    await page.getByRole("button", { name: "Save card" }).click();
    await expect(page.getByText("Card saved and your unpaid payment went through.")).toBeVisible();
    await expect(banner).toHaveCount(0);
    await page.getByRole("link", { name: "Back to membership" }).click();
    await expect(page.getByText("Active", { exact: true })).toBeVisible();
  });

  test("only the owner sees revenue and manages plans", async ({ page }) => {
    await signIn(page, "priya@stride.test");
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("link", { name: "Revenue" })).toHaveCount(0);
    expect((await page.goto("/dashboard/revenue"))?.status()).toBe(403);
    expect((await page.goto("/dashboard/plans"))?.status()).toBe(403);
  });

  test("the owner puts a new session pack on sale, priced in pounds and pence", async ({ page }) => {
    await signIn(page, "morgan@stride.test");
    await page.getByRole("link", { name: "Plans" }).click();
    await expect(page.getByRole("heading", { name: "Plans and packs" })).toBeVisible();
    await expectAccessible(page);
    const form = page.getByRole("button", { name: "Add plan" }).locator("xpath=ancestor::form");
    await form.getByLabel("Kind").selectOption({ label: "Session pack" });
    await form.getByLabel("Name").fill("10-session pack");
    await form.getByLabel("Price").fill("109,999");
    await form.getByLabel("Sessions in the pack").fill("10");
    await form.getByRole("button", { name: "Add plan" }).click();
    await expect(form.getByText("“109,999” could be read two ways: type 109999 for a whole amount, or 109.99 with decimals.")).toBeVisible();
    await form.getByLabel("Price").fill("110,00");
    await expect(form.getByText("Clients will be charged £110.00 for the pack.")).toBeVisible();
    await form.getByRole("button", { name: "Add plan" }).click();
    await expect(form.getByText("Plan added.")).toBeVisible();
    const plans = page.getByRole("list", { name: "Plans" });
    await expect(plans.getByRole("listitem").filter({ hasText: "10-session pack" })).toContainText("£110.00");
    await page.goto("/studios/morgan-reid-running/plans");
    await expect(page.getByRole("link", { name: "Choose 10-session pack" })).toBeVisible();
  });

  test("the owner confirms a price far above the usual before it goes on sale", async ({ page }) => {
    await signIn(page, "morgan@stride.test");
    await page.getByRole("link", { name: "Plans" }).click();
    const form = page.getByRole("button", { name: "Add plan" }).locator("xpath=ancestor::form");
    await form.getByLabel("Name").fill("Elite coaching");
    await form.getByLabel("Price").fill("1.000.000");
    await expect(form.getByText("Clients will be charged £1,000,000.00 a month.")).toBeVisible();
    const confirm = form.getByRole("checkbox", { name: "That is far more than clients usually pay. Yes, charge £1,000,000.00 a month." });
    await expect(confirm).not.toBeChecked();
    await expectAccessible(page);
    await form.getByRole("button", { name: "Add plan" }).click();
    await expect(form.getByText("Clients would be charged £1,000,000.00 a month: check the price, or confirm that it is right.")).toBeVisible();
    await confirm.check();
    await form.getByRole("button", { name: "Add plan" }).click();
    await expect(form.getByText("Plan added.")).toBeVisible();
    await expect(page.getByRole("list", { name: "Plans" }).getByRole("listitem").filter({ hasText: "Elite coaching" })).toContainText("£1,000,000.00");
  });

  test("the webhook route refuses an unsigned or forged event", async ({ request }) => {
    const payload = JSON.stringify({ id: "evt_forged", object: "event", type: "invoice.paid", created: Math.floor(Date.now() / 1000), data: { object: {} } });
    const unsigned = await request.post("/api/webhooks/stripe", { data: payload, headers: { "content-type": "application/json" } });
    expect(unsigned.status()).toBe(400);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_not_the_endpoint_secret" });
    const forged = await request.post("/api/webhooks/stripe", { data: payload, headers: { "content-type": "application/json", "stripe-signature": signature } });
    expect(forged.status()).toBe(400);
    expect(await forged.json()).toMatchObject({ received: false });
  });
});
