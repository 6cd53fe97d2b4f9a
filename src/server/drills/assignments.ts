import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { preparedQuery, value } from "@/server/db/prepared";
import {
  assignments,
  assignmentVersions,
  clients,
  drillPrerequisites,
  drills,
  programItems,
  programs,
  studioMembers,
  studios,
  unlockOverrides,
  users,
  type AssignmentVersion,
  type Drill,
} from "@/server/db/schema";
import { clientNotDeleted, inStudio } from "@/server/db/tenancy";
import { DomainError, notFound } from "@/lib/errors";
import { listDueDrills } from "./due";
import { assertTypedDates, TYPED_DATE_WINDOWS } from "@/server/dates/typed-date";
import { zoneOf } from "@/server/dates/zones";
import { localDateIn, type LocalDate } from "@/lib/local-date";
import { usableZone } from "@/lib/time-zones";
import { prescriptionFromDefaults, validatePrescriptionForMeasure } from "@/lib/drills/prescription";
import { ensureBuiltIns } from "./service";
import type { Prescription } from "@/lib/drills/vocabulary";
import { lockStatesFor, recordUnlocksFor } from "./locks";
import type { LockState } from "./unlock";
import { isHeldForHealth } from "@/server/checkins/intake-service";
import { queueRemindersBeforeNextSweep } from "@/server/checkins/reminders";

type VersionAction = AssignmentVersion["action"];

function versionColumns(p: Prescription) {
  return {
    sets: p.sets,
    targetPerSide: p.targetPerSide,
    repMin: p.repMin,
    repMax: p.repMax,
    daily: p.schedule.daily,
    beforeRun: p.schedule.beforeRun,
    startDate: p.startDate,
    endDate: p.endDate,
    notes: p.notes?.trim() ? p.notes.trim() : null,
  };
}

export function prescriptionOf(v: AssignmentVersion): Prescription {
  return {
    sets: v.sets,
    targetPerSide: v.targetPerSide,
    repMin: v.repMin,
    repMax: v.repMax,
    schedule: { daily: v.daily, beforeRun: v.beforeRun },
    startDate: v.startDate,
    endDate: v.endDate,
    ...(v.notes ? { notes: v.notes } : {}),
  };
}

/** A client a form names who is not one of the studio's (or not one the trainer may see). */
export const clientNotListed = (field = "clientId") => new DomainError("NOT_FOUND", "Pick a client of your studio from the list.", field);

/** The client (of this studio, not archived) and their time zone, or a field-level "not found". */
async function loadClient(q: Queryable, studioId: string, clientId: string, field = "clientId") {
  const [row] = await q
    .select({ id: clients.id, name: clients.name, status: clients.status, timeZone: users.timeZone })
    .from(clients)
    .leftJoin(users, eq(users.id, clients.userId))
    .where(inStudio(clients, studioId, eq(clients.id, clientId), clientNotDeleted))
    .limit(1);
  if (!row) throw clientNotListed(field);
  if (row.status === "archived") throw new DomainError("PRECONDITION_FAILED", `${row.name} is archived; restore them before assigning drills.`, field);
  return { ...row, timeZone: usableZone(row.timeZone) };
}

/** Several clients at once, all of this studio and not archived, or the same refusal as `loadClient`. */
async function loadClients(q: Queryable, studioId: string, clientIds: string[], field: string) {
  const rows = await q
    // A client invited but not yet joined has no clock of their own: their drills start on the
    // studio's today, not UTC's (a New York studio's evening is already tomorrow in UTC).
    .select({ id: clients.id, name: clients.name, status: clients.status, timeZone: sql<string | null>`coalesce(${users.timeZone}, ${studios.timeZone})` })
    .from(clients)
    .innerJoin(studios, eq(studios.id, clients.studioId))
    .leftJoin(users, eq(users.id, clients.userId))
    .where(inStudio(clients, studioId, inArray(clients.id, clientIds), clientNotDeleted));
  if (rows.length !== clientIds.length) throw clientNotListed(field);
  const archived = rows.find((r) => r.status === "archived");
  if (archived) throw new DomainError("PRECONDITION_FAILED", `${archived.name} is archived; restore them before assigning drills.`, field);
  return rows.map((row) => ({ ...row, timeZone: usableZone(row.timeZone) }));
}

async function loadAssignableDrill(q: Queryable, studioId: string, drillId: string): Promise<Drill> {
  const [drill] = await q.select().from(drills).where(inStudio(drills, studioId, eq(drills.id, drillId))).limit(1);
  if (!drill) throw new DomainError("NOT_FOUND", "Pick a drill from your library.", "drillId");
  if (drill.archivedAt) throw new DomainError("PRECONDITION_FAILED", `${drill.name} is archived; restore it or pick another drill.`, "drillId");
  return drill;
}

function assertFitsMeasure(drill: Drill, p: Pick<Prescription, "targetPerSide" | "repMin" | "repMax">, prefix = "prescription") {
  const [issue] = validatePrescriptionForMeasure(drill.measure, p);
  if (issue) throw new DomainError("BAD_REQUEST", issue.message, `${prefix}.${issue.path[0]}`);
}

async function insertVersion(
  q: Queryable,
  studioId: string,
  assignmentId: string,
  version: number,
  action: VersionAction,
  status: AssignmentVersion["status"],
  prescription: Prescription,
  memberId: string | null,
  /** Why the app made this change by itself (memberId null); null for a person's change. */
  reason: string | null = null,
) {
  await q.insert(assignmentVersions).values({ studioId, assignmentId, version, action, status, changedByMemberId: memberId, reason, ...versionColumns(prescription) });
}

/** The dates of a prescription the trainer typed, checked against the client's today (`unchanged`: kept as they were). */
function assertPrescriptionDates(p: Pick<Prescription, "startDate" | "endDate">, today: LocalDate, unchanged?: Pick<Prescription, "startDate" | "endDate">) {
  assertTypedDates(today, [
    { field: "prescription.startDate", value: p.startDate === unchanged?.startDate ? null : p.startDate, window: TYPED_DATE_WINDOWS.start },
    { field: "prescription.endDate", value: p.endDate === unchanged?.endDate ? null : p.endDate, window: TYPED_DATE_WINDOWS.end },
  ]);
}

/** Assigns one drill to one client; a drill already live for the client is refused, not duplicated. */
export async function createAssignment(
  q: Queryable,
  studioId: string,
  memberId: string,
  input: { clientId: string; drillId: string; prescription: Prescription },
  now: Date,
) {
  await ensureBuiltIns(q, studioId);
  return q.transaction(async (tx) => {
    const client = await loadClient(tx, studioId, input.clientId);
    assertPrescriptionDates(input.prescription, localDateIn(now, client.timeZone));
    const drill = await loadAssignableDrill(tx, studioId, input.drillId);
    assertFitsMeasure(drill, input.prescription);
    const [row] = await tx
      .insert(assignments)
      .values({ studioId, clientId: input.clientId, drillId: drill.id, createdByMemberId: memberId })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      throw new DomainError("CONFLICT", `${drill.name} is already assigned to this client; change that assignment instead.`, "drillId");
    }
    await insertVersion(tx, studioId, row.id, 1, "assigned", "active", input.prescription, memberId);
    // A drill whose prerequisites the client has already mastered opens as it is assigned.
    await recordUnlocksFor(tx, studioId, client.id, localDateIn(now, client.timeZone), { drillIds: [drill.id] });
    return row;
  });
}

async function loadAssignmentForUpdate(q: Queryable, studioId: string, assignmentId: string) {
  const [row] = await q
    .select({ assignment: assignments, drill: drills })
    .from(assignments)
    .innerJoin(drills, eq(drills.id, assignments.drillId))
    .where(inStudio(assignments, studioId, eq(assignments.id, assignmentId)))
    .limit(1)
    .for("update", { of: assignments });
  if (!row) throw notFound("assignment");
  const [current] = await q
    .select()
    .from(assignmentVersions)
    .where(inStudio(assignmentVersions, studioId, eq(assignmentVersions.assignmentId, assignmentId), eq(assignmentVersions.version, row.assignment.version)))
    .limit(1);
  return { ...row, current: current! };
}

// A change never edits the past: it adds a version, so a logged session keeps the prescription that was in force.
export async function changeAssignment(q: Queryable, studioId: string, memberId: string, input: { assignmentId: string; prescription: Prescription }, now: Date) {
  return q.transaction(async (tx) => {
    const { assignment, drill, current } = await loadAssignmentForUpdate(tx, studioId, input.assignmentId);
    if (assignment.status === "ended") throw new DomainError("PRECONDITION_FAILED", "This assignment has ended; assign the drill again to start a new one.");
    assertFitsMeasure(drill, input.prescription);
    // A start date kept from years ago is history, not a typing slip: only changed dates are bounded.
    const timeZone = await zoneOf(tx, studioId, { clientId: assignment.clientId });
    assertPrescriptionDates(input.prescription, localDateIn(now, timeZone), prescriptionOf(current));
    const version = assignment.version + 1;
    await insertVersion(tx, studioId, assignment.id, version, "changed", assignment.status, input.prescription, memberId);
    const [row] = await tx
      .update(assignments)
      .set({ version, updatedAt: new Date() })
      .where(inStudio(assignments, studioId, eq(assignments.id, assignment.id)))
      .returning();
    return row!;
  });
}

const transitions = {
  pause: { from: ["active"], to: "paused", action: "paused", refusal: "Only an active assignment can be paused." },
  resume: { from: ["paused"], to: "active", action: "resumed", refusal: "Only a paused assignment can be resumed." },
  end: { from: ["active", "paused"], to: "ended", action: "ended", refusal: "This assignment has already ended." },
} as const;

// Pause (injury, holiday), resume, or end: each is a version too, so the history shows who did it and when.
export async function setAssignmentStatus(
  q: Queryable,
  studioId: string,
  memberId: string,
  input: { assignmentId: string; action: keyof typeof transitions },
) {
  const rule = transitions[input.action];
  return q.transaction(async (tx) => {
    const loaded = await loadAssignmentForUpdate(tx, studioId, input.assignmentId);
    if (!(rule.from as readonly string[]).includes(loaded.assignment.status)) throw new DomainError("PRECONDITION_FAILED", rule.refusal);
    return transition(tx, studioId, loaded, rule, memberId, null);
  });
}

/** Moves an assignment (locked for update) to the transition's status, as a new version. */
async function transition(
  tx: Queryable,
  studioId: string,
  { assignment, current }: Awaited<ReturnType<typeof loadAssignmentForUpdate>>,
  rule: (typeof transitions)[keyof typeof transitions],
  memberId: string | null,
  reason: string | null,
) {
  const version = assignment.version + 1;
  await insertVersion(tx, studioId, assignment.id, version, rule.action, rule.to, prescriptionOf(current), memberId, reason);
  const [row] = await tx
    .update(assignments)
    .set({ version, status: rule.to, updatedAt: new Date() })
    .where(inStudio(assignments, studioId, eq(assignments.id, assignment.id)))
    .returning();
  return row!;
}

/**
 * The app pauses assignments by itself (a pain report), inside the caller's transaction: each
 * one still active gets a 'paused' version with the reason and no member, the same transition
 * as a trainer's pause; one already paused or ended is left as it is (never paused twice).
 * Returns the assignments it paused.
 */
export async function pauseAssignmentsAutomatically(tx: Queryable, studioId: string, pauses: readonly { assignmentId: string; reason: string }[]) {
  const paused: { assignmentId: string; reason: string }[] = [];
  for (const pause of pauses) {
    const loaded = await loadAssignmentForUpdate(tx, studioId, pause.assignmentId);
    if (loaded.assignment.status !== "active") continue;
    await transition(tx, studioId, loaded, transitions.pause, null, pause.reason);
    paused.push(pause);
  }
  return paused;
}

/**
 * Applies a program to the chosen clients in one transaction: all their assignments are
 * created, or none. A drill a client already has live is skipped, so applying twice adds nothing.
 * Without a start date each client starts on their own today.
 */
export async function applyProgram(
  q: Queryable,
  studioId: string,
  memberId: string,
  input: { programId: string; clientIds: string[]; startDate?: LocalDate | null },
  now: Date,
) {
  await ensureBuiltIns(q, studioId);
  return q.transaction(async (tx) => {
    const [program] = await tx
      .select()
      .from(programs)
      .where(inStudio(programs, studioId, eq(programs.id, input.programId)))
      .limit(1);
    if (!program) throw new DomainError("NOT_FOUND", "Pick a program from your studio's list.", "programId");
    if (program.archivedAt) throw new DomainError("PRECONDITION_FAILED", `${program.name} is archived; restore it to apply it.`, "programId");
    const items = await tx
      .select({ item: programItems, drill: drills })
      .from(programItems)
      .innerJoin(drills, eq(drills.id, programItems.drillId))
      .where(inStudio(programItems, studioId, eq(programItems.programId, program.id)))
      .orderBy(asc(programItems.position));
    const archived = items.find((i) => i.drill.archivedAt);
    if (archived) throw new DomainError("PRECONDITION_FAILED", `${archived.drill.name} in this program is archived; restore it or remove it from the program.`, "programId");

    const clientRows = await loadClients(tx, studioId, [...new Set(input.clientIds)], "clientIds");
    for (const client of clientRows) assertTypedDates(localDateIn(now, client.timeZone), [{ field: "startDate", value: input.startDate, window: TYPED_DATE_WINDOWS.start }]);

    // Two statements whatever the number of clients: the assignments (a live one already there
    // is skipped by the unique index), then version 1 of each that was created.
    const wanted = clientRows.flatMap((client) => {
      const startDate = input.startDate ?? localDateIn(now, client.timeZone);
      return items.map(({ item, drill }) => ({ clientId: client.id, drillId: drill.id, prescription: prescriptionFromDefaults(item.prescription, startDate) }));
    });
    const inserted = wanted.length
      ? await tx
          .insert(assignments)
          .values(wanted.map((w) => ({ studioId, clientId: w.clientId, drillId: w.drillId, programId: program.id, createdByMemberId: memberId })))
          .onConflictDoNothing()
          .returning({ id: assignments.id, clientId: assignments.clientId, drillId: assignments.drillId })
      : [];
    if (inserted.length) {
      const byKey = new Map(wanted.map((w) => [`${w.clientId}:${w.drillId}`, w.prescription]));
      await tx.insert(assignmentVersions).values(
        inserted.map((row) => ({
          studioId,
          assignmentId: row.id,
          version: 1,
          action: "assigned" as const,
          status: "active" as const,
          changedByMemberId: memberId,
          ...versionColumns(byKey.get(`${row.clientId}:${row.drillId}`)!),
        })),
      );
    }
    for (const client of clientRows) {
      const drillIds = inserted.filter((row) => row.clientId === client.id).map((row) => row.drillId);
      if (drillIds.length) await recordUnlocksFor(tx, studioId, client.id, localDateIn(now, client.timeZone), { drillIds });
    }
    // The programme's check-ins now ask these clients: one opening before the next sweep is
    // reminded too (the sweep of this slot has run without them).
    if (inserted.length) await queueRemindersBeforeNextSweep(tx, studioId, now);
    const created = inserted.length;
    const skipped = wanted.length - created;
    return { created, skipped, clients: clientRows.length };
  });
}

/** Every assignment of one client (ended ones last), with the drill and each version of its history. */
export async function listClientAssignments(q: Queryable, studioId: string, clientId: string) {
  const [client] = await q.select({ id: clients.id }).from(clients).where(inStudio(clients, studioId, eq(clients.id, clientId), clientNotDeleted)).limit(1);
  if (!client) throw notFound("client");
  const rows = await q
    .select({ assignment: assignments, drill: { id: drills.id, name: drills.name, measure: drills.measure, perSide: drills.perSide, level: drills.level, isBuiltIn: drills.isBuiltIn } })
    .from(assignments)
    .innerJoin(drills, eq(drills.id, assignments.drillId))
    .where(inStudio(assignments, studioId, eq(assignments.clientId, clientId)))
    .orderBy(asc(drills.sortOrder), asc(drills.name), desc(assignments.createdAt));
  const ids = rows.map((r) => r.assignment.id);
  const history = await versionHistory(q, studioId, ids);
  const order = { active: 0, paused: 1, ended: 2 } as const;
  return rows
    .map(({ assignment, drill }) => {
      const list = history.get(assignment.id) ?? [];
      const current = list.find((v) => v.version === assignment.version)!;
      // Paused by the app (a pain report): the reason it gave, shown until the trainer resumes it.
      const pausedBy = assignment.status === "paused" && current.changedByMemberId === null && current.reason ? { reason: current.reason } : null;
      return { id: assignment.id, status: assignment.status, version: assignment.version, drill, prescription: prescriptionOf(current), history: list, pausedBy };
    })
    .sort((a, b) => order[a.status] - order[b.status]);
}

async function versionHistory(q: Queryable, studioId: string, assignmentIds: string[]) {
  const byAssignment = new Map<string, (AssignmentVersion & { changedByName: string | null })[]>();
  if (assignmentIds.length === 0) return byAssignment;
  const rows = await q
    .select({ version: assignmentVersions, changedByName: users.name })
    .from(assignmentVersions)
    .leftJoin(studioMembers, eq(studioMembers.id, assignmentVersions.changedByMemberId))
    .leftJoin(users, eq(users.id, studioMembers.userId))
    .where(inStudio(assignmentVersions, studioId, inArray(assignmentVersions.assignmentId, assignmentIds)))
    .orderBy(desc(assignmentVersions.version));
  for (const row of rows) {
    const list = byAssignment.get(row.version.assignmentId) ?? [];
    list.push({ ...row.version, changedByName: row.changedByName });
    byAssignment.set(row.version.assignmentId, list);
  }
  return byAssignment;
}

/** A trainer unlocks a locked drill for one client early; the reason is kept with who and when. */
export async function overrideLock(q: Queryable, studioId: string, memberId: string, input: { clientId: string; drillId: string; reason: string }) {
  await ensureBuiltIns(q, studioId);
  return q.transaction(async (tx) => {
    await loadClient(tx, studioId, input.clientId);
    const [drill] = await tx.select().from(drills).where(inStudio(drills, studioId, eq(drills.id, input.drillId))).limit(1);
    if (!drill) throw new DomainError("NOT_FOUND", "Pick a drill from your library.", "drillId");
    const [hasPrerequisite] = await tx
      .select({ id: drillPrerequisites.id })
      .from(drillPrerequisites)
      .where(inStudio(drillPrerequisites, studioId, eq(drillPrerequisites.drillId, drill.id)))
      .limit(1);
    if (!hasPrerequisite) throw new DomainError("PRECONDITION_FAILED", `${drill.name} has no prerequisite, so there is nothing to unlock.`, "drillId");
    const [row] = await tx
      .insert(unlockOverrides)
      .values({ studioId, clientId: input.clientId, drillId: drill.id, reason: input.reason, createdByMemberId: memberId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new DomainError("CONFLICT", `${drill.name} is already unlocked for this client.`, "drillId");
    return row;
  });
}

/** Takes an early unlock back (the record stays, marked revoked). */
export async function revokeOverride(q: Queryable, studioId: string, memberId: string, input: { clientId: string; drillId: string }, now: Date) {
  const [row] = await q
    .update(unlockOverrides)
    .set({ revokedAt: now, revokedByMemberId: memberId })
    .where(inStudio(unlockOverrides, studioId, eq(unlockOverrides.clientId, input.clientId), eq(unlockOverrides.drillId, input.drillId), isNull(unlockOverrides.revokedAt)))
    .returning();
  if (!row) throw notFound("early unlock");
  return row;
}

/** Early unlocks of one client, live and revoked, newest first. */
export async function listOverrides(q: Queryable, studioId: string, clientId: string) {
  return q
    .select({
      id: unlockOverrides.id,
      drillId: unlockOverrides.drillId,
      drillName: drills.name,
      reason: unlockOverrides.reason,
      createdAt: unlockOverrides.createdAt,
      revokedAt: unlockOverrides.revokedAt,
      byName: users.name,
    })
    .from(unlockOverrides)
    .innerJoin(drills, eq(drills.id, unlockOverrides.drillId))
    .innerJoin(studioMembers, eq(studioMembers.id, unlockOverrides.createdByMemberId))
    .innerJoin(users, eq(users.id, studioMembers.userId))
    .where(inStudio(unlockOverrides, studioId, eq(unlockOverrides.clientId, clientId)))
    .orderBy(desc(unlockOverrides.createdAt));
}

export type TodayDrill = {
  assignmentId: string;
  version: number;
  drill: Pick<Drill, "id" | "name" | "purpose" | "steps" | "cues" | "equipment" | "level" | "measure" | "perSide" | "recordsContactFeel" | "videoUrl">;
  prescription: Prescription;
  isDueToday: boolean;
  isBeforeRun: boolean;
  lock: LockState;
};

/** The client's Today: what is due on their own calendar date, with instructions and locks. */
// Every Today read asks it: prepared once (db/prepared.ts).
const todayAssignmentsQuery = preparedQuery("today_assignments", (q, name) =>
  q
    .select({ assignment: assignments, drill: drills, version: assignmentVersions })
    .from(assignments)
    .innerJoin(drills, eq(drills.id, assignments.drillId))
    .innerJoin(assignmentVersions, and(eq(assignmentVersions.assignmentId, assignments.id), eq(assignmentVersions.version, assignments.version)))
    .where(inStudio(assignments, value("studioId"), eq(assignments.clientId, value("clientId")), ne(assignments.status, "ended")))
    .orderBy(asc(drills.sortOrder), asc(drills.name))
    .prepare(name),
);

export async function todayFor(q: Queryable, studioId: string, clientId: string, now: Date, viewerTimeZone?: string | null) {
  // The signed-in client's own zone is already known from the session's viewer: one round trip fewer per read.
  const timeZone = viewerTimeZone === undefined ? await zoneOf(q, studioId, { clientId }) : usableZone(viewerTimeZone);
  const localDate = localDateIn(now, timeZone);
  // Health answers waiting for the trainer hold the programme: Today says so instead of listing drills.
  if (await isHeldForHealth(q, studioId, clientId)) return { localDate, timeZone, isHeldForHealth: true, drills: [] as TodayDrill[], paused: [], upcoming: [] };
  const rows = await todayAssignmentsQuery(q).execute({ studioId, clientId });
  const candidates = rows.map((r) => ({ id: r.assignment.id, status: r.assignment.status, prescription: prescriptionOf(r.version), row: r }));
  const due = listDueDrills(candidates, localDate);
  const locks = await lockStatesFor(q, studioId, clientId, due.map((d) => d.assignment.row.drill.id), localDate);
  const drillsToday: TodayDrill[] = due.map(({ assignment, isDueToday, isBeforeRun }) => {
    const { drill, assignment: a } = assignment.row;
    return {
      assignmentId: a.id,
      version: a.version,
      drill: {
        id: drill.id,
        name: drill.name,
        purpose: drill.purpose,
        steps: drill.steps,
        cues: drill.cues,
        equipment: drill.equipment,
        level: drill.level,
        measure: drill.measure,
        perSide: drill.perSide,
        recordsContactFeel: drill.recordsContactFeel,
        videoUrl: drill.videoUrl,
      },
      prescription: assignment.prescription,
      isDueToday,
      isBeforeRun,
      lock: locks.get(drill.id)!,
    };
  });
  // An automatic pause says why (the pain report); a trainer's pause has no reason to show.
  const paused = candidates.filter((c) => c.status === "paused").map((c) => ({ assignmentId: c.id, drillName: c.row.drill.name, reason: c.row.version.reason }));
  const upcoming = candidates
    .filter((c) => c.status === "active" && c.prescription.startDate > localDate)
    .map((c) => ({ assignmentId: c.id, drillName: c.row.drill.name, startDate: c.prescription.startDate }));
  return { localDate, timeZone, isHeldForHealth: false, drills: drillsToday, paused, upcoming };
}
