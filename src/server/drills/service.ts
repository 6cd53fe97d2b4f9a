import { randomUUID } from "node:crypto";
import { asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { slugify } from "@/lib/slug";
import type { Queryable } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";
import { drillPainPlaces, drillPrerequisites, drills, programItems, programs, type Drill } from "@/server/db/schema";
import { inStudio, inStudioSql } from "@/server/db/tenancy";
import { DomainError, notFound } from "@/lib/errors";
import { builtInDrills, builtInPrograms } from "./catalogue";
import type { DrillFields } from "./inputs";
import type { DrillDefinition, MasteryRule } from "@/lib/drills/vocabulary";
import { PAIN_PLACES, type PainCondition, type PainPlace } from "@/lib/checkins/vocabulary";
import { recordUnlocksOfDrill } from "./locks";
import { prerequisiteRuleColumns, requiredDrill } from "./prerequisite-columns";

export type DrillPrerequisiteView = {
  requiresDrillId: string;
  requiresDrillName: string;
  requiresDrillSlug: string;
  rule: MasteryRule;
  painCondition: PainCondition | null;
};

export type DrillView = Omit<Drill, "studioId" | "createdByMemberId"> & { prerequisites: DrillPrerequisiteView[]; painPlaces: PainPlace[] };

/**
 * Gives a studio its copy of the built-in drills and programs, once. Called before any read
 * or write of the library, so a studio made by any path (seed, sign-up, tests) has them.
 */
export async function ensureBuiltIns(q: Queryable, studioId: string): Promise<void> {
  const [done] = await q
    .select({ id: programs.id })
    .from(programs)
    .where(inStudio(programs, studioId, eq(programs.slug, builtInPrograms[0]!.slug)))
    .limit(1);
  if (done) return;
  await q.transaction(async (tx) => {
    await tx
      .insert(drills)
      .values(builtInDrills.map((d) => ({ studioId, isBuiltIn: true, ...drillColumnsOf(d) })))
      .onConflictDoNothing();
    const rows = await tx
      .select({ id: drills.id, slug: drills.slug })
      .from(drills)
      .where(inStudio(drills, studioId, eq(drills.isBuiltIn, true)));
    const idBySlug = new Map(rows.map((r) => [r.slug, r.id]));
    const prerequisites = builtInDrills.flatMap((d) =>
      d.prerequisites.map((p) => ({
        studioId,
        drillId: idBySlug.get(d.slug)!,
        requiresDrillId: idBySlug.get(p.drillSlug)!,
        ...p.masteryRule,
        painMaxScore: p.painCondition?.maxScore ?? null,
        painCheckins: p.painCondition?.checkins ?? null,
      })),
    );
    if (prerequisites.length) await tx.insert(drillPrerequisites).values(prerequisites).onConflictDoNothing();
    const places = builtInDrills.flatMap((d) => d.painPlaces.map((place) => ({ studioId, drillId: idBySlug.get(d.slug)!, place })));
    if (places.length) await tx.insert(drillPainPlaces).values(places).onConflictDoNothing();
    for (const program of builtInPrograms) {
      const [created] = await tx
        .insert(programs)
        .values({ studioId, slug: program.slug, isBuiltIn: true, name: program.name, description: program.description })
        .onConflictDoNothing()
        .returning({ id: programs.id });
      if (!created) continue;
      await tx.insert(programItems).values(
        program.items.map((item, position) => ({
          studioId,
          programId: created.id,
          drillId: idBySlug.get(item.drillSlug)!,
          position,
          prescription: structuredClone(item.prescription),
        })),
      );
    }
  });
}

function drillColumnsOf(d: DrillDefinition) {
  return {
    slug: d.slug,
    name: d.name,
    purpose: d.purpose,
    steps: [...d.steps],
    cues: [...d.cues],
    equipment: d.equipment.map((e) => ({ ...e })),
    level: d.level,
    measure: d.measure,
    perSide: d.perSide,
    recordsContactFeel: d.recordsContactFeel,
    defaultPrescription: structuredClone(d.defaultPrescription),
    sortOrder: d.order,
    tagline: d.tagline,
  };
}

async function prerequisitesOf(q: Queryable, studioId: string, drillIds: string[]): Promise<Map<string, DrillPrerequisiteView[]>> {
  const byDrill = new Map<string, DrillPrerequisiteView[]>();
  if (drillIds.length === 0) return byDrill;
  const rows = await q
    .select({ ...prerequisiteRuleColumns, requiresDrillSlug: requiredDrill.slug })
    .from(drillPrerequisites)
    .innerJoin(requiredDrill, eq(requiredDrill.id, drillPrerequisites.requiresDrillId))
    .where(inStudio(drillPrerequisites, studioId, inArray(drillPrerequisites.drillId, drillIds)));
  for (const row of rows) {
    const list = byDrill.get(row.drillId) ?? [];
    list.push({
      requiresDrillId: row.requiresDrillId,
      requiresDrillName: row.requiresDrillName,
      requiresDrillSlug: row.requiresDrillSlug,
      rule: { minValuePerSide: Number(row.minValuePerSide), requiredDays: row.requiredDays, windowDays: row.windowDays },
      painCondition: row.painMaxScore !== null && row.painCheckins !== null ? { maxScore: row.painMaxScore, checkins: row.painCheckins } : null,
    });
    byDrill.set(row.drillId, list);
  }
  return byDrill;
}

/** The places each drill loads, in the vocabulary's order. */
async function painPlacesOf(q: Queryable, studioId: string, drillIds: string[]): Promise<Map<string, PainPlace[]>> {
  const byDrill = new Map<string, PainPlace[]>();
  if (drillIds.length === 0) return byDrill;
  const rows = await q.select({ drillId: drillPainPlaces.drillId, place: drillPainPlaces.place }).from(drillPainPlaces).where(inStudio(drillPainPlaces, studioId, inArray(drillPainPlaces.drillId, drillIds)));
  for (const row of rows) byDrill.set(row.drillId, [...(byDrill.get(row.drillId) ?? []), row.place]);
  for (const [id, places] of byDrill) byDrill.set(id, PAIN_PLACES.filter((p) => places.includes(p)));
  return byDrill;
}

/** What a drill view adds to its row: its prerequisites and the places it loads. */
async function extrasOf(q: Queryable, studioId: string, drillIds: string[]) {
  const [prerequisites, places] = await Promise.all([prerequisitesOf(q, studioId, drillIds), painPlacesOf(q, studioId, drillIds)]);
  return (row: Drill) => toView(row, prerequisites.get(row.id) ?? [], places.get(row.id) ?? []);
}

function toView(row: Drill, prerequisites: DrillPrerequisiteView[], painPlaces: PainPlace[]): DrillView {
  const { studioId: _studio, createdByMemberId: _by, ...rest } = row;
  return { ...rest, prerequisites, painPlaces };
}

/** The studio's library: built-ins first in the method's order, then the studio's own by name. */
export async function listDrills(q: Queryable, studioId: string, options: { includeArchived?: boolean } = {}): Promise<DrillView[]> {
  await ensureBuiltIns(q, studioId);
  const rows = await q
    .select()
    .from(drills)
    .where(inStudio(drills, studioId, options.includeArchived ? undefined : isNull(drills.archivedAt)))
    .orderBy(sql`${drills.isBuiltIn} desc`, asc(drills.sortOrder), asc(drills.name));
  const view = await extrasOf(q, studioId, rows.map((r) => r.id));
  return rows.map(view);
}

/** One drill of the studio; another studio's drill is "not found". */
export async function getDrill(q: Queryable, studioId: string, drillId: string): Promise<DrillView> {
  await ensureBuiltIns(q, studioId);
  const [row] = await q.select().from(drills).where(inStudio(drills, studioId, eq(drills.id, drillId))).limit(1);
  if (!row) throw notFound("drill");
  return (await extrasOf(q, studioId, [row.id]))(row);
}

function slugFor(name: string): string {
  // A suffix keeps studio slugs apart from the built-ins' and from each other.
  return `${slugify(name, "drill", 40)}-${randomUUID().slice(0, 8)}`;
}

function fieldsToColumns(fields: DrillFields) {
  return {
    name: fields.name,
    purpose: fields.purpose,
    steps: fields.steps,
    cues: fields.cues,
    equipment: fields.equipment,
    level: fields.level,
    measure: fields.measure,
    perSide: fields.perSide,
    recordsContactFeel: fields.recordsContactFeel,
    videoUrl: fields.videoUrl,
    defaultPrescription: fields.defaultPrescription,
  };
}

export async function createDrill(q: Queryable, studioId: string, memberId: string, fields: DrillFields): Promise<DrillView> {
  await ensureBuiltIns(q, studioId);
  const [row] = await q
    .insert(drills)
    .values({ studioId, slug: slugFor(fields.name), createdByMemberId: memberId, ...fieldsToColumns(fields) })
    .returning();
  return toView(row!, [], []);
}

async function loadEditable(q: Queryable, studioId: string, drillId: string): Promise<Drill> {
  const [row] = await q.select().from(drills).where(inStudio(drills, studioId, eq(drills.id, drillId))).limit(1).for("update");
  if (!row) throw notFound("drill");
  if (row.isBuiltIn) {
    throw new DomainError("FORBIDDEN", "Built-in drills cannot be changed; copy it into your library and adapt the copy.");
  }
  return row;
}

// Editing a drill changes its instructions from now on; assignments keep their own prescriptions.
export async function updateDrill(q: Queryable, studioId: string, drillId: string, fields: DrillFields): Promise<DrillView> {
  return q.transaction(async (tx) => {
    await loadEditable(tx, studioId, drillId);
    const [row] = await tx
      .update(drills)
      .set({ ...fieldsToColumns(fields), updatedAt: sql`now()` })
      .where(inStudio(drills, studioId, eq(drills.id, drillId)))
      .returning();
    return (await extrasOf(tx, studioId, [drillId]))(row!);
  });
}

/** A studio copy of any drill (a built-in, usually), to adapt; its prerequisites come along. */
export async function copyDrill(q: Queryable, studioId: string, memberId: string, drillId: string): Promise<DrillView> {
  await ensureBuiltIns(q, studioId);
  return q.transaction(async (tx) => {
    const [source] = await tx.select().from(drills).where(inStudio(drills, studioId, eq(drills.id, drillId))).limit(1);
    if (!source) throw notFound("drill");
    const name = `${source.name} (copy)`.slice(0, 80);
    const [row] = await tx
      .insert(drills)
      .values({
        studioId,
        slug: slugFor(source.name),
        copiedFromId: source.id,
        createdByMemberId: memberId,
        name,
        purpose: source.purpose,
        steps: source.steps,
        cues: source.cues,
        equipment: source.equipment,
        level: source.level,
        measure: source.measure,
        perSide: source.perSide,
        recordsContactFeel: source.recordsContactFeel,
        videoUrl: source.videoUrl,
        defaultPrescription: source.defaultPrescription,
        sortOrder: source.sortOrder,
      })
      .returning();
    const sourcePrerequisites = await tx
      .select()
      .from(drillPrerequisites)
      .where(inStudio(drillPrerequisites, studioId, eq(drillPrerequisites.drillId, source.id)));
    if (sourcePrerequisites.length) {
      await tx.insert(drillPrerequisites).values(
        sourcePrerequisites.map((p) => ({
          studioId,
          drillId: row!.id,
          requiresDrillId: p.requiresDrillId,
          minValuePerSide: p.minValuePerSide,
          requiredDays: p.requiredDays,
          windowDays: p.windowDays,
          painMaxScore: p.painMaxScore,
          painCheckins: p.painCheckins,
        })),
      );
    }
    const sourcePlaces = await tx.select({ place: drillPainPlaces.place }).from(drillPainPlaces).where(inStudio(drillPainPlaces, studioId, eq(drillPainPlaces.drillId, source.id)));
    if (sourcePlaces.length) await tx.insert(drillPainPlaces).values(sourcePlaces.map((p) => ({ studioId, drillId: row!.id, place: p.place })));
    return (await extrasOf(tx, studioId, [row!.id]))(row!);
  });
}

// Archived, never deleted: sessions logged against the drill keep their meaning; it only leaves the pickers.
export async function setDrillArchived(q: Queryable, studioId: string, drillId: string, isArchived: boolean, now: Date): Promise<DrillView> {
  return q.transaction(async (tx) => {
    await loadEditable(tx, studioId, drillId);
    const [row] = await tx
      .update(drills)
      .set({ archivedAt: isArchived ? now : null, updatedAt: sql`now()` })
      .where(inStudio(drills, studioId, eq(drills.id, drillId)))
      .returning();
    return (await extrasOf(tx, studioId, [drillId]))(row!);
  });
}

/**
 * Sets (or, with `requiresDrillId: null`, removes) the drill a client must master first and
 * the studio's mastery rule for it. Allowed on built-ins: the studio sets Hopping's rule.
 */
export async function setPrerequisite(
  q: Queryable,
  studioId: string,
  input: { drillId: string; requiresDrillId: string | null; rule: MasteryRule; painCondition?: PainCondition | null },
  now: Date,
): Promise<DrillView> {
  await ensureBuiltIns(q, studioId);
  return q.transaction(async (tx) => {
    const ids = [input.drillId, ...(input.requiresDrillId ? [input.requiresDrillId] : [])];
    const found = await tx.select({ id: drills.id, perSide: drills.perSide }).from(drills).where(inStudio(drills, studioId, inArray(drills.id, ids)));
    if (!found.some((r) => r.id === input.drillId)) throw notFound("drill");
    const required = found.find((r) => r.id === input.requiresDrillId);
    if (input.requiresDrillId && !required) {
      throw new DomainError("NOT_FOUND", "Pick the drill to master first from your library.", "requiresDrillId");
    }
    // Mastery counts a day when both sides reach the minimum, so it needs a drill done per side.
    if (required && !required.perSide) {
      throw new DomainError("BAD_REQUEST", "Pick a drill done on each side: mastery is judged on both sides.", "requiresDrillId");
    }
    if (input.requiresDrillId === input.drillId) {
      throw new DomainError("BAD_REQUEST", "Pick another drill: a drill cannot be its own prerequisite.", "requiresDrillId");
    }
    if (input.requiresDrillId) {
      // A drill that (through others) requires this one cannot become its prerequisite: nobody could ever unlock either.
      const chain = await rowsOf<{ id: string }>(tx, sql`
        with recursive up(id) as (
          select ${input.requiresDrillId}::uuid
          union
          select p.requires_drill_id from drill_prerequisites p join up on p.drill_id = up.id where ${inStudioSql("p", studioId)}
        ) select id from up`);
      if (chain.some((r) => r.id === input.drillId)) {
        throw new DomainError("BAD_REQUEST", "Pick another drill: that one already depends on this drill.", "requiresDrillId");
      }
    }
    await tx.delete(drillPrerequisites).where(inStudio(drillPrerequisites, studioId, eq(drillPrerequisites.drillId, input.drillId)));
    if (input.requiresDrillId) {
      const pain = input.painCondition ?? null;
      await tx.insert(drillPrerequisites).values({ studioId, drillId: input.drillId, requiresDrillId: input.requiresDrillId, ...input.rule, painMaxScore: pain?.maxScore ?? null, painCheckins: pain?.checkins ?? null });
      // A rule the client already meets unlocks the drill as it is set.
      await recordUnlocksOfDrill(tx, studioId, input.drillId, now);
    }
    const [row] = await tx.select().from(drills).where(inStudio(drills, studioId, eq(drills.id, input.drillId))).limit(1);
    return (await extrasOf(tx, studioId, [input.drillId]))(row!);
  });
}

/**
 * Sets the places a drill loads (allowed on built-ins: the studio decides what Hopping loads).
 * Pain there above the studio's threshold pauses the drill from the next check-in on; a pain
 * condition on its unlock reads them; unlocks the new places complete are recorded now.
 */
export async function setDrillPainPlaces(q: Queryable, studioId: string, input: { drillId: string; places: readonly PainPlace[] }, now: Date): Promise<DrillView> {
  await ensureBuiltIns(q, studioId);
  return q.transaction(async (tx) => {
    const [row] = await tx.select().from(drills).where(inStudio(drills, studioId, eq(drills.id, input.drillId))).limit(1).for("update");
    if (!row) throw notFound("drill");
    await tx.delete(drillPainPlaces).where(inStudio(drillPainPlaces, studioId, eq(drillPainPlaces.drillId, row.id)));
    if (input.places.length) await tx.insert(drillPainPlaces).values([...new Set(input.places)].map((place) => ({ studioId, drillId: row.id, place })));
    await recordUnlocksOfDrill(tx, studioId, row.id, now);
    return (await extrasOf(tx, studioId, [row.id]))(row);
  });
}
