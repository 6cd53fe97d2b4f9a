import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { builtInDrillId, runnersFoundationId, samplePrescription } from "~test/drill-fixtures";
import { createTestStudio } from "~test/factories";
import { assignments, assignmentVersions, availabilityExceptions, clients, studios } from "@/server/db/schema";

const t = setupTestDatabase();

// Every date a person types is bounded around a fixed today, with a sentence under its field.
const NOW = new Date("2026-12-01T10:00:00Z");
const clock = { now: () => NOW };

async function refusalOf(call: Promise<unknown>): Promise<{ code: string; message: string; field?: string }> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { code: error.code, message: error.message, field: (error.cause as { field?: string } | undefined)?.field };
  }
  throw new Error("expected a refusal");
}

const prescription = { ...samplePrescription, startDate: "2026-12-01", endDate: null };
const startRefusal = { code: "BAD_REQUEST", field: "prescription.startDate", message: "Pick a start date between 30 November 2025 and 2 December 2027." };

describe("dates typed into assignments, programs and days off", () => {
  it.each(["1900-01-01", "2300-01-01", "2025-11-29"])("an assignment starting %s is refused and nothing is stored", async (startDate) => {
    const s = await createTestStudio(t.db);
    const trainer = callerFor(t.db, s.trainer.userId, clock);
    const drillId = await builtInDrillId(t.db, s.studioId, "back-rotations");
    expect(await refusalOf(trainer.assignment.create({ clientId: s.clientA.clientId, drillId, prescription: { ...prescription, startDate } }))).toEqual(startRefusal);
    expect(await t.db.select().from(assignments).where(eq(assignments.clientId, s.clientA.clientId))).toEqual([]);
  });

  it("an end date far ahead is refused; a change keeps an old start date but may not type a new one out of bounds", async () => {
    const s = await createTestStudio(t.db);
    const drillId = await builtInDrillId(t.db, s.studioId, "back-rotations");
    const trainer = callerFor(t.db, s.trainer.userId, clock);
    expect(await refusalOf(trainer.assignment.create({ clientId: s.clientA.clientId, drillId, prescription: { ...prescription, endDate: "2999-01-01" } }))).toEqual({
      code: "BAD_REQUEST",
      field: "prescription.endDate",
      message: "Pick an end date between 30 November 2025 and 2 December 2028.",
    });

    // Assigned two years ago (as the clock read then): still changeable today without retyping its start.
    const then = callerFor(t.db, s.trainer.userId, { now: () => new Date("2024-12-01T10:00:00Z") });
    const created = await then.assignment.create({ clientId: s.clientA.clientId, drillId, prescription: { ...prescription, startDate: "2024-11-20" } });
    await trainer.assignment.change({ assignmentId: created.id, prescription: { ...prescription, startDate: "2024-11-20", sets: 2 } });
    expect(await refusalOf(trainer.assignment.change({ assignmentId: created.id, prescription: { ...prescription, startDate: "2300-01-01" } }))).toEqual(startRefusal);
    const versions = await t.db.select().from(assignmentVersions).where(eq(assignmentVersions.assignmentId, created.id));
    expect(versions.map((v) => [v.version, v.startDate, v.sets])).toEqual(expect.arrayContaining([[1, "2024-11-20", 1], [2, "2024-11-20", 2]]));
    expect(versions).toHaveLength(2);
  });

  it("a program started in 1900 is refused for every client, and assigns nothing", async () => {
    const s = await createTestStudio(t.db);
    const trainer = callerFor(t.db, s.trainer.userId, clock);
    const programId = await runnersFoundationId(t.db, s.studioId);
    expect(await refusalOf(trainer.program.applyTo({ programId, clientIds: [s.clientA.clientId, s.clientB.clientId], startDate: "1900-01-01" }))).toEqual({
      code: "BAD_REQUEST",
      field: "startDate",
      message: "Pick a start date between 30 November 2025 and 2 December 2027.",
    });
    expect(await t.db.select().from(assignments).where(eq(assignments.studioId, s.studioId))).toEqual([]);
    await trainer.program.applyTo({ programId, clientIds: [s.clientA.clientId], startDate: "2026-12-07" });
    expect(await t.db.select().from(assignments).where(eq(assignments.studioId, s.studioId))).toHaveLength(3);
  });

  it("starts a program on the studio's today for a client invited but not yet joined", async () => {
    const s = await createTestStudio(t.db);
    await t.db.update(studios).set({ timeZone: "America/New_York" }).where(eq(studios.id, s.studioId));
    const [invited] = await t.db.insert(clients).values({ studioId: s.studioId, coachId: s.trainer.memberId, name: "Ivy Invited", email: `ivy-${s.studioId}@stride.test`, status: "invited" }).returning();
    // 01:00 UTC on Saturday is still Friday evening in New York.
    const evening = { now: () => new Date("2026-12-05T01:00:00Z") };
    await callerFor(t.db, s.trainer.userId, evening).program.applyTo({ programId: await runnersFoundationId(t.db, s.studioId), clientIds: [invited!.id] });
    const starts = await t.db.select({ startDate: assignmentVersions.startDate }).from(assignmentVersions).where(eq(assignmentVersions.studioId, s.studioId));
    expect(starts.map((v) => v.startDate)).toEqual(["2026-12-04", "2026-12-04", "2026-12-04"]);
  });

  it.each(["1999-01-01", "2999-01-01", "2026-11-30"])("a day off on %s is refused, not dropped", async (date) => {
    const s = await createTestStudio(t.db);
    const trainer = callerFor(t.db, s.trainer.userId, clock);
    expect(await refusalOf(trainer.booking.addException({ date, kind: "day_off" }))).toEqual({
      code: "BAD_REQUEST",
      field: "date",
      message: "Pick a day between today and 2 December 2028.",
    });
    expect(await refusalOf(trainer.booking.addException({ date, kind: "extra", start: "09:00", end: "10:00" }))).toMatchObject({ field: "date" });
    expect(await t.db.select().from(availabilityExceptions).where(eq(availabilityExceptions.studioId, s.studioId))).toEqual([]);
  });

  it("a day off today or two years ahead is kept", async () => {
    const s = await createTestStudio(t.db);
    const trainer = callerFor(t.db, s.trainer.userId, clock);
    await trainer.booking.addException({ date: "2026-12-01", kind: "day_off" });
    await trainer.booking.addException({ date: "2028-12-02", kind: "day_off" });
    const rows = await t.db.select().from(availabilityExceptions).where(and(eq(availabilityExceptions.studioId, s.studioId), eq(availabilityExceptions.memberId, s.trainer.memberId)));
    expect(rows.map((r) => r.date).sort()).toEqual(["2026-12-01", "2028-12-02"]);
  });
});
