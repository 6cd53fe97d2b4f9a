import { and, asc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { DomainError, notFound } from "@/lib/errors";
import { localDateIn, type LocalDate } from "@/lib/local-date";
import { usableZone } from "@/lib/time-zones";
import type { CheckinCadence } from "@/lib/checkins/vocabulary";
import type { ScheduleForClientInput, ScheduleForProgramInput, ScheduleTimingInput } from "@/lib/checkins/schedule-input";
import type { Db, Queryable } from "@/server/db/client";
import { assignments, checkinForms, checkinSchedules, clients, programs, users } from "@/server/db/schema";
import { clientNotDeleted, inStudio } from "@/server/db/tenancy";
import { assertTypedDates, TYPED_DATE_WINDOWS, typedDateBounds } from "@/server/dates/typed-date";
import { zoneOf } from "@/server/dates/zones";
import { ensureBuiltInCheckinForms } from "./forms";
import type { ScheduleTiming } from "./occurrences";
import { queueRemindersBeforeNextSweep } from "./reminders";
import { skippedTimeNotices } from "./schedule-notices";
import { schedulesInForce } from "./schedules-in-force";

// Who is asked which check-in, and when: a trainer schedules a check-in form for one client or
// for a programme (every client with a live assignment from it), daily or on one weekday, at a
// wall time of each client's own zone. One live schedule per form and client or programme (the
// database's unique indexes); ending one stops the asking from now and keeps every answer.

/** A live schedule as the trainer's pages list it. */
export type ScheduleView = {
  id: string;
  formId: string;
  formTitle: string;
  cadence: CheckinCadence;
  weekday: number | null;
  atTime: string;
  startsOn: LocalDate;
  /** The programme it asks through; null when it is scheduled for the client. */
  program: { id: string; name: string } | null;
  /**
   * Whether it asks (the client, on their page; the programme's clients, on its page): false
   * when its form is archived, or, on a client's page, when their own schedule of the same form
   * asks instead of the programme's.
   */
  isInForce: boolean;
  /** Sentences about days the clocks skip its time in the zones it is asked in. */
  notices: string[];
};

/** A form the trainer can schedule (a check-in, not archived). */
export type SchedulableForm = { id: string; title: string };

export type ScheduleList = {
  schedules: ScheduleView[];
  forms: SchedulableForm[];
  /** The day a start date left empty means, and the start dates allowed. */
  today: LocalDate;
  startBounds: { min: LocalDate; max: LocalDate };
};

type Row = {
  id: string;
  formId: string;
  formTitle: string;
  formArchivedAt: Date | null;
  cadence: CheckinCadence;
  weekday: number | null;
  atTime: string;
  startsOn: string;
  programId: string | null;
  programName: string | null;
};

const timingOf = (r: Pick<Row, "cadence" | "weekday" | "atTime" | "startsOn">): ScheduleTiming => ({ cadence: r.cadence, weekday: r.weekday, atTime: r.atTime, startsOn: r.startsOn });

const scheduleColumns = {
  id: checkinSchedules.id,
  formId: checkinSchedules.formId,
  formTitle: checkinForms.title,
  formArchivedAt: checkinForms.archivedAt,
  cadence: checkinSchedules.cadence,
  weekday: checkinSchedules.weekday,
  atTime: checkinSchedules.atTime,
  startsOn: checkinSchedules.startsOn,
  programId: checkinSchedules.programId,
  programName: programs.name,
};

function liveSchedules(q: Queryable, studioId: string, which: SQL | undefined) {
  return q
    .select(scheduleColumns)
    .from(checkinSchedules)
    .innerJoin(checkinForms, and(eq(checkinForms.studioId, checkinSchedules.studioId), eq(checkinForms.id, checkinSchedules.formId)))
    .leftJoin(programs, and(eq(programs.studioId, checkinSchedules.studioId), eq(programs.id, checkinSchedules.programId)))
    .where(inStudio(checkinSchedules, studioId, isNull(checkinSchedules.endedAt), which))
    .orderBy(asc(checkinSchedules.createdAt), asc(checkinSchedules.id));
}

async function schedulableForms(q: Queryable, studioId: string): Promise<SchedulableForm[]> {
  await ensureBuiltInCheckinForms(q, studioId);
  return q
    .select({ id: checkinForms.id, title: checkinForms.title })
    .from(checkinForms)
    .where(inStudio(checkinForms, studioId, eq(checkinForms.kind, "checkin"), isNull(checkinForms.archivedAt)))
    .orderBy(asc(checkinForms.createdAt), asc(checkinForms.title));
}

async function loadClient(q: Queryable, studioId: string, clientId: string) {
  const [client] = await q
    .select({ id: clients.id, name: clients.name, status: clients.status, timeZone: users.timeZone })
    .from(clients)
    .leftJoin(users, eq(users.id, clients.userId))
    .where(inStudio(clients, studioId, eq(clients.id, clientId), clientNotDeleted))
    .limit(1);
  if (!client) throw notFound("client");
  return { ...client, timeZone: usableZone(client.timeZone) };
}

async function loadProgram(q: Queryable, studioId: string, programId: string) {
  const [program] = await q
    .select({ id: programs.id, name: programs.name, archivedAt: programs.archivedAt })
    .from(programs)
    .where(inStudio(programs, studioId, eq(programs.id, programId)))
    .limit(1);
  if (!program) throw notFound("program");
  return program;
}

/** The zones of the clients a programme's schedule asks (live assignments from it). */
async function zonesOfProgramClients(q: Queryable, studioId: string, programId: string): Promise<string[]> {
  const rows = await q
    .selectDistinct({ timeZone: users.timeZone })
    .from(assignments)
    .innerJoin(clients, and(eq(clients.studioId, assignments.studioId), eq(clients.id, assignments.clientId), clientNotDeleted, ne(clients.status, "archived")))
    .leftJoin(users, eq(users.id, clients.userId))
    .where(inStudio(assignments, studioId, eq(assignments.programId, programId), ne(assignments.status, "ended")));
  return [...new Set(rows.map((r) => usableZone(r.timeZone)))].sort();
}

function viewOf(r: Row, isInForce: boolean, notices: string[]): ScheduleView {
  return {
    id: r.id,
    formId: r.formId,
    formTitle: r.formTitle,
    cadence: r.cadence,
    weekday: r.weekday === null ? null : Number(r.weekday),
    atTime: r.atTime,
    startsOn: r.startsOn,
    program: r.programId ? { id: r.programId, name: r.programName ?? "a program" } : null,
    isInForce,
    notices,
  };
}

// A client is asked their own schedules and their programmes' (see schedulesInForce): the page lists both, marking which asks.
export async function listSchedulesForClient(q: Queryable, studioId: string, clientId: string, now: Date): Promise<ScheduleList> {
  const client = await loadClient(q, studioId, clientId);
  const today = localDateIn(now, client.timeZone);
  const programsOfClient = q
    .select({ id: assignments.programId })
    .from(assignments)
    .where(inStudio(assignments, studioId, eq(assignments.clientId, clientId), ne(assignments.status, "ended")));
  const rows = await liveSchedules(q, studioId, or(eq(checkinSchedules.clientId, clientId), inArray(checkinSchedules.programId, programsOfClient)));
  const inForce = new Set((await schedulesInForce(q, studioId, { clientIds: [clientId] })).map((s) => s.scheduleId));
  // A programme's schedule comes after the client's own, as the client's own wins.
  rows.sort((a, b) => Number(a.programId !== null) - Number(b.programId !== null));
  return {
    schedules: rows.map((r) => viewOf(r, inForce.has(r.id), skippedTimeNotices(timingOf(r), [client.timeZone], today))),
    forms: await schedulableForms(q, studioId),
    today,
    startBounds: typedDateBounds(today, TYPED_DATE_WINDOWS.checkinStart),
  };
}

// A programme's schedules ask every client with a live assignment from it, each at the time of their own zone.
export async function listSchedulesForProgram(q: Queryable, studioId: string, memberId: string, programId: string, now: Date): Promise<ScheduleList & { clientCount: number }> {
  await loadProgram(q, studioId, programId);
  const today = localDateIn(now, await zoneOf(q, studioId, { memberId }));
  const rows = await liveSchedules(q, studioId, eq(checkinSchedules.programId, programId));
  const zones = await zonesOfProgramClients(q, studioId, programId);
  const [counted] = await q
    .select({ n: sql<number>`count(distinct ${assignments.clientId})::int` })
    .from(assignments)
    .innerJoin(clients, and(eq(clients.studioId, assignments.studioId), eq(clients.id, assignments.clientId), clientNotDeleted, ne(clients.status, "archived")))
    .where(inStudio(assignments, studioId, eq(assignments.programId, programId), ne(assignments.status, "ended")));
  return {
    schedules: rows.map((r) => viewOf(r, r.formArchivedAt === null, skippedTimeNotices(timingOf(r), zones, today))),
    forms: await schedulableForms(q, studioId),
    today,
    startBounds: typedDateBounds(today, TYPED_DATE_WINDOWS.checkinStart),
    clientCount: Number(counted?.n ?? 0),
  };
}

async function loadSchedulableForm(q: Queryable, studioId: string, formId: string) {
  await ensureBuiltInCheckinForms(q, studioId);
  const [form] = await q
    .select({ id: checkinForms.id, title: checkinForms.title })
    .from(checkinForms)
    .where(inStudio(checkinForms, studioId, eq(checkinForms.id, formId), eq(checkinForms.kind, "checkin"), isNull(checkinForms.archivedAt)))
    .limit(1);
  if (!form) throw new DomainError("BAD_REQUEST", "Pick a check-in form from the list.", "formId");
  return form;
}

/** The timing as stored: the start defaults to `today` and lies within its window. */
function timingFrom(input: ScheduleTimingInput, today: LocalDate): ScheduleTiming {
  assertTypedDates(today, [{ field: "startsOn", value: input.startsOn, window: TYPED_DATE_WINDOWS.checkinStart }]);
  return { cadence: input.cadence, weekday: input.cadence === "weekly" ? input.weekday : null, atTime: input.atTime, startsOn: input.startsOn ?? today };
}

export type ScheduleCreated = { schedule: ScheduleView };

// A trainer asks one client a check-in form, from a start day of the client's, at a time of their zone; one live schedule per form and client.
export async function scheduleCheckinForClient(db: Db, studioId: string, memberId: string, input: ScheduleForClientInput, now: Date): Promise<ScheduleCreated> {
  return db.transaction(async (tx) => {
    const client = await loadClient(tx, studioId, input.clientId);
    if (client.status === "archived") throw new DomainError("PRECONDITION_FAILED", `${client.name} is archived: reactivate them before scheduling check-ins.`);
    const form = await loadSchedulableForm(tx, studioId, input.formId);
    const today = localDateIn(now, client.timeZone);
    const timing = timingFrom(input, today);
    const [row] = await tx
      .insert(checkinSchedules)
      .values({ studioId, formId: form.id, clientId: client.id, ...timing, createdByMemberId: memberId })
      .onConflictDoNothing()
      .returning({ id: checkinSchedules.id });
    if (!row) throw new DomainError("CONFLICT", `${form.title} is already scheduled for ${client.name}: stop that schedule first to change its time.`);
    await queueRemindersBeforeNextSweep(tx, studioId, now);
    const inForce = (await schedulesInForce(tx, studioId, { clientIds: [client.id] })).some((s) => s.scheduleId === row.id);
    const view = viewOf({ id: row.id, formId: form.id, formTitle: form.title, formArchivedAt: null, ...timing, programId: null, programName: null }, inForce, skippedTimeNotices(timing, [client.timeZone], today));
    return { schedule: view };
  });
}

// A trainer asks every client of a programme a check-in form, each at the time of their own zone; one live schedule per form and programme.
export async function scheduleCheckinForProgram(db: Db, studioId: string, memberId: string, input: ScheduleForProgramInput, now: Date): Promise<ScheduleCreated> {
  return db.transaction(async (tx) => {
    const program = await loadProgram(tx, studioId, input.programId);
    if (program.archivedAt) throw new DomainError("PRECONDITION_FAILED", `${program.name} is archived: schedule check-ins on a program in use.`);
    const form = await loadSchedulableForm(tx, studioId, input.formId);
    // The programme has no zone of its own: its start date is a day of the trainer's calendar.
    const today = localDateIn(now, await zoneOf(tx, studioId, { memberId }));
    const timing = timingFrom(input, today);
    const [row] = await tx
      .insert(checkinSchedules)
      .values({ studioId, formId: form.id, programId: program.id, ...timing, createdByMemberId: memberId })
      .onConflictDoNothing()
      .returning({ id: checkinSchedules.id });
    if (!row) throw new DomainError("CONFLICT", `${form.title} is already scheduled for ${program.name}: stop that schedule first to change its time.`);
    await queueRemindersBeforeNextSweep(tx, studioId, now);
    const zones = await zonesOfProgramClients(tx, studioId, program.id);
    const view = viewOf({ id: row.id, formId: form.id, formTitle: form.title, formArchivedAt: null, ...timing, programId: program.id, programName: program.name }, true, skippedTimeNotices(timing, zones, today));
    return { schedule: view };
  });
}

// Stopping a schedule asks nothing more from now on; the answers given stay. Stopping it again changes nothing.
export async function endCheckinSchedule(q: Queryable, studioId: string, scheduleId: string, now: Date): Promise<{ scheduleId: string; endedAt: Date }> {
  const [ended] = await q
    .update(checkinSchedules)
    .set({ endedAt: now })
    .where(inStudio(checkinSchedules, studioId, eq(checkinSchedules.id, scheduleId), isNull(checkinSchedules.endedAt)))
    .returning({ id: checkinSchedules.id, endedAt: checkinSchedules.endedAt });
  if (ended) return { scheduleId: ended.id, endedAt: ended.endedAt! };
  const [before] = await q
    .select({ id: checkinSchedules.id, endedAt: checkinSchedules.endedAt })
    .from(checkinSchedules)
    .where(inStudio(checkinSchedules, studioId, eq(checkinSchedules.id, scheduleId)))
    .limit(1);
  if (!before) throw notFound("check-in schedule");
  return { scheduleId: before.id, endedAt: before.endedAt! };
}
