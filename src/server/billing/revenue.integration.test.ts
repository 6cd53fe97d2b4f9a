import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { monthlyMinor } from "@/lib/money";
import { subscriptions } from "@/server/db/schema";
import { revenueSummary } from "./service";

const t = setupTestDatabase();

// MRR is summed in SQL over the mirror; the rule is `monthlyMinor`. The two must agree on every
// mix of intervals, currencies, odd prices (the half-up rounding) and statuses.
describe("MRR in SQL is the monthlyMinor rule", () => {
  it("adds each billing subscription's monthly value per currency, and the past-due part apart", async () => {
    const s = await createTestStudio(t.db);
    const rows: { priceMinor: number; currency: string; interval: "month" | "year"; status: (typeof subscriptions.$inferInsert)["status"] }[] = [
      { priceMinor: 4900, currency: "GBP", interval: "month", status: "active" },
      { priceMinor: 49_006, currency: "GBP", interval: "year", status: "active" }, // 4083.83… → 4084
      { priceMinor: 18, currency: "GBP", interval: "year", status: "trialing" }, // 1.5 → 2 (half up)
      { priceMinor: 6, currency: "GBP", interval: "year", status: "past_due" }, // 0.5 → 1
      { priceMinor: 2999, currency: "GBP", interval: "month", status: "past_due" },
      { priceMinor: 9999, currency: "GBP", interval: "month", status: "canceled" }, // not billing
      { priceMinor: 50_000, currency: "JPY", interval: "year", status: "active" }, // 4166.67 → 4167
      { priceMinor: 5000, currency: "JPY", interval: "month", status: "unpaid" }, // not billing
      { priceMinor: 1_000_001, currency: "EUR", interval: "year", status: "past_due" }, // 83333.42 → 83333
    ];
    await t.db.insert(subscriptions).values(
      rows.map((r) => ({
        ...r,
        studioId: s.studioId,
        clientId: s.clientA.clientId,
        stripeSubscriptionId: `sub_${randomUUID()}`,
        stripeCustomerId: "cus_revenue",
        lastEventAt: new Date("2026-05-01T00:00:00Z"),
      })),
    );

    const billing = rows.filter((r) => ["active", "trialing", "past_due"].includes(r.status));
    const expected = [...new Set(billing.map((r) => r.currency))].sort().map((currency) => {
      const of = billing.filter((r) => r.currency === currency);
      const sum = (list: typeof of) => list.reduce((total, r) => total + monthlyMinor(r.priceMinor, r.interval), 0);
      return { currency, mrrMinor: sum(of), atRiskMinor: sum(of.filter((r) => r.status === "past_due")) };
    });
    const { mrr } = await revenueSummary(t.db, s.studioId, new Date("2026-05-02T00:00:00Z"));
    expect(mrr).toEqual(expected);
    // The figures themselves, so a change to both copies at once is seen too.
    expect(mrr).toEqual([
      { currency: "EUR", mrrMinor: 83_333, atRiskMinor: 83_333 },
      { currency: "GBP", mrrMinor: 4900 + 4084 + 2 + 1 + 2999, atRiskMinor: 1 + 2999 },
      { currency: "JPY", mrrMinor: 4167, atRiskMinor: 0 },
    ]);
  });
});
