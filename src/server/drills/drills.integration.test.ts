import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/server/auth/service";
import { acceptInvite } from "@/server/clients/service";
import { assignments, assignmentVersions, clients, outbox, programItems, programs } from "@/server/db/schema";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { builtInDrillId, freshDrill, runnersFoundationId, sampleDrillFields, samplePrescription } from "~test/drill-fixtures";
import { createTestStudio } from "~test/factories";
import { freshRun, freshSession } from "~test/training-fixtures";

const t = setupTestDatabase();

async function assignmentsOf(clientId: string) {
  return t.db.select().from(assignments).where(eq(assignments.clientId, clientId));
}

/** The field errors a refused call carried to the form, by dotted path. */
async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const e = error as TRPCError;
  const { ZodError } = await import("zod");
  const fields: Record<string, string> = {};
  if (e.cause instanceof ZodError) for (const issue of e.cause.issues) fields[issue.path.join(".")] ??= issue.message;
  const field = (e.cause as { field?: string } | undefined)?.field;
  if (field) fields[field] = e.message;
  return { code: e.code, message: e.message, fields };
}

describe("the drill library", () => {
  it("has the three built-in drills of the method, with Hopping behind Knee Drive by the default rule", async () => {
    const studio = await createTestStudio(t.db);
    const trainer = callerFor(t.db, studio.trainer.userId);
    const library = await trainer.drill.list();
    expect(library.map((d) => [d.name, d.measure, d.level, d.isBuiltIn])).toEqual([
      ["Knee Drive", "hold_seconds", "foundation", true],
      ["Back Rotations", "reps", "foundation", true],
      ["Hopping", "contacts", "advanced", true],
    ]);
    const backRotations = library[1]!;
    expect(backRotations.equipment.map((e) => e.name)).toEqual(["Broomstick"]);
    expect(backRotations.defaultPrescription).toMatchObject({ sets: 1, repMin: 15, repMax: 20, schedule: { daily: true, beforeRun: true } });
    expect(library[2]!.prerequisites).toEqual([
      expect.objectContaining({ requiresDrillName: "Knee Drive", rule: { minValuePerSide: 30, requiredDays: 5, windowDays: 7 } }),
    ]);
    // Asking again does not add a second set.
    expect(await trainer.drill.list()).toHaveLength(3);
  });

  it("built-ins are copied and adapted, never edited in place; drills are archived, not deleted", async () => {
    const studio = await createTestStudio(t.db);
    const trainer = callerFor(t.db, studio.trainer.userId);
    const hoppingId = await builtInDrillId(t.db, studio.studioId, "hopping");
    const edit = await refusal(trainer.drill.update({ drillId: hoppingId, drill: sampleDrillFields }));
    expect(edit.code).toBe("FORBIDDEN");

    const copy = await trainer.drill.copy({ drillId: hoppingId });
    expect(copy).toMatchObject({ name: "Hopping (copy)", isBuiltIn: false, copiedFromId: hoppingId, measure: "contacts" });
    expect(copy.prerequisites.map((p) => p.requiresDrillName)).toEqual(["Knee Drive"]);
    const adapted = await trainer.drill.update({ drillId: copy.id, drill: { ...sampleDrillFields, name: "Pogo hops", measure: "contacts", defaultPrescription: { sets: 2, targetPerSide: 30, schedule: { daily: false, beforeRun: true } } } });
    expect(adapted.name).toBe("Pogo hops");

    await trainer.drill.archive({ drillId: copy.id });
    expect((await trainer.drill.list()).map((d) => d.name)).not.toContain("Pogo hops");
    expect((await trainer.drill.list({ includeArchived: true })).find((d) => d.id === copy.id)?.archivedAt).toBeInstanceOf(Date);
  });

  it("refuses bad drills with a message on the field, and creates nothing", async () => {
    const studio = await createTestStudio(t.db);
    const trainer = callerFor(t.db, studio.trainer.userId);
    const empty = await refusal(trainer.drill.create({ ...sampleDrillFields, name: "  " }));
    expect(empty.fields.name).toBe("Give the drill a name.");
    const backwards = await refusal(trainer.drill.create({ ...sampleDrillFields, defaultPrescription: { sets: 1, repMin: 25, repMax: 15, schedule: { daily: true, beforeRun: false } } }));
    expect(backwards.fields["defaultPrescription.repMax"]).toBe("Make the lowest reps no more than the highest, e.g. 15–20.");
    expect(await trainer.drill.list()).toHaveLength(3);
  });

  it("the studio sets the mastery rule, and a drill cannot depend on itself in a circle", async () => {
    const studio = await createTestStudio(t.db);
    const trainer = callerFor(t.db, studio.trainer.userId);
    const kneeDrive = await builtInDrillId(t.db, studio.studioId, "knee-drive");
    const hopping = await builtInDrillId(t.db, studio.studioId, "hopping");
    const updated = await trainer.drill.setPrerequisite({ drillId: hopping, requiresDrillId: kneeDrive, rule: { minValuePerSide: 40, requiredDays: 4, windowDays: 7 } });
    expect(updated.prerequisites[0]!.rule).toEqual({ minValuePerSide: 40, requiredDays: 4, windowDays: 7 });
    const circle = await refusal(trainer.drill.setPrerequisite({ drillId: kneeDrive, requiresDrillId: hopping, rule: { minValuePerSide: 10, requiredDays: 1, windowDays: 7 } }));
    expect(circle.fields.requiresDrillId).toMatch(/already depends on this drill/);
  });
});

describe("assignments", () => {
  it("a change adds a version and keeps the old one, with who changed it; pause, resume and end too", async () => {
    const studio = await createTestStudio(t.db);
    const trainer = callerFor(t.db, studio.trainer.userId);
    const owner = callerFor(t.db, studio.owner.userId);
    const drillId = await builtInDrillId(t.db, studio.studioId, "back-rotations");
    const created = await trainer.assignment.create({ clientId: studio.clientA.clientId, drillId, prescription: samplePrescription });
    await owner.assignment.change({ assignmentId: created.id, prescription: { ...samplePrescription, sets: 2, repMin: 18, repMax: 22 } });
    await trainer.assignment.setStatus({ assignmentId: created.id, action: "pause" });
    const resumeTwice = await refusal(trainer.assignment.setStatus({ assignmentId: created.id, action: "pause" }));
    expect(resumeTwice.code).toBe("PRECONDITION_FAILED");
    await trainer.assignment.setStatus({ assignmentId: created.id, action: "resume" });

    const { assignments: list } = await trainer.assignment.forClient({ clientId: studio.clientA.clientId });
    const one = list.find((a) => a.id === created.id)!;
    expect(one.status).toBe("active");
    expect(one.prescription).toMatchObject({ sets: 2, repMin: 18, repMax: 22 });
    expect(one.history.map((v) => [v.version, v.action, v.sets, v.changedByName])).toEqual([
      [4, "resumed", 2, studio.trainer.name],
      [3, "paused", 2, studio.trainer.name],
      [2, "changed", 2, studio.owner.name],
      [1, "assigned", 1, studio.trainer.name],
    ]);

    await trainer.assignment.setStatus({ assignmentId: created.id, action: "end" });
    const changeEnded = await refusal(trainer.assignment.change({ assignmentId: created.id, prescription: samplePrescription }));
    expect(changeEnded.code).toBe("PRECONDITION_FAILED");
    // Once ended, the drill can be assigned afresh.
    await trainer.assignment.create({ clientId: studio.clientA.clientId, drillId, prescription: samplePrescription });
    expect(await assignmentsOf(studio.clientA.clientId)).toHaveLength(2);
  });

  it("bad input gets a field-level message and changes nothing", async () => {
    const studio = await createTestStudio(t.db);
    const other = await createTestStudio(t.db, "other");
    const trainer = callerFor(t.db, studio.trainer.userId);
    const drillId = await builtInDrillId(t.db, studio.studioId, "back-rotations");

    const backwards = await refusal(trainer.assignment.create({ clientId: studio.clientA.clientId, drillId, prescription: { ...samplePrescription, repMin: 25, repMax: 15 } }));
    expect(backwards.fields["prescription.repMax"]).toBe("Make the lowest reps no more than the highest, e.g. 15–20.");
    const unknownDrill = await refusal(trainer.assignment.create({ clientId: studio.clientA.clientId, drillId: randomUUID(), prescription: samplePrescription }));
    expect(unknownDrill).toMatchObject({ code: "NOT_FOUND", fields: { drillId: "Pick a drill from your library." } });
    const theirDrill = await refusal(trainer.assignment.create({ clientId: studio.clientA.clientId, drillId: await builtInDrillId(t.db, other.studioId, "knee-drive"), prescription: samplePrescription }));
    expect(theirDrill.fields.drillId).toBe("Pick a drill from your library.");
    const theirClient = await refusal(trainer.assignment.create({ clientId: other.clientA.clientId, drillId, prescription: samplePrescription }));
    expect(theirClient).toMatchObject({ code: "NOT_FOUND", fields: { clientId: "Pick a client of your studio from the list." } });
    const endFirst = await refusal(trainer.assignment.create({ clientId: studio.clientA.clientId, drillId, prescription: { ...samplePrescription, startDate: "2026-02-01", endDate: "2026-01-01" } }));
    expect(endFirst.fields["prescription.endDate"]).toBe("Pick an end date on or after the start date.");
    const rangeOnHolds = await refusal(trainer.assignment.create({ clientId: studio.clientA.clientId, drillId: await builtInDrillId(t.db, studio.studioId, "knee-drive"), prescription: samplePrescription }));
    expect(rangeOnHolds.fields["prescription.repMin"]).toMatch(/only applies to drills counted in reps/);

    expect(await assignmentsOf(studio.clientA.clientId)).toEqual([]);
    expect(await assignmentsOf(other.clientA.clientId)).toEqual([]);
  });
});

describe("programs", () => {
  it("applying Runner's foundation to several clients creates all their assignments; applying again adds nothing", async () => {
    const studio = await createTestStudio(t.db);
    const trainer = callerFor(t.db, studio.trainer.userId);
    const programId = await runnersFoundationId(t.db, studio.studioId);
    const clientIds = [studio.clientA.clientId, studio.clientB.clientId];
    expect(await trainer.program.applyTo({ programId, clientIds, startDate: "2026-03-02" })).toEqual({ created: 6, skipped: 0, clients: 2 });
    expect(await trainer.program.applyTo({ programId, clientIds })).toEqual({ created: 0, skipped: 6, clients: 2 });
    const rows = await assignmentsOf(studio.clientA.clientId);
    expect(rows).toHaveLength(3);
    const versions = await t.db.select().from(assignmentVersions).where(eq(assignmentVersions.assignmentId, rows[0]!.id));
    expect(versions).toEqual([expect.objectContaining({ version: 1, action: "assigned", startDate: "2026-03-02", changedByMemberId: studio.trainer.memberId })]);
  });

  it("keeps existing prescriptions and history when applied over a drill the client already has", async () => {
    const studio = await createTestStudio(t.db);
    const trainer = callerFor(t.db, studio.trainer.userId);
    const drillId = await builtInDrillId(t.db, studio.studioId, "back-rotations");
    const mine = await trainer.assignment.create({ clientId: studio.clientA.clientId, drillId, prescription: { ...samplePrescription, sets: 3 } });
    const result = await trainer.program.applyTo({ programId: await runnersFoundationId(t.db, studio.studioId), clientIds: [studio.clientA.clientId] });
    expect(result).toEqual({ created: 2, skipped: 1, clients: 1 });
    const { assignments: list } = await trainer.assignment.forClient({ clientId: studio.clientA.clientId });
    expect(list.find((a) => a.id === mine.id)!.prescription.sets).toBe(3);
  });

  it("is all or nothing: a failure on the second drill leaves no assignment for any client", async () => {
    const studio = await createTestStudio(t.db);
    const trainer = callerFor(t.db, studio.trainer.userId);
    const good = await freshDrill(t.db, studio);
    const bad = await freshDrill(t.db, studio);
    const [program] = await t.db.insert(programs).values({ studioId: studio.studioId, slug: `broken-${randomUUID()}`, name: "Broken" }).returning();
    // Written around the validation on purpose: a prescription with no schedule breaks the database's check mid-way.
    await t.db.insert(programItems).values([
      { studioId: studio.studioId, programId: program!.id, drillId: good.id, position: 0, prescription: { sets: 1, targetPerSide: null, repMin: 10, repMax: 12, schedule: { daily: true, beforeRun: false } } },
      { studioId: studio.studioId, programId: program!.id, drillId: bad.id, position: 1, prescription: { sets: 1, targetPerSide: null, repMin: 10, repMax: 12, schedule: { daily: false, beforeRun: false } } },
    ]);
    const error = await trainer.program.applyTo({ programId: program!.id, clientIds: [studio.clientA.clientId, studio.clientB.clientId] }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect(await assignmentsOf(studio.clientA.clientId)).toEqual([]);
    expect(await assignmentsOf(studio.clientB.clientId)).toEqual([]);
    expect(await t.db.select().from(assignmentVersions).where(eq(assignmentVersions.studioId, studio.studioId))).toEqual([]);
  });

  it("refuses another studio's client, or an unknown program, on the field, and assigns nobody", async () => {
    const studio = await createTestStudio(t.db);
    const other = await createTestStudio(t.db, "other");
    const trainer = callerFor(t.db, studio.trainer.userId);
    const programId = await runnersFoundationId(t.db, studio.studioId);
    const theirs = await refusal(trainer.program.applyTo({ programId, clientIds: [studio.clientA.clientId, other.clientA.clientId] }));
    expect(theirs).toMatchObject({ code: "NOT_FOUND", fields: { clientIds: "Pick a client of your studio from the list." } });
    const unknown = await refusal(trainer.program.applyTo({ programId: randomUUID(), clientIds: [studio.clientA.clientId] }));
    expect(unknown.fields.programId).toBe("Pick a program from your studio's list.");
    const theirProgram = await refusal(trainer.program.applyTo({ programId: await runnersFoundationId(t.db, other.studioId), clientIds: [studio.clientA.clientId] }));
    expect(theirProgram.code).toBe("NOT_FOUND");
    expect(await assignmentsOf(studio.clientA.clientId)).toEqual([]);
    expect(await assignmentsOf(other.clientA.clientId)).toEqual([]);
  });

  it("two applies at once still give each client one live assignment per drill", async () => {
    const studio = await createTestStudio(t.db);
    const trainer = callerFor(t.db, studio.trainer.userId);
    const owner = callerFor(t.db, studio.owner.userId);
    const programId = await runnersFoundationId(t.db, studio.studioId);
    const clientIds = [studio.clientA.clientId, studio.clientB.clientId];
    const results = await Promise.all([trainer.program.applyTo({ programId, clientIds }), owner.program.applyTo({ programId, clientIds })]);
    expect(results.reduce((sum, r) => sum + r.created, 0)).toBe(6);
    expect(await assignmentsOf(studio.clientA.clientId)).toHaveLength(3);
    expect(await assignmentsOf(studio.clientB.clientId)).toHaveLength(3);
  });

  it("a trainer builds their own program from the library", async () => {
    const studio = await createTestStudio(t.db);
    const trainer = callerFor(t.db, studio.trainer.userId);
    const kneeDrive = await builtInDrillId(t.db, studio.studioId, "knee-drive");
    const program = await trainer.program.create({ name: "Balance block", items: [{ drillId: kneeDrive, prescription: { sets: 2, schedule: { daily: true, beforeRun: false } } }] });
    const listed = (await trainer.program.list()).find((p) => p.id === program.id)!;
    expect(listed.items).toEqual([expect.objectContaining({ drillName: "Knee Drive", prescription: expect.objectContaining({ sets: 2 }) })]);
    const unknown = await refusal(trainer.program.create({ name: "Nope", items: [{ drillId: randomUUID(), prescription: { sets: 1, schedule: { daily: true, beforeRun: false } } }] }));
    expect(unknown.fields["items.0.drillId"]).toBe("Pick a drill from your library.");
  });
});

describe("editing a program", () => {
  const rx = (sets: number) => ({ sets, repMin: 15, repMax: 20, schedule: { daily: true, beforeRun: true } });

  it("changes the name, description and drills with their prescriptions, in the order given", async () => {
    const studio = await createTestStudio(t.db);
    const trainer = callerFor(t.db, studio.trainer.userId);
    const kneeDrive = await builtInDrillId(t.db, studio.studioId, "knee-drive");
    const backRotations = await builtInDrillId(t.db, studio.studioId, "back-rotations");
    const program = await trainer.program.create({ name: "Balance block", items: [{ drillId: kneeDrive, prescription: { sets: 2, schedule: { daily: true, beforeRun: false } } }] });

    const updated = await trainer.program.update({
      programId: program.id,
      name: "Balance and mobility",
      description: "Before every run.",
      items: [
        { drillId: backRotations, prescription: rx(2) },
        { drillId: kneeDrive, prescription: { sets: 3, schedule: { daily: true, beforeRun: false } } },
      ],
    });
    expect(updated).toMatchObject({ id: program.id, name: "Balance and mobility", description: "Before every run." });
    const listed = (await trainer.program.list()).find((p) => p.id === program.id)!;
    expect(listed).toMatchObject({ name: "Balance and mobility", description: "Before every run." });
    expect(listed.items.map((i) => [i.drillName, i.position, i.prescription.sets])).toEqual([
      ["Back Rotations", 0, 2],
      ["Knee Drive", 1, 3],
    ]);

    // Removing a drill takes it out of the program.
    await trainer.program.update({ programId: program.id, name: "Mobility", description: "", items: [{ drillId: backRotations, prescription: rx(1) }] });
    const rows = await t.db.select().from(programItems).where(eq(programItems.programId, program.id));
    expect(rows.map((r) => [r.drillId, r.prescription.sets])).toEqual([[backRotations, 1]]);
  });

  it("leaves assignments already applied from the program as they were; the next apply uses the new version", async () => {
    const studio = await createTestStudio(t.db);
    const trainer = callerFor(t.db, studio.trainer.userId);
    const kneeDrive = await builtInDrillId(t.db, studio.studioId, "knee-drive");
    const backRotations = await builtInDrillId(t.db, studio.studioId, "back-rotations");
    const program = await trainer.program.create({ name: "Balance block", items: [{ drillId: kneeDrive, prescription: { sets: 2, schedule: { daily: true, beforeRun: false } } }] });
    await trainer.program.applyTo({ programId: program.id, clientIds: [studio.clientA.clientId], startDate: "2026-03-02" });
    const before = await t.db.select().from(assignmentVersions).where(eq(assignmentVersions.studioId, studio.studioId));

    await trainer.program.update({
      programId: program.id,
      name: "Balance block",
      description: "",
      items: [
        { drillId: kneeDrive, prescription: { sets: 5, schedule: { daily: true, beforeRun: false } } },
        { drillId: backRotations, prescription: rx(1) },
      ],
    });
    expect(await t.db.select().from(assignmentVersions).where(eq(assignmentVersions.studioId, studio.studioId))).toEqual(before);
    const { assignments: mine } = await trainer.assignment.forClient({ clientId: studio.clientA.clientId });
    expect(mine.map((a) => [a.drill.name, a.prescription.sets])).toEqual([["Knee Drive", 2]]);

    // Applying again adds the new drill and keeps the client's Knee Drive as it was.
    expect(await trainer.program.applyTo({ programId: program.id, clientIds: [studio.clientA.clientId, studio.clientB.clientId], startDate: "2026-03-09" })).toEqual({ created: 3, skipped: 1, clients: 2 });
    const { assignments: after } = await trainer.assignment.forClient({ clientId: studio.clientA.clientId });
    expect(after.map((a) => [a.drill.name, a.prescription.sets]).sort()).toEqual([
      ["Back Rotations", 1],
      ["Knee Drive", 2],
    ]);
    const { assignments: b } = await trainer.assignment.forClient({ clientId: studio.clientB.clientId });
    expect(b.find((a) => a.drill.name === "Knee Drive")!.prescription.sets).toBe(5);
  });

  it("refuses bad edits with a message on the field and changes nothing", async () => {
    const studio = await createTestStudio(t.db);
    const other = await createTestStudio(t.db, "other");
    const trainer = callerFor(t.db, studio.trainer.userId);
    const kneeDrive = await builtInDrillId(t.db, studio.studioId, "knee-drive");
    const program = await trainer.program.create({ name: "Balance block", description: "Slow holds.", items: [{ drillId: kneeDrive, prescription: { sets: 2, schedule: { daily: true, beforeRun: false } } }] });
    const snapshot = async () => ({
      program: (await t.db.select().from(programs).where(eq(programs.id, program.id)))[0],
      items: await t.db.select().from(programItems).where(eq(programItems.programId, program.id)),
    });
    const before = await snapshot();
    const edit = (overrides: Record<string, unknown>) =>
      refusal(trainer.program.update({ programId: program.id, name: "Changed", description: "", items: [{ drillId: kneeDrive, prescription: { sets: 1, schedule: { daily: true, beforeRun: false } } }], ...overrides } as never));

    expect((await edit({ name: "  " })).fields.name).toBe("Give the program a name.");
    expect((await edit({ items: [] })).fields.items).toBe("Add at least one drill to the program.");
    expect((await edit({ items: [{ drillId: kneeDrive, prescription: rx(1) }] })).fields["items.0.prescription.repMin"]).toMatch(/only applies to drills counted in reps/);
    const twice = await edit({ items: [{ drillId: kneeDrive, prescription: { sets: 1, schedule: { daily: true, beforeRun: false } } }, { drillId: kneeDrive, prescription: { sets: 1, schedule: { daily: true, beforeRun: false } } }] });
    expect(twice.fields.items).toBe("Each drill can be in a program once; remove the repeated one.");
    const archivedDrill = await freshDrill(t.db, studio);
    await trainer.drill.archive({ drillId: archivedDrill.id });
    expect((await edit({ items: [{ drillId: archivedDrill.id, prescription: { sets: 1, repMin: 10, repMax: 12, schedule: { daily: true, beforeRun: false } } }] })).fields["items.0.drillId"]).toMatch(/is archived; pick another drill/);
    const theirDrill = await builtInDrillId(t.db, other.studioId, "knee-drive");
    expect((await edit({ items: [{ drillId: theirDrill, prescription: { sets: 1, schedule: { daily: true, beforeRun: false } } }] })).fields["items.0.drillId"]).toBe("Pick a drill from your library.");

    // Another studio's trainer cannot reach it; a built-in program is copied, not edited.
    const outsider = callerFor(t.db, other.trainer.userId);
    const theirs = await refusal(outsider.program.update({ programId: program.id, name: "Mine now", description: "", items: [{ drillId: theirDrill, prescription: { sets: 1, schedule: { daily: true, beforeRun: false } } }] }));
    expect(theirs).toMatchObject({ code: "NOT_FOUND", fields: { programId: "Pick a program from your studio's list." } });
    const builtIn = await refusal(trainer.program.update({ programId: await runnersFoundationId(t.db, studio.studioId), name: "Mine", description: "", items: [{ drillId: kneeDrive, prescription: { sets: 1, schedule: { daily: true, beforeRun: false } } }] }));
    expect(builtIn).toMatchObject({ code: "FORBIDDEN", message: "Built-in programs stay in the library; make your own program to change it." });

    expect(await snapshot()).toEqual(before);
  });

  it("two edits at once leave one of them whole, never a mix", async () => {
    const studio = await createTestStudio(t.db);
    const trainer = callerFor(t.db, studio.trainer.userId);
    const owner = callerFor(t.db, studio.owner.userId);
    const kneeDrive = await builtInDrillId(t.db, studio.studioId, "knee-drive");
    const backRotations = await builtInDrillId(t.db, studio.studioId, "back-rotations");
    const program = await trainer.program.create({ name: "Balance block", items: [{ drillId: kneeDrive, prescription: { sets: 2, schedule: { daily: true, beforeRun: false } } }] });
    const both = [
      { drillId: kneeDrive, prescription: { sets: 4, schedule: { daily: true, beforeRun: false } } },
      { drillId: backRotations, prescription: rx(4) },
    ];
    await Promise.all([
      trainer.program.update({ programId: program.id, name: "A", description: "", items: both }),
      owner.program.update({ programId: program.id, name: "B", description: "", items: [...both].reverse() }),
    ]);
    const listed = (await trainer.program.list()).find((p) => p.id === program.id)!;
    const order = listed.items.map((i) => i.drillName);
    expect(order).toEqual(listed.name === "A" ? ["Knee Drive", "Back Rotations"] : ["Back Rotations", "Knee Drive"]);
  });
});

describe("the client's Today", () => {
  it("lists what is due on the client's own date, with Hopping locked until the trainer unlocks it", async () => {
    const studio = await createTestStudio(t.db);
    const trainer = callerFor(t.db, studio.trainer.userId);
    // 23:30 in London on 1 March is already 2 March in Sydney.
    const now = new Date("2026-03-01T23:30:00Z");
    const { users } = await import("@/server/db/schema");
    await t.db.update(users).set({ timeZone: "Australia/Sydney" }).where(eq(users.id, studio.clientA.userId));
    await trainer.program.applyTo({ programId: await runnersFoundationId(t.db, studio.studioId), clientIds: [studio.clientA.clientId], startDate: "2026-03-02" });

    const client = callerFor(t.db, studio.clientA.userId, { now: () => now });
    const today = await client.portal.today();
    expect(today.localDate).toBe("2026-03-02");
    expect(today.drills.map((d) => [d.drill.name, d.isDueToday, d.isBeforeRun, d.lock.isUnlocked])).toEqual([
      ["Knee Drive", true, false, true],
      ["Back Rotations", true, true, true],
      ["Hopping", false, true, false],
    ]);
    expect(today.drills[1]!.prescription).toMatchObject({ sets: 1, repMin: 15, repMax: 20 });
    expect(today.drills[2]!.lock.progress[0]!.requirement).toBe("Knee Drive: a hold of at least 30 s on each side on 5 of the last 7 days");

    // In London it is still 1 March: nothing has started yet for a London client.
    await t.db.update(users).set({ timeZone: "Europe/London" }).where(eq(users.id, studio.clientA.userId));
    const london = await client.portal.today();
    expect(london.localDate).toBe("2026-03-01");
    expect(london.drills).toEqual([]);
    expect(london.upcoming).toHaveLength(3);
    await t.db.update(users).set({ timeZone: "Australia/Sydney" }).where(eq(users.id, studio.clientA.userId));

    const hopping = await builtInDrillId(t.db, studio.studioId, "hopping");
    await trainer.assignment.overrideLock({ clientId: studio.clientA.clientId, drillId: hopping, reason: "Years of plyometrics; balance is fine" });
    const after = await client.portal.today();
    expect(after.drills[2]!.lock).toMatchObject({ isUnlocked: true, reason: "override", overrideReason: "Years of plyometrics; balance is fine" });
    // Client B (same coach) is untouched by A's unlock.
    const { overrides } = await trainer.assignment.forClient({ clientId: studio.clientB.clientId });
    expect(overrides).toEqual([]);

    const twice = await refusal(trainer.assignment.overrideLock({ clientId: studio.clientA.clientId, drillId: hopping, reason: "Again" }));
    expect(twice.code).toBe("CONFLICT");
    await trainer.assignment.revokeOverride({ clientId: studio.clientA.clientId, drillId: hopping });
    expect((await client.portal.today()).drills[2]!.lock.isUnlocked).toBe(false);
    const history = (await trainer.assignment.forClient({ clientId: studio.clientA.clientId })).overrides;
    expect(history).toEqual([expect.objectContaining({ reason: "Years of plyometrics; balance is fine", byName: studio.trainer.name, revokedAt: expect.any(Date) })]);
  });

  it("paused and ended drills are not due", async () => {
    const studio = await createTestStudio(t.db);
    const clock = { now: () => new Date("2026-03-10T12:00:00Z") };
    const trainer = callerFor(t.db, studio.trainer.userId, clock);
    const a = await trainer.assignment.create({ clientId: studio.clientA.clientId, drillId: await builtInDrillId(t.db, studio.studioId, "back-rotations"), prescription: { ...samplePrescription, startDate: "2026-01-05" } });
    const client = callerFor(t.db, studio.clientA.userId, clock);
    expect((await client.portal.today()).drills).toHaveLength(1);
    await trainer.assignment.setStatus({ assignmentId: a.id, action: "pause" });
    const paused = await client.portal.today();
    expect(paused.drills).toEqual([]);
    expect(paused.paused.map((p) => p.drillName)).toEqual(["Back Rotations"]);
  });
});

describe("a client's page", () => {
  it("says \"Client since\" the earlier of joining and the first logged session or run", async () => {
    const studio = await createTestStudio(t.db);
    const trainer = callerFor(t.db, studio.trainer.userId);
    const [joined] = await t.db.select({ createdAt: clients.createdAt }).from(clients).where(eq(clients.id, studio.clientA.clientId));
    expect((await trainer.client.get({ clientId: studio.clientA.clientId })).clientSince).toEqual(joined!.createdAt);

    // A run, then a session, logged with dates weeks before the client was added.
    const day = 86_400_000;
    await freshRun(t.db, studio, new Date(joined!.createdAt.getTime() - 20 * day));
    const runStart = new Date(joined!.createdAt.getTime() - 20 * day - 7_200_000);
    expect((await trainer.client.get({ clientId: studio.clientA.clientId })).clientSince).toEqual(runStart);
    const { session } = await freshSession(t.db, studio, new Date(joined!.createdAt.getTime() - 30 * day));
    expect((await trainer.client.get({ clientId: studio.clientA.clientId })).clientSince).toEqual(session.performedAt);

    // Client B logged nothing: they are a client since they were added.
    const [b] = await t.db.select({ createdAt: clients.createdAt }).from(clients).where(eq(clients.id, studio.clientB.clientId));
    expect((await trainer.client.get({ clientId: studio.clientB.clientId })).clientSince).toEqual(b!.createdAt);
  });
});

describe("inviting a client", () => {
  it("sends a single-use link that sets a password and time zone and makes the client active", async () => {
    const studio = await createTestStudio(t.db);
    const trainer = callerFor(t.db, studio.trainer.userId);
    const now = new Date("2026-04-01T09:00:00Z");
    const email = `new-${randomUUID().slice(0, 6)}@example.test`;
    const invited = await trainer.client.invite({ name: "Nia Runner", email: email.toUpperCase() });
    expect(invited).toMatchObject({ email, status: "invited" });
    const [mail] = await t.db.select().from(outbox).where(and(eq(outbox.studioId, studio.studioId), eq(outbox.toEmail, email)));
    expect(mail!.kind).toBe("invite");
    expect(mail!.text).toContain("expires in 7 days");
    const token = /invite\?token=([\w-]+)/.exec(mail!.text)![1]!;

    const anonymous = callerFor(t.db, null, { now: () => now });
    expect(await anonymous.invite.preview({ token })).toMatchObject({ name: "Nia Runner", email });
    // Eight days later the link is dead.
    const late = new Date(Date.now() + 8 * 24 * 3600_000);
    await expect(acceptInvite(t.db, { token, password: "a long password", timeZone: "Europe/Berlin", now: late })).rejects.toThrow(/expired or was already used/);

    await acceptInvite(t.db, { token, password: "a long password", timeZone: "Europe/Berlin", now: new Date() });
    const [client] = await t.db.select().from(clients).where(eq(clients.id, invited.id));
    expect(client!.status).toBe("active");
    const user = await signInWithPassword(t.db, { email, password: "a long password", ip: null, now: new Date() });
    expect(user.email).toBe(email);
    expect((await callerFor(t.db, user.id).portal.me()).timeZone).toBe("Europe/Berlin");
    await expect(acceptInvite(t.db, { token, password: "another password", timeZone: "UTC", now: new Date() })).rejects.toThrow(/expired or was already used/);

    const again = await refusal(trainer.client.invite({ name: "Nia again", email }));
    expect(again.fields.email).toMatch(/already has this email/);
  });

  it("the owner reassigns the coach; a trainer cannot choose another coach; archiving signs the client out", async () => {
    const studio = await createTestStudio(t.db);
    const owner = callerFor(t.db, studio.owner.userId);
    const trainer = callerFor(t.db, studio.trainer.userId);
    const moved = await owner.client.reassignCoach({ clientId: studio.clientA.clientId, coachId: studio.owner.memberId });
    expect(moved.coachId).toBe(studio.owner.memberId);
    const notMine = await refusal(trainer.client.invite({ name: "X", email: `x-${randomUUID().slice(0, 6)}@example.test`, coachId: studio.owner.memberId }));
    expect(notMine.fields.coachId).toMatch(/Only the studio owner/);

    await trainer.client.archive({ clientId: studio.clientB.clientId });
    const refused = await refusal(callerFor(t.db, studio.clientB.userId).portal.today());
    expect(refused.code).toBe("FORBIDDEN");
    expect((await trainer.client.list({ status: "archived" })).map((c) => c.id)).toEqual([studio.clientB.clientId]);
    expect((await trainer.client.restore({ clientId: studio.clientB.clientId })).status).toBe("active");
  });
});
