import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createTestPlans, recordingProvider } from "~test/billing";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { startPurchase, startSignup } from "./service";

const t = setupTestDatabase();

async function refusal(call: Promise<unknown>) {
  const error = await call.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

describe("who sees and changes billing", () => {
  it("keeps each client's invoices and subscription their own, and revenue the owner's", async () => {
    const s = await createTestStudio(t.db);
    const other = await createTestStudio(t.db);
    const { monthly } = await createTestPlans(t.db, s.studioId);
    const { provider } = recordingProvider(t.db, { now: new Date() });
    const { url } = await startPurchase(t.db, provider, { studioId: s.studioId, clientId: s.clientA.clientId, planId: monthly.id, appUrl: "http://x" });
    await provider.payCheckout({ sessionId: url.split("/").pop()!, cardNumber: "4242424242424242" });

    const asA = callerFor(t.db, s.clientA.userId);
    const asB = callerFor(t.db, s.clientB.userId);
    const aInvoices = await asA.billing.invoices();
    expect(aInvoices).toHaveLength(1);
    expect(await asB.billing.invoices()).toEqual([]);
    const subscriptionId = (await asA.billing.mine()).subscriptions[0]!.id;
    expect((await asB.billing.mine()).subscriptions).toEqual([]);
    expect(await refusal(asB.billing.setCancelAtPeriodEnd({ subscriptionId, cancelAtPeriodEnd: true }))).toBe("NOT_FOUND");
    expect(await refusal(asB.billing.simulateRenewal({ subscriptionId, outcome: "failed" }))).toBe("NOT_FOUND");

    expect(await refusal(callerFor(t.db, s.trainer.userId).billing.revenue())).toBe("FORBIDDEN");
    const revenue = await callerFor(t.db, s.owner.userId).billing.revenue();
    expect(revenue.counts.active).toBe(1);
    expect((await callerFor(t.db, other.owner.userId).billing.revenue()).subscriptions).toEqual([]);
    // Another studio's owner cannot edit our plans.
    expect(
      await refusal(
        callerFor(t.db, other.owner.userId).billing.updatePlan({ planId: monthly.id, name: "Mine now", description: "", price: "1", currency: "GBP", interval: "month", credits: null, isActive: true }),
      ),
    ).toBe("NOT_FOUND");

    await asA.billing.setCancelAtPeriodEnd({ subscriptionId, cancelAtPeriodEnd: true });
    expect((await asA.billing.mine()).subscriptions[0]).toMatchObject({ cancelAtPeriodEnd: true, status: "active" });
    await asA.billing.setCancelAtPeriodEnd({ subscriptionId, cancelAtPeriodEnd: false });
    expect((await asA.billing.mine()).subscriptions[0]).toMatchObject({ cancelAtPeriodEnd: false });
  });

  it("checks plan prices and shapes with messages a person can act on", async () => {
    const s = await createTestStudio(t.db);
    const owner = callerFor(t.db, s.owner.userId);
    const fieldsOf = async (call: Promise<unknown>) => {
      const error = await call.then(() => null, (e: unknown) => e);
      return (error as TRPCError).message;
    };
    expect(await fieldsOf(owner.billing.createPlan({ name: "Pack", kind: "pack", price: "12.3456", currency: "GBP", credits: 5 }))).toBe(
      "Enter the price with at most 2 decimal places.",
    );
    // Three digits after one separator may be a thousands group: asked, not guessed.
    expect(await fieldsOf(owner.billing.createPlan({ name: "Pack", kind: "pack", price: "12.345", currency: "GBP", credits: 5 }))).toBe(
      "“12.345” could be read two ways: type 12345 for a whole amount, or 12.34 with decimals.",
    );
    expect(await fieldsOf(owner.billing.createPlan({ name: "Pack", kind: "pack", price: "60", currency: "GBP", credits: null }))).toBe("Enter how many sessions the pack holds.");
    expect(await fieldsOf(owner.billing.createPlan({ name: "", kind: "pack", price: "60", currency: "GBP", credits: 5 }))).toContain("Give the plan a name.");
    const plan = await owner.billing.createPlan({ name: "Yearly", kind: "subscription", price: "1,200", currency: "JPY", interval: "year" });
    expect(plan).toMatchObject({ priceMinor: 1200, currency: "JPY", interval: "year", credits: null });
    const updated = await owner.billing.updatePlan({ planId: plan.id, name: "Yearly", description: "", price: "1500", currency: "JPY", interval: "year", credits: null, isActive: false });
    expect(updated).toMatchObject({ priceMinor: 1500, isActive: false });
    // Off sale: the public page hides it and a sign-up for it is refused.
    const slug = (await t.db.query.studios.findFirst({ where: (st, { eq }) => eq(st.id, s.studioId) }))!.slug;
    expect((await callerFor(t.db, null).billing.publicPlans({ studioSlug: slug })).plans).toEqual([]);
    const { provider } = recordingProvider(t.db, { now: new Date() });
    await expect(
      startSignup(t.db, provider, { studioSlug: slug, planId: plan.id, name: "X", email: "x-off@example.test", password: "long enough pw", appUrl: "http://x" }),
    ).rejects.toThrow(/not on sale/);
  });

  it("limits how many sign-ups one address can start", async () => {
    const s = await createTestStudio(t.db);
    const { monthly } = await createTestPlans(t.db, s.studioId);
    const slug = (await t.db.query.studios.findFirst({ where: (st, { eq }) => eq(st.id, s.studioId) }))!.slug;
    const { provider } = recordingProvider(t.db, { now: new Date() });
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}-${s.studioId}`;
    const start = (i: number) =>
      startSignup(t.db, provider, { studioSlug: slug, planId: monthly.id, name: "X", email: `spam-${i}-${s.studioId}@example.test`, password: "long enough pw", appUrl: "http://x", ip });
    for (let i = 0; i < 10; i++) await start(i);
    await expect(start(10)).rejects.toThrow(/Too many|try again/i);
  });
});
