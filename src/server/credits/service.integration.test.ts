import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { creditBalance, grantCredits, refundCredit, spendCredit } from "./service";

const t = setupTestDatabase();

describe("the credit ledger", () => {
  it("grants, spends, refunds once, and a purchase with the same source grants once", async () => {
    const s = await createTestStudio(t.db);
    const ref = { studioId: s.studioId, clientId: s.clientA.clientId };
    await t.db.transaction((tx) => grantCredits(tx, { ...ref, amount: 2, reason: "welcome", memberId: s.owner.memberId }));
    const checkout = `cs_test_${randomUUID()}`;
    for (let i = 0; i < 3; i++) {
      await t.db.transaction((tx) => grantCredits(tx, { ...ref, amount: 5, reason: "5-session pack", kind: "purchase", sourceRef: checkout }));
    }
    expect(await creditBalance(t.db, ref)).toBe(7);
    const bookingId = randomUUID();
    await t.db.transaction((tx) => spendCredit(tx, { ...ref, bookingId, reason: "booking", reader: { kind: "client" } }));
    expect(await creditBalance(t.db, ref)).toBe(6);
    expect(await t.db.transaction((tx) => refundCredit(tx, { ...ref, bookingId, reason: "free cancel" }))).toBe(true);
    expect(await t.db.transaction((tx) => refundCredit(tx, { ...ref, bookingId, reason: "free cancel" }))).toBe(false);
    expect(await creditBalance(t.db, ref)).toBe(7);
  });

  it("never spends the last credit twice, however many bookings race for it", async () => {
    const s = await createTestStudio(t.db);
    const ref = { studioId: s.studioId, clientId: s.clientB.clientId };
    await t.db.transaction((tx) => grantCredits(tx, { ...ref, amount: 1, reason: "one" }));
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => t.db.transaction((tx) => spendCredit(tx, { ...ref, bookingId: randomUUID(), reason: "race", reader: { kind: "client" } }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await creditBalance(t.db, ref)).toBe(0);
  });

  it("refuses another studio's client", async () => {
    const a = await createTestStudio(t.db);
    const b = await createTestStudio(t.db);
    await expect(
      t.db.transaction((tx) => grantCredits(tx, { studioId: b.studioId, clientId: a.clientA.clientId, amount: 1, reason: "x" })),
    ).rejects.toThrow(/not part of your studio/);
  });
});
