import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { plans, sessionTypes } from "@/server/db/schema";

const t = setupTestDatabase();

/** The sentence a refusal shows the trainer, and the field it belongs to. */
async function refusalOf(call: Promise<unknown>): Promise<{ code: string; message: string; field?: string }> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause as { field?: string } | undefined;
    return { code: error.code, message: error.message, field: cause?.field };
  }
  throw new Error("expected a refusal");
}

const pack = { name: "10-session pack", kind: "pack" as const, credits: 10, description: "" };
const monthly = { name: "Monthly coaching", kind: "subscription" as const, interval: "month" as const, description: "" };

describe("prices typed into the plan and session-type forms", () => {
  it.each([
    ["49,99", "EUR", 4999],
    ["49.99", "EUR", 4999],
    ["1.234,50", "EUR", 123450],
    ["1,234.50", "GBP", 123450],
    ["5,000", "JPY", 5000],
    ["110", "SEK", 11000],
  ] as const)("a plan priced %j %s is stored as %i minor units", async (price, currency, minor) => {
    const s = await createTestStudio(t.db);
    const plan = await callerFor(t.db, s.owner.userId).billing.createPlan({ ...pack, price, currency });
    const [row] = await t.db.select().from(plans).where(eq(plans.id, plan.id));
    expect(row!.priceMinor).toBe(minor);
  });

  it("refuses an ambiguous price with a sentence under the price field, and stores nothing", async () => {
    const s = await createTestStudio(t.db);
    const refusal = await refusalOf(callerFor(t.db, s.owner.userId).billing.createPlan({ ...pack, price: "1,234", currency: "EUR" }));
    expect(refusal).toEqual({ code: "BAD_REQUEST", field: "price", message: "“1,234” could be read two ways: type 1234 for a whole amount, or 1.23 with decimals." });
    expect(await t.db.select().from(plans).where(eq(plans.studioId, s.studioId))).toEqual([]);
  });

  it("puts £1,000,000 a month on sale only once the trainer confirms the amount", async () => {
    const s = await createTestStudio(t.db);
    const owner = callerFor(t.db, s.owner.userId);
    const refusal = await refusalOf(owner.billing.createPlan({ ...monthly, price: "1,000,000", currency: "GBP" }));
    expect(refusal).toEqual({ code: "BAD_REQUEST", field: "price", message: "Clients would be charged £1,000,000.00 a month: check the price, or confirm that it is right." });
    expect(await t.db.select().from(plans).where(eq(plans.studioId, s.studioId))).toEqual([]);

    const plan = await owner.billing.createPlan({ ...monthly, price: "1,000,000", currency: "GBP", confirmPrice: true });
    expect(plan.priceMinor).toBe(100_000_000);

    // A change of a plan on sale to a price above the threshold asks again; off sale it does not.
    const cheap = await owner.billing.createPlan({ ...monthly, name: "Basic", price: "49", currency: "GBP" });
    const change = { planId: cheap.id, name: "Basic", description: "", currency: "GBP" as const, interval: "month" as const, credits: null };
    expect((await refusalOf(owner.billing.updatePlan({ ...change, price: "49000", isActive: true }))).field).toBe("price");
    expect((await t.db.select().from(plans).where(eq(plans.id, cheap.id)))[0]!.priceMinor).toBe(4900);
    expect((await owner.billing.updatePlan({ ...change, price: "49000", isActive: false })).priceMinor).toBe(4_900_000);
    expect((await owner.billing.updatePlan({ ...change, price: "49000", isActive: true, confirmPrice: true })).priceMinor).toBe(4_900_000);
  });

  it("reads a session type's money price with the same parser", async () => {
    const s = await createTestStudio(t.db);
    const trainer = callerFor(t.db, s.trainer.userId);
    const fields = { name: "Form check", durationMinutes: 30, bufferAfterMinutes: 0, minNoticeMinutes: 60, maxDaysAhead: 30, cancelFreeUntilHours: 24 };
    const saved = await trainer.booking.saveSessionType({ ...fields, price: { kind: "money", amount: "40,50", currency: "EUR" } });
    expect(saved.priceAmountMinor).toBe(4050);
    const yen = await trainer.booking.saveSessionType({ ...fields, price: { kind: "money", amount: "5,000", currency: "JPY" } });
    expect(yen.priceAmountMinor).toBe(5000);
    const free = await trainer.booking.saveSessionType({ ...fields, price: { kind: "money", amount: "0", currency: "GBP" } });
    expect(free.priceAmountMinor).toBe(0);
    const refusal = await refusalOf(trainer.booking.saveSessionType({ ...fields, name: "Ambiguous", price: { kind: "money", amount: "1.234", currency: "GBP" } }));
    expect(refusal).toMatchObject({ code: "BAD_REQUEST", field: "price" });
    expect(await t.db.select().from(sessionTypes).where(eq(sessionTypes.name, "Ambiguous"))).toEqual([]);
  });
});
