import { randomUUID } from "node:crypto";
import { asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { drills, programItems, programs } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { DomainError, notFound } from "@/lib/errors";
import { validatePrescriptionForMeasure } from "@/lib/drills/prescription";
import { ensureBuiltIns } from "./service";
import type { PrescriptionDefaults } from "@/lib/drills/vocabulary";

/** The studio's programs (built-in first), each with its drills and their prescriptions. */
export async function listPrograms(q: Queryable, studioId: string, options: { includeArchived?: boolean } = {}) {
  await ensureBuiltIns(q, studioId);
  const rows = await q
    .select()
    .from(programs)
    .where(inStudio(programs, studioId, options.includeArchived ? undefined : isNull(programs.archivedAt)))
    .orderBy(sql`${programs.isBuiltIn} desc`, asc(programs.name));
  const ids = rows.map((r) => r.id);
  const items = ids.length
    ? await q
        .select({
          programId: programItems.programId,
          position: programItems.position,
          prescription: programItems.prescription,
          drillId: drills.id,
          drillName: drills.name,
          measure: drills.measure,
          perSide: drills.perSide,
          isArchived: sql<boolean>`${drills.archivedAt} is not null`,
        })
        .from(programItems)
        .innerJoin(drills, eq(drills.id, programItems.drillId))
        .where(inStudio(programItems, studioId, inArray(programItems.programId, ids)))
        .orderBy(asc(programItems.position))
    : [];
  return rows.map(({ studioId: _s, createdByMemberId: _c, ...program }) => ({
    ...program,
    items: items.filter((i) => i.programId === program.id).map(({ programId: _p, ...item }) => item),
  }));
}

type ProgramFields = { name: string; description: string; items: { drillId: string; prescription: PrescriptionDefaults }[] };

// Each drill once, from this studio's library, not archived, with a prescription its measure allows.
async function checkItems(tx: Queryable, studioId: string, items: ProgramFields["items"]) {
  const drillIds = items.map((i) => i.drillId);
  if (new Set(drillIds).size !== drillIds.length) {
    throw new DomainError("BAD_REQUEST", "Each drill can be in a program once; remove the repeated one.", "items");
  }
  const found = await tx.select().from(drills).where(inStudio(drills, studioId, inArray(drills.id, drillIds)));
  for (const [index, item] of items.entries()) {
    const drill = found.find((d) => d.id === item.drillId);
    if (!drill) throw new DomainError("NOT_FOUND", "Pick a drill from your library.", `items.${index}.drillId`);
    if (drill.archivedAt) throw new DomainError("PRECONDITION_FAILED", `${drill.name} is archived; pick another drill.`, `items.${index}.drillId`);
    const [issue] = validatePrescriptionForMeasure(drill.measure, item.prescription);
    if (issue) throw new DomainError("BAD_REQUEST", issue.message, `items.${index}.prescription.${issue.path[0]}`);
  }
}

function itemRows(studioId: string, programId: string, items: ProgramFields["items"]) {
  return items.map((item, position) => ({ studioId, programId, drillId: item.drillId, position, prescription: item.prescription }));
}

/** A studio program: a named set of the library's drills, each with its prescription. */
export async function createProgram(q: Queryable, studioId: string, memberId: string, input: ProgramFields) {
  await ensureBuiltIns(q, studioId);
  return q.transaction(async (tx) => {
    await checkItems(tx, studioId, input.items);
    const [program] = await tx
      .insert(programs)
      .values({ studioId, slug: `program-${randomUUID().slice(0, 12)}`, name: input.name, description: input.description, createdByMemberId: memberId })
      .returning();
    await tx.insert(programItems).values(itemRows(studioId, program!.id, input.items));
    return program!;
  });
}

/**
 * A trainer changes their program: its name, description, and its drills with their
 * prescriptions, all at once. Assignments already applied from it were copied when applied
 * and stay as they are; the next apply uses the new version.
 */
export async function updateProgram(q: Queryable, studioId: string, input: ProgramFields & { programId: string }) {
  return q.transaction(async (tx) => {
    // The row lock queues a second edit of the same program behind this one, so its
    // delete sees these items and the two never trip the one-drill-once key.
    const [program] = await tx
      .select()
      .from(programs)
      .where(inStudio(programs, studioId, eq(programs.id, input.programId)))
      .for("update")
      .limit(1);
    if (!program) throw new DomainError("NOT_FOUND", "Pick a program from your studio's list.", "programId");
    if (program.isBuiltIn) throw new DomainError("FORBIDDEN", "Built-in programs stay in the library; make your own program to change it.");
    await checkItems(tx, studioId, input.items);
    const [row] = await tx
      .update(programs)
      .set({ name: input.name, description: input.description })
      .where(inStudio(programs, studioId, eq(programs.id, program.id)))
      .returning();
    await tx.delete(programItems).where(inStudio(programItems, studioId, eq(programItems.programId, program.id)));
    await tx.insert(programItems).values(itemRows(studioId, program.id, input.items));
    return row!;
  });
}

// Archived programs leave the pickers; the assignments they created stay as they are.
export async function setProgramArchived(q: Queryable, studioId: string, programId: string, isArchived: boolean, now: Date) {
  const [program] = await q.select().from(programs).where(inStudio(programs, studioId, eq(programs.id, programId))).limit(1);
  if (!program) throw notFound("program");
  if (program.isBuiltIn) throw new DomainError("FORBIDDEN", "Built-in programs stay in the library; make your own program to change it.");
  const [row] = await q
    .update(programs)
    .set({ archivedAt: isArchived ? now : null })
    .where(inStudio(programs, studioId, eq(programs.id, programId)))
    .returning();
  return row!;
}
