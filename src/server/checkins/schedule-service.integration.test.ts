import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkinResponses, checkinSchedules, clients, studios, users } from "@/server/db/schema";
import { applyProgram } from "@/server/drills/assignments";
import { builtInForm } from "~test/checkin-fixtures";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { freshProgram } from "~test/drill-fixtures";
import { createTestStudio, type TestStudio } from "~test/factories";
import { refusalOf } from "~test/refusal";
import { schedulesInForce } from "./schedules-in-force";

const t = setupTestDatabase();

// A Thursday morning in December: the next spring-forward night in Berlin is 28 March 2027.
const NOW = new Date("2026-12-03T10:00:00Z");
const BERLIN_NOTICE = "02:30 does not happen on 28 March 2027 in Europe/Berlin; that day the check-in opens at 03:00.";

const as = (userId: string, now = NOW) => callerFor(t.db, userId, { now: () => now });

async function studioInBerlin(): Promise<TestStudio> {
  const studio = await createTestStudio(t.db, "checkins");
  await t.db.update(users).set({ timeZone: "Europe/Berlin" }).where(eq(users.id, studio.clientA.userId));
  return studio;
}

async function schedulesOf(studioId: string) {
  return t.db.select().from(checkinSchedules).where(eq(checkinSchedules.studioId, studioId));
}

describe("scheduling a check-in for a client", () => {
  it("asks the client daily from their today, lists it, and offers the studio's check-in forms (not the intake)", async () => {
    const studio = await studioInBerlin();
    const { form } = await builtInForm(t.db, studio.studioId, "morning-check-in");
    const trainer = as(studio.trainer.userId).checkinSchedule;
    const { schedule } = await trainer.scheduleForClient({ clientId: studio.clientA.clientId, formId: form.id, cadence: "daily", weekday: null, atTime: "07:00", startsOn: null });
    expect(schedule).toMatchObject({ formTitle: form.title, cadence: "daily", weekday: null, atTime: "07:00", startsOn: "2026-12-03", program: null, isInForce: true, notices: [] });

    const list = await trainer.forClient({ clientId: studio.clientA.clientId });
    expect(list.schedules.map((s) => s.id)).toEqual([schedule.id]);
    expect(list.forms.map((f) => f.title).sort()).toEqual(["Morning check-in", "Weekly review"].sort());
    expect(list.today).toBe("2026-12-03");
    expect(list.startBounds).toEqual({ min: "2026-12-03", max: "2027-12-04" });
    const [asked] = await schedulesInForce(t.db, studio.studioId, { clientIds: [studio.clientA.clientId] });
    expect(asked).toMatchObject({ scheduleId: schedule.id, timeZone: "Europe/Berlin", timing: { cadence: "daily", atTime: "07:00", startsOn: "2026-12-03" } });
  });

  it("stores a weekly one on its ISO weekday", async () => {
    const studio = await studioInBerlin();
    const { form } = await builtInForm(t.db, studio.studioId, "weekly-review");
    const { schedule } = await as(studio.owner.userId).checkinSchedule.scheduleForClient({ clientId: studio.clientA.clientId, formId: form.id, cadence: "weekly", weekday: 7, atTime: "18:00", startsOn: "2026-12-06" });
    expect(schedule).toMatchObject({ cadence: "weekly", weekday: 7, startsOn: "2026-12-06" });
  });

  it("tells the trainer when the clocks skip the time in the client's zone, and stores it", async () => {
    const studio = await studioInBerlin();
    const { form } = await builtInForm(t.db, studio.studioId, "morning-check-in");
    const trainer = as(studio.trainer.userId).checkinSchedule;
    const { schedule } = await trainer.scheduleForClient({ clientId: studio.clientA.clientId, formId: form.id, cadence: "daily", weekday: null, atTime: "02:30", startsOn: null });
    expect(schedule.notices).toEqual([BERLIN_NOTICE]);
    expect((await trainer.forClient({ clientId: studio.clientA.clientId })).schedules[0]!.notices).toEqual([BERLIN_NOTICE]);
    // Client B lives in London, where 02:30 always happens (the clocks skip 01:00–02:00 there).
    const london = await trainer.scheduleForClient({ clientId: studio.clientB.clientId, formId: form.id, cadence: "daily", weekday: null, atTime: "02:30", startsOn: null });
    expect(london.schedule.notices).toEqual([]);
  });

  it("answers a second live schedule of the same form for the client with a sentence, and stores nothing", async () => {
    const studio = await studioInBerlin();
    const { form } = await builtInForm(t.db, studio.studioId, "morning-check-in");
    const input = { clientId: studio.clientA.clientId, formId: form.id, cadence: "daily" as const, weekday: null, atTime: "07:00", startsOn: null };
    await as(studio.trainer.userId).checkinSchedule.scheduleForClient(input);
    const refusal = await refusalOf(as(studio.owner.userId).checkinSchedule.scheduleForClient({ ...input, atTime: "08:00" }), "checkinSchedule.scheduleForClient");
    expect(refusal.code).toBe("CONFLICT");
    const [client] = await t.db.select({ name: clients.name }).from(clients).where(eq(clients.id, studio.clientA.clientId));
    expect(refusal.message).toBe(`Morning check-in is already scheduled for ${client!.name}: stop that schedule first to change its time.`);
    expect(await schedulesOf(studio.studioId)).toHaveLength(1);
  });

  it.each([
    ["25:00", { atTime: "25:00" }, "atTime", "Enter a time between 00:00 and 23:59, as HH:MM."],
    ["weekday 0", { cadence: "weekly", weekday: 0 }, "weekday", "Pick the day of the week, Monday to Sunday."],
    ["weekday 8", { cadence: "weekly", weekday: 8 }, "weekday", "Pick the day of the week, Monday to Sunday."],
    ["weekly without a weekday", { cadence: "weekly", weekday: null }, "weekday", "Pick the day of the week a weekly check-in is asked."],
    ["daily with a weekday", { weekday: 2 }, "weekday", "A daily check-in is asked every day: leave the day of the week empty, or choose weekly."],
    ["a start date far away", { startsOn: "2031-01-01" }, "startsOn", "Pick a start date between today and 4 December 2027."],
    ["a start date in the past", { startsOn: "2026-12-02" }, "startsOn", "Pick a start date between today and 4 December 2027."],
  ])("refuses %s with one sentence, storing nothing", async (_name, change, field, message) => {
    const studio = await studioInBerlin();
    const { form } = await builtInForm(t.db, studio.studioId, "morning-check-in");
    const input = { clientId: studio.clientA.clientId, formId: form.id, cadence: "daily", weekday: null, atTime: "07:00", startsOn: null, ...change };
    const refusal = await refusalOf(as(studio.trainer.userId).checkinSchedule.scheduleForClient(input as never), "checkinSchedule.scheduleForClient");
    expect(refusal).toMatchObject({ code: "BAD_REQUEST", fields: { [field]: message } });
    expect(await schedulesOf(studio.studioId)).toHaveLength(0);
  });

  it("schedules only the studio's live check-in forms, for a client not archived", async () => {
    const studio = await studioInBerlin();
    const other = await createTestStudio(t.db, "elsewhere");
    const { form: intake } = await builtInForm(t.db, studio.studioId, "health-intake");
    const { form: theirs } = await builtInForm(t.db, other.studioId, "morning-check-in");
    const trainer = as(studio.trainer.userId).checkinSchedule;
    const base = { clientId: studio.clientA.clientId, cadence: "daily" as const, weekday: null, atTime: "07:00", startsOn: null };
    for (const formId of [intake.id, theirs.id]) {
      expect(await refusalOf(trainer.scheduleForClient({ ...base, formId }), "checkinSchedule.scheduleForClient")).toMatchObject({ code: "BAD_REQUEST", fields: { formId: "Pick a check-in form from the list." } });
    }
    const { form } = await builtInForm(t.db, studio.studioId, "morning-check-in");
    await t.db.update(clients).set({ status: "archived" }).where(eq(clients.id, studio.clientA.clientId));
    expect((await refusalOf(trainer.scheduleForClient({ ...base, formId: form.id }), "checkinSchedule.scheduleForClient")).code).toBe("PRECONDITION_FAILED");
    expect(await schedulesOf(studio.studioId)).toHaveLength(0);
  });

  it("keeps a trainer who sees only their own clients away from another coach's client", async () => {
    const studio = await studioInBerlin();
    await t.db.update(studios).set({ clientVisibility: "own" }).where(eq(studios.id, studio.studioId));
    const { form } = await builtInForm(t.db, studio.studioId, "morning-check-in");
    // The trainer coaches A; B moves to the owner, out of the trainer's sight.
    const input = { clientId: studio.clientA.clientId, formId: form.id, cadence: "daily" as const, weekday: null, atTime: "07:00", startsOn: null };
    const { schedule } = await as(studio.trainer.userId).checkinSchedule.scheduleForClient(input);
    expect(schedule.isInForce).toBe(true);
    await t.db.update(clients).set({ coachId: studio.owner.memberId }).where(eq(clients.id, studio.clientB.clientId));
    const refused = await refusalOf(as(studio.trainer.userId).checkinSchedule.scheduleForClient({ ...input, clientId: studio.clientB.clientId }), "checkinSchedule.scheduleForClient");
    expect(refused.code).toBe("NOT_FOUND");
  });
});

describe("stopping a schedule", () => {
  it("stops asking from now, keeps the answers, and lets the form be scheduled again", async () => {
    const studio = await studioInBerlin();
    const { form } = await builtInForm(t.db, studio.studioId, "morning-check-in");
    const trainer = as(studio.trainer.userId).checkinSchedule;
    const input = { clientId: studio.clientA.clientId, formId: form.id, cadence: "daily" as const, weekday: null, atTime: "07:00", startsOn: null };
    const { schedule } = await trainer.scheduleForClient(input);
    await t.db.insert(checkinResponses).values({ id: randomUUID(), studioId: studio.studioId, clientId: studio.clientA.clientId, formId: form.id, kind: "checkin", scheduleId: schedule.id, dueOn: "2026-12-03", localDate: "2026-12-03" });

    const ended = await trainer.end({ scheduleId: schedule.id });
    expect(ended).toEqual({ scheduleId: schedule.id, endedAt: NOW });
    expect(await trainer.end({ scheduleId: schedule.id })).toEqual(ended);
    expect((await trainer.forClient({ clientId: studio.clientA.clientId })).schedules).toEqual([]);
    expect(await schedulesInForce(t.db, studio.studioId, { clientIds: [studio.clientA.clientId] })).toEqual([]);
    expect(await t.db.select().from(checkinResponses).where(eq(checkinResponses.scheduleId, schedule.id))).toHaveLength(1);

    const again = await trainer.scheduleForClient({ ...input, atTime: "08:00" });
    expect(again.schedule.id).not.toBe(schedule.id);
  });

  it("answers another studio's schedule as a missing one", async () => {
    const studio = await studioInBerlin();
    const other = await createTestStudio(t.db, "elsewhere");
    const { form } = await builtInForm(t.db, studio.studioId, "morning-check-in");
    const { schedule } = await as(studio.trainer.userId).checkinSchedule.scheduleForClient({ clientId: studio.clientA.clientId, formId: form.id, cadence: "daily", weekday: null, atTime: "07:00", startsOn: null });
    const refusal = await refusalOf(as(other.owner.userId).checkinSchedule.end({ scheduleId: schedule.id }), "checkinSchedule.end");
    expect(refusal).toMatchObject({ code: "NOT_FOUND", message: "That check-in schedule does not exist or is not part of your studio." });
    const [row] = await t.db.select().from(checkinSchedules).where(eq(checkinSchedules.id, schedule.id));
    expect(row!.endedAt).toBeNull();
  });
});

describe("scheduling a check-in for a programme", () => {
  it("asks every client with a live assignment from it, in their own zones, and says which zones skip the time", async () => {
    const studio = await studioInBerlin();
    const program = await freshProgram(t.db, studio);
    await applyProgram(t.db, studio.studioId, studio.trainer.memberId, { programId: program.id, clientIds: [studio.clientA.clientId, studio.clientB.clientId] }, NOW);
    const { form } = await builtInForm(t.db, studio.studioId, "morning-check-in");
    const trainer = as(studio.trainer.userId).checkinSchedule;
    const { schedule } = await trainer.scheduleForProgram({ programId: program.id, formId: form.id, cadence: "daily", weekday: null, atTime: "02:30", startsOn: null });
    expect(schedule).toMatchObject({ program: { id: program.id, name: program.name }, isInForce: true, notices: [BERLIN_NOTICE] });

    const asked = await schedulesInForce(t.db, studio.studioId, { clientIds: [studio.clientA.clientId, studio.clientB.clientId] });
    expect(asked.map((s) => [s.clientId, s.scheduleId, s.programId, s.timeZone]).sort()).toEqual(
      [
        [studio.clientA.clientId, schedule.id, program.id, "Europe/Berlin"],
        [studio.clientB.clientId, schedule.id, program.id, "Europe/London"],
      ].sort(),
    );
    const forProgram = await trainer.forProgram({ programId: program.id });
    expect(forProgram).toMatchObject({ clientCount: 2, schedules: [{ id: schedule.id, notices: [BERLIN_NOTICE] }] });
    const forClient = await trainer.forClient({ clientId: studio.clientB.clientId });
    expect(forClient.schedules).toMatchObject([{ id: schedule.id, program: { name: program.name }, isInForce: true, notices: [] }]);

    expect((await refusalOf(trainer.scheduleForProgram({ programId: program.id, formId: form.id, cadence: "daily", weekday: null, atTime: "07:00", startsOn: null }), "checkinSchedule.scheduleForProgram")).code).toBe("CONFLICT");
  });

  it("lets a client's own schedule of the same form ask instead of the programme's, listing both", async () => {
    const studio = await studioInBerlin();
    const program = await freshProgram(t.db, studio);
    await applyProgram(t.db, studio.studioId, studio.trainer.memberId, { programId: program.id, clientIds: [studio.clientA.clientId] }, NOW);
    const { form } = await builtInForm(t.db, studio.studioId, "morning-check-in");
    const trainer = as(studio.trainer.userId).checkinSchedule;
    const viaProgram = await trainer.scheduleForProgram({ programId: program.id, formId: form.id, cadence: "daily", weekday: null, atTime: "07:00", startsOn: null });
    const own = await trainer.scheduleForClient({ clientId: studio.clientA.clientId, formId: form.id, cadence: "daily", weekday: null, atTime: "06:30", startsOn: null });
    const list = await trainer.forClient({ clientId: studio.clientA.clientId });
    expect(list.schedules.map((s) => [s.id, s.program?.id ?? null, s.isInForce])).toEqual([
      [own.schedule.id, null, true],
      [viaProgram.schedule.id, program.id, false],
    ]);
  });

  it("stops reaching a client whose assignments from it ended, and refuses another studio's programme", async () => {
    const studio = await studioInBerlin();
    const other = await createTestStudio(t.db, "elsewhere");
    const program = await freshProgram(t.db, studio);
    const { form } = await builtInForm(t.db, studio.studioId, "weekly-review");
    const refusal = await refusalOf(as(other.owner.userId).checkinSchedule.scheduleForProgram({ programId: program.id, formId: form.id, cadence: "weekly", weekday: 7, atTime: "18:00", startsOn: null }), "checkinSchedule.scheduleForProgram");
    expect(refusal.code).toBe("NOT_FOUND");
    const { schedule } = await as(studio.trainer.userId).checkinSchedule.scheduleForProgram({ programId: program.id, formId: form.id, cadence: "weekly", weekday: 7, atTime: "18:00", startsOn: null });
    // Nobody has the programme yet: it asks no one.
    expect(await schedulesInForce(t.db, studio.studioId, { clientIds: [studio.clientA.clientId] })).toEqual([]);
    await applyProgram(t.db, studio.studioId, studio.trainer.memberId, { programId: program.id, clientIds: [studio.clientA.clientId] }, NOW);
    expect((await schedulesInForce(t.db, studio.studioId, { clientIds: [studio.clientA.clientId] })).map((s) => s.scheduleId)).toEqual([schedule.id]);
    expect(await t.db.select().from(checkinSchedules).where(and(eq(checkinSchedules.studioId, other.studioId)))).toEqual([]);
  });
});
