import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clients } from "@/server/db/schema";
import { callerFor } from "~test/caller";
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

describe("credits a trainer gives by hand", () => {
  it("answers the client's new balance, and the trainer's page shows the entry", async () => {
    const s = await createTestStudio(t.db);
    const trainer = callerFor(t.db, s.trainer.userId);
    expect(await trainer.credits.grant({ clientId: s.clientA.clientId, amount: 3, reason: "welcome credits" })).toEqual({ balance: 3 });
    const page = await trainer.credits.forClient({ clientId: s.clientA.clientId });
    expect(page.balance).toBe(3);
    expect(page.entries).toMatchObject([{ kind: "grant", delta: 3, reason: "welcome credits", createdByMemberId: s.trainer.memberId }]);
  });

  // The trainer's page of a deleted client answered "not found" while a grant to them went
  // through; both now answer "not found".
  it("cannot go to a deleted client, whose page is not found either", async () => {
    const s = await createTestStudio(t.db);
    await t.db
      .update(clients)
      .set({ deletedAt: new Date(), deletedByMemberId: s.owner.memberId })
      .where(eq(clients.id, s.clientB.clientId));
    const trainer = callerFor(t.db, s.trainer.userId);
    await expect(trainer.credits.grant({ clientId: s.clientB.clientId, amount: 1, reason: "late gift" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(trainer.credits.forClient({ clientId: s.clientB.clientId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await creditBalance(t.db, { studioId: s.studioId, clientId: s.clientB.clientId })).toBe(0);
  });

  it("shows the client their own entries without who granted them", async () => {
    const s = await createTestStudio(t.db);
    await callerFor(t.db, s.owner.userId).credits.grant({ clientId: s.clientA.clientId, amount: 2, reason: "welcome credits" });
    const mine = await callerFor(t.db, s.clientA.userId).portalBooking.credits();
    expect(mine.balance).toBe(2);
    expect(mine.entries).toEqual([{ id: expect.any(String), kind: "grant", delta: 2, reason: "welcome credits", createdAt: expect.any(Date) }]);
  });
});
