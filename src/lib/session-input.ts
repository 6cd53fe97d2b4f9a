import { z } from "zod";
import { longestRunIn, metresOf } from "@/lib/distance-units";

import type { DrillDefinition } from "@/lib/drills/vocabulary";
import { MAX_NOTES_LENGTH, MAX_SETS } from "@/lib/drills/prescription";
import { LOGGED_VALUE_LIMITS, type ValueLimits } from "@/lib/logged-value-limits";
import {
  contactFeels,
  measureUnits,
  sides,
  type ContactFeel,
  type MeasureKind,
  type Side,
} from "@/lib/drills/vocabulary";

/**
 * What a client sends when they log drills or a run (issue 5), in two layers:
 *
 * 1. `logSessionInput` / `logRunInput`: the shape, checkable without knowing anything else.
 *    Fit for `.input()` on a tRPC procedure. They do NOT know the drills' measures nor the
 *    time, so they never check a value's range or how far in the future a date is.
 * 2. `validateSession` / `validateRun`: the checks that need the drills involved and `now`.
 *    A service stores nothing that has not passed these (or `parseSession` / `parseRun`,
 *    which do both layers). Forms get the same rules from `logSessionInputFor` / `logRunInputAt`.
 */

/** A field-level problem, with the path a form uses to show it under the right input. */
export type FieldIssue = {
  /** Dotted path, e.g. `entries.2.value`; what `DomainError.field` carries. */
  field: string;
  path: (string | number)[];
  message: string;
};

/** How much of a drill the log needs to know to check an entry. */
export type LoggableDrill = Pick<DrillDefinition, "measure" | "perSide" | "recordsContactFeel"> & {
  /** Shown in messages, e.g. "Knee Drive". */
  name: string;
};

export { LOGGED_VALUE_LIMITS, type ValueLimits } from "@/lib/logged-value-limits";

export const MAX_ENTRIES_PER_SESSION = 200;
export const MAX_PAIN_WHERE_LENGTH = 200;
/** A session or run may be dated up to a day ahead of the server's clock (a phone's clock or zone can be off). */
export const MAX_FUTURE_HOURS = 24;
/** Older than this is a mistyped year, not a backfilled paper log. */
export const MAX_PAST_DAYS = 366;

export const MAX_RUN_DISTANCE_M = 300_000;
export const MAX_RUN_DURATION_S = 48 * 3600;
/** Faster than 1:30/km over any distance is beyond every world record: a wrong unit or duration. */
export const MIN_PLAUSIBLE_PACE_S_PER_KM = 90;

export const practiceContexts = ["standalone", "warmup_before_run"] as const;
export const practiceContextSchema = z.enum(practiceContexts);
export type PracticeContext = z.infer<typeof practiceContextSchema>;

/** The units a run's distance may be typed in: the person's unit (km or mi), or metres. */
export const distanceUnits = ["m", "km", "mi"] as const;
export type TypedDistanceUnit = (typeof distanceUnits)[number];

/** The exact words, exported so UI and integration tests can look for them. */
export const sessionMessages = {
  sessionId: "This session has no valid id; reload the page and try again.",
  runId: "This run has no valid id; reload the page and try again.",
  performedAt: "Pick the date and time you did the drills.",
  startedAt: "Pick the date and time you started the run.",
  tooFarAhead: "That is more than a day from now; pick the date and time it actually happened.",
  tooOld: `That is more than ${MAX_PAST_DAYS} days ago; pick a date within the last year.`,
  context: "Choose whether this was a session on its own or the warm-up before a run.",
  runOnlyForWarmup: "Only a warm-up can be linked to a run; choose 'warm-up before a run' or remove the run.",
  effort: "Rate the effort as a whole number from 1 (very easy) to 10 (all-out), or leave it empty.",
  painFlag: "Say whether anything hurt.",
  painWhere: "Say where it hurts, e.g. 'left knee'.",
  painWhereTooLong: `Keep where it hurts under ${MAX_PAIN_WHERE_LENGTH} characters.`,
  note: `Keep the note under ${MAX_NOTES_LENGTH} characters.`,
  noEntries: "Log at least one drill before saving.",
  tooManyEntries: `A session holds at most ${MAX_ENTRIES_PER_SESSION} entries; save it in two parts.`,
  drillId: "Pick a drill from your list.",
  notAssigned: "This drill is not on your list; remove it or ask your coach to assign it.",
  setNumber: `Enter the set as a whole number from 1 to ${MAX_SETS}.`,
  side: "Pick the side: left, right or both.",
  perSideNeeded: "Log this drill per side: pick left or right.",
  notPerSide: "This drill is not logged per side; pick 'both'.",
  duplicateEntry: "This set and side is entered twice; remove one of them.",
  value: "Enter a number.",
  valueMissing: "Enter a number for this set.",
  freeTakesNoValue: "This drill is not counted; clear the number.",
  contactFeel: "Pick how the contacts felt: short, medium or long.",
  contactFeelNotUsed: "Only hopping-style drills record how the contacts felt; clear it.",
  distance: "Enter the distance as a number above 0, e.g. 5 km.",
  distanceUnit: "Pick the unit of the distance: m, km or mi.",
  distanceTooLong: `${longestRunIn(MAX_RUN_DISTANCE_M, "km")} is the longest run we record; check the distance and its unit.`,
  distanceTooLongMiles: `${longestRunIn(MAX_RUN_DISTANCE_M, "mi")} is the longest run we record; check the distance and its unit.`,
  duration: "Enter how long the run took; it must be more than 0 minutes.",
  durationTooLong: `${MAX_RUN_DURATION_S / 3600} hours is the longest run we record; check the duration.`,
  implausiblePace: "That pace is faster than any world record; check the distance, its unit and the duration.",
} as const;

const optionalText = (max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .max(max, { error: message })
    .nullish()
    .transform((text) => (text ? text : null));

/** The longest instant text we read: "2026-04-07T07:30:00.123456789+01:00" and a little room. */
const MAX_INSTANT_LENGTH = 40;

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

// ISO 8601 / RFC 3339 with its offset: without one, the server's own zone would be guessed.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

export type InstantText = { ok: true; instant: Date } | { ok: false; noSuchDay?: { year: number; month: number; day: number } };

/**
 * An instant written as ISO 8601 with its offset, read only when every part exists. JavaScript's
 * Date rolls an impossible day over ("2026-02-30" becomes 2 March); a log is then filed on a
 * day nobody typed, so the parts are checked before any Date is made.
 */
export function readInstantText(text: string): InstantText {
  const match = ISO_INSTANT.exec(text);
  if (!match) return { ok: false };
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)) as [number, number, number, number, number, number];
  const offset = match[8]!.toUpperCase();
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return { ok: false };
  if (offset !== "Z") {
    const [offsetHours, offsetMinutes] = [Number(offset.slice(1, 3)), Number(offset.slice(4, 6))];
    // Zones run from UTC-12 to UTC+14.
    if (offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 14 * 60) return { ok: false };
  }
  if (day > daysInMonth(year, month)) return { ok: false, noSuchDay: { year, month, day } };
  const instant = new Date(text.replace(" ", "T").toUpperCase());
  return Number.isNaN(instant.getTime()) ? { ok: false } : { ok: true, instant };
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC, so no zone moves it.
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  return last.getUTCDate();
}

/** "There is no 30 February 2026; pick the date and time you did the drills." */
export function noSuchDayMessage(day: { year: number; month: number; day: number }, pick: string): string {
  return `There is no ${day.day} ${MONTH_NAMES[day.month - 1]} ${day.year}; ${pick.charAt(0).toLowerCase()}${pick.slice(1)}`;
}

// A time is a Date (what the forms send through superjson) or ISO text with its offset; a number
// or free words are refused rather than guessed at.
const instantField = (message: string) =>
  z
    .union([z.date(), z.string().max(MAX_INSTANT_LENGTH)], { error: message })
    .transform((value, ctx) => {
      if (value instanceof Date) {
        if (!Number.isNaN(value.getTime())) return value;
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      const read = readInstantText(value.trim());
      if (read.ok) return read.instant;
      ctx.addIssue({ code: "custom", message: read.noSuchDay ? noSuchDayMessage(read.noSuchDay, message) : message });
      return z.NEVER;
    });

const effortField = z
  .number({ error: sessionMessages.effort })
  .int({ error: sessionMessages.effort })
  .min(1, { error: sessionMessages.effort })
  .max(10, { error: sessionMessages.effort })
  .nullish()
  .transform((effort) => effort ?? null);

// Pain is a flag and, when flagged, where. A "where" left behind after unticking the flag is
// dropped rather than refused: the form hides the field, so the person could not fix it.
const painFields = {
  hasPain: z.boolean({ error: sessionMessages.painFlag }),
  painWhere: optionalText(MAX_PAIN_WHERE_LENGTH, sessionMessages.painWhereTooLong),
  note: optionalText(MAX_NOTES_LENGTH, sessionMessages.note),
};

function checkPain(value: { hasPain?: unknown; painWhere?: unknown }, ctx: z.RefinementCtx): void {
  if (value.hasPain === true && (value.painWhere === null || value.painWhere === undefined)) {
    ctx.addIssue({ code: "custom", message: sessionMessages.painWhere, path: ["painWhere"] });
  }
}

function dropPainWhereWithoutPain<T extends { hasPain: boolean; painWhere: string | null }>(value: T): T {
  return value.hasPain ? value : { ...value, painWhere: null };
}

export const sessionEntryInput = z.object({
  drillId: z.uuid({ error: sessionMessages.drillId }),
  setNumber: z
    .number({ error: sessionMessages.setNumber })
    .int({ error: sessionMessages.setNumber })
    .min(1, { error: sessionMessages.setNumber })
    .max(MAX_SETS, { error: sessionMessages.setNumber }),
  side: z.enum(sides, { error: sessionMessages.side }),
  /** In the drill's measure; range checked by `validateSessionEntries`. Null for `free` drills. */
  value: z.number({ error: sessionMessages.value }).nullish().transform((v) => v ?? null),
  contactFeel: z
    .enum(contactFeels, { error: sessionMessages.contactFeel })
    .nullish().transform((v) => v ?? null),
  note: optionalText(MAX_NOTES_LENGTH, sessionMessages.note),
});

export type SessionEntryInput = z.input<typeof sessionEntryInput>;
export type SessionEntry = z.output<typeof sessionEntryInput>;

/** A practice session as the client's device sends it (shape only; see the module comment). */
export const logSessionInput = z
  .object({
    /** Made on the device (`crypto.randomUUID()`), so a retry or an offline sync never doubles it. */
    id: z.uuid({ error: sessionMessages.sessionId }),
    performedAt: instantField(sessionMessages.performedAt),
    context: z.enum(practiceContexts, { error: sessionMessages.context }),
    runId: z
      .uuid({ error: sessionMessages.runOnlyForWarmup })
      .nullish()
      .transform((v) => v ?? null),
    effort: effortField,
    ...painFields,
    entries: z
      .array(sessionEntryInput, { error: sessionMessages.noEntries })
      .min(1, { error: sessionMessages.noEntries })
      .max(MAX_ENTRIES_PER_SESSION, { error: sessionMessages.tooManyEntries }),
  })
  .superRefine((value, ctx) => {
    checkPain(value, ctx);
    if (value.runId !== null && value.context !== "warmup_before_run") {
      ctx.addIssue({ code: "custom", message: sessionMessages.runOnlyForWarmup, path: ["runId"] });
    }
  })
  .transform(dropPainWhereWithoutPain);

export type LogSessionInput = z.input<typeof logSessionInput>;
export type LogSession = z.output<typeof logSessionInput>;

// A run's figures as typed: the distance (in its unit), the duration and the pace they make.
const runDistanceField = z.object(
  {
    value: z.number({ error: sessionMessages.distance }).positive({ error: sessionMessages.distance }),
    unit: z.enum(distanceUnits, { error: sessionMessages.distanceUnit }),
  },
  { error: sessionMessages.distance },
);
const runDurationField = z
  .number({ error: sessionMessages.duration })
  .int({ error: sessionMessages.duration })
  .positive({ error: sessionMessages.duration })
  .max(MAX_RUN_DURATION_S, { error: sessionMessages.durationTooLong });

function checkRunFigures(value: { distance?: { value: number; unit: TypedDistanceUnit }; durationSeconds?: number }, ctx: z.RefinementCtx): void {
  const { distance, durationSeconds } = value;
  if (!distance || typeof distance.value !== "number" || !(distance.value > 0)) return;
  if (!(distanceUnits as readonly string[]).includes(distance.unit)) return;
  const metres = toMetres(distance.value, distance.unit);
  // Runs are stored in whole metres: a positive distance that rounds to 0 m is no run.
  if (Math.round(metres) < 1) {
    ctx.addIssue({ code: "custom", message: sessionMessages.distance, path: ["distance", "value"] });
    return;
  }
  if (metres > MAX_RUN_DISTANCE_M) {
    ctx.addIssue({ code: "custom", message: distance.unit === "mi" ? sessionMessages.distanceTooLongMiles : sessionMessages.distanceTooLong, path: ["distance", "value"] });
    return;
  }
  if (typeof durationSeconds === "number" && Number.isInteger(durationSeconds) && durationSeconds > 0 && durationSeconds <= MAX_RUN_DURATION_S) {
    if (durationSeconds / (metres / 1000) < MIN_PLAUSIBLE_PACE_S_PER_KM) {
      ctx.addIssue({ code: "custom", message: sessionMessages.implausiblePace, path: ["durationSeconds"] });
    }
  }
}

/** A run as the client sends it (shape only). The distance is kept as typed; `distanceM` is added. */
export const logRunInput = z
  .object({
    /** Made on the device, like a session's id, for the same reason. */
    id: z.uuid({ error: sessionMessages.runId }),
    startedAt: instantField(sessionMessages.startedAt),
    distance: runDistanceField,
    durationSeconds: runDurationField,
    effort: effortField,
    ...painFields,
  })
  .superRefine((value, ctx) => {
    checkPain(value, ctx);
    checkRunFigures(value, ctx);
  })
  .transform((value) => ({
    ...dropPainWhereWithoutPain(value),
    distanceM: toMetres(value.distance.value, value.distance.unit),
  }));

/**
 * A change to one of the client's own runs (shape only). Effort, pain and the note always; the
 * start, distance and duration only for a typed run: a file run's figures are the watch's, and
 * the service refuses them for one (and requires them for a typed run).
 */
export const updateRunInput = z
  .object({
    id: z.uuid({ error: "Pick one of your runs from your history." }),
    startedAt: instantField(sessionMessages.startedAt).optional(),
    distance: runDistanceField.optional(),
    durationSeconds: runDurationField.optional(),
    effort: effortField,
    ...painFields,
  })
  .superRefine((value, ctx) => {
    checkPain(value, ctx);
    checkRunFigures(value, ctx);
  })
  .transform((value) => ({
    ...dropPainWhereWithoutPain(value),
    distanceM: value.distance ? toMetres(value.distance.value, value.distance.unit) : undefined,
  }));

/** Why a file run's start, distance and duration cannot be typed over. */
export const FILE_RUN_FIGURES_MESSAGE = "This run came from your watch's file: its start, distance and time are the watch's. You can change the effort, pain and note.";

export type UpdateRunInput = z.input<typeof updateRunInput>;
export type UpdateRun = z.output<typeof updateRunInput>;

export type LogRunInput = z.input<typeof logRunInput>;
export type LogRun = z.output<typeof logRunInput>;

// A session or run happened in the past, or at most a day ahead (a phone's clock or zone can be off); a year back at most.
export function validateLoggedAt(instant: Date, now: Date, field: string): FieldIssue[] {
  const ms = instant.getTime() - now.getTime();
  if (ms > MAX_FUTURE_HOURS * 3_600_000) return [issue([field], sessionMessages.tooFarAhead)];
  if (-ms > MAX_PAST_DAYS * 86_400_000) return [issue([field], sessionMessages.tooOld)];
  return [];
}

// Each logged number must fit how its drill is measured: seconds held, reps, ground contacts, metres, or none.
export function validateEntryValue(drill: LoggableDrill, value: number | null): string | null {
  const limits = LOGGED_VALUE_LIMITS[drill.measure];
  if (limits === null) return value === null ? null : sessionMessages.freeTakesNoValue;
  if (value === null) return sessionMessages.valueMissing;
  const { plural } = measureUnits[drill.measure];
  if (value > limits.max) {
    return `${formatNumber(value)} ${plural} is more than we can record; enter at most ${limits.max}.`;
  }
  if (value < limits.min) return rangeMessage(drill.measure, limits);
  if (!isMultipleOf(value, limits.step)) {
    return limits.step === 1
      ? rangeMessage(drill.measure, limits)
      : `Round the ${drill.measure === "hold_seconds" ? "hold" : "distance"} to one decimal place, e.g. ${drill.measure === "hold_seconds" ? "32.5" : "80.5"}.`;
  }
  return null;
}

// Entries must match their drills: assigned to this client, per side or not as the drill is logged, each set and side once, contact feel only for hopping-style drills.
export function validateSessionEntries(
  entries: readonly Pick<SessionEntry, "drillId" | "setNumber" | "side" | "value" | "contactFeel">[],
  drills: ReadonlyMap<string, LoggableDrill>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const at = (key: string) => ["entries", index, key];
    const drill = drills.get(entry.drillId);
    if (!drill) {
      issues.push(issue(at("drillId"), sessionMessages.notAssigned));
      return;
    }
    if (drill.perSide && entry.side === "both") issues.push(issue(at("side"), sessionMessages.perSideNeeded));
    if (!drill.perSide && entry.side !== "both") issues.push(issue(at("side"), sessionMessages.notPerSide));

    // Mirrors the unique key (session, drill, set, side): the later duplicate carries the message.
    const key = `${entry.drillId}|${entry.setNumber}|${entry.side}`;
    if (seen.has(key)) issues.push(issue(at("side"), sessionMessages.duplicateEntry));
    seen.add(key);

    const valueProblem = validateEntryValue(drill, entry.value);
    if (valueProblem !== null) issues.push(issue(at("value"), valueProblem));

    if (drill.recordsContactFeel && entry.contactFeel === null) {
      issues.push(issue(at("contactFeel"), sessionMessages.contactFeel));
    }
    if (!drill.recordsContactFeel && entry.contactFeel !== null) {
      issues.push(issue(at("contactFeel"), sessionMessages.contactFeelNotUsed));
    }
  });
  return issues;
}

export type SessionContext = {
  now: Date;
  /** The drills this client may log today (their assignments in force), by drill id. */
  drills: ReadonlyMap<string, LoggableDrill>;
};

// A session is stored only when its time is plausible and every entry fits its drill.
export function validateSession(session: LogSession, context: SessionContext): FieldIssue[] {
  return [
    ...validateLoggedAt(session.performedAt, context.now, "performedAt"),
    ...validateSessionEntries(session.entries, context.drills),
  ];
}

// A run is stored only when it started at a plausible time.
export function validateRun(run: LogRun, context: { now: Date }): FieldIssue[] {
  return validateLoggedAt(run.startedAt, context.now, "startedAt");
}

export type ParseResult<T> = { success: true; data: T } | { success: false; issues: FieldIssue[] };

/** Both layers at once: what a service calls before it opens a transaction. */
export function parseSession(raw: unknown, context: SessionContext): ParseResult<LogSession> {
  const shape = logSessionInput.safeParse(raw);
  if (!shape.success) return { success: false, issues: fromZod(shape.error) };
  const issues = validateSession(shape.data, context);
  return issues.length > 0 ? { success: false, issues } : { success: true, data: shape.data };
}

/** Both layers at once, for a run. */
export function parseRun(raw: unknown, context: { now: Date }): ParseResult<LogRun> {
  const shape = logRunInput.safeParse(raw);
  if (!shape.success) return { success: false, issues: fromZod(shape.error) };
  const issues = validateRun(shape.data, context);
  return issues.length > 0 ? { success: false, issues } : { success: true, data: shape.data };
}

/** The full rules as one zod schema, for a form (the form passes `new Date()` as `now`). */
export function logSessionInputFor(context: SessionContext) {
  return logSessionInput.superRefine((session, ctx) => {
    for (const found of validateSession(session, context)) {
      ctx.addIssue({ code: "custom", message: found.message, path: found.path });
    }
  });
}

/** The full rules for a run as one zod schema, for a form. */
export function logRunInputAt(now: Date) {
  return logRunInput.superRefine((run, ctx) => {
    for (const found of validateRun(run, { now })) {
      ctx.addIssue({ code: "custom", message: found.message, path: found.path });
    }
  });
}

/** zod's issues in the same shape as ours, one per field (the first message wins). */
export function fromZod(error: z.ZodError): FieldIssue[] {
  const byField = new Map<string, FieldIssue>();
  for (const zodIssue of error.issues) {
    const path = zodIssue.path.filter((p): p is string | number => typeof p !== "symbol");
    const found = issue(path, zodIssue.message);
    if (!byField.has(found.field)) byField.set(found.field, found);
  }
  return [...byField.values()];
}

export function toMetres(value: number, unit: TypedDistanceUnit): number {
  return metresOf(value, unit);
}

export type { ContactFeel, Side };

function issue(path: (string | number)[], message: string): FieldIssue {
  return { field: path.join("."), path, message };
}

function rangeMessage(measure: MeasureKind, limits: ValueLimits): string {
  switch (measure) {
    case "hold_seconds":
      return `Enter a hold between ${limits.min} and ${limits.max} seconds.`;
    case "reps":
      return `Enter the reps as a whole number from ${limits.min} to ${limits.max}.`;
    case "contacts":
      return `Enter the ground contacts as a whole number from ${limits.min} to ${limits.max}.`;
    case "distance_m":
      return `Enter a distance between ${limits.min} and ${limits.max} metres.`;
    case "free":
      return sessionMessages.freeTakesNoValue;
  }
}

function isMultipleOf(value: number, step: 1 | 0.1): boolean {
  if (step === 1) return Number.isInteger(value);
  // 32.5 * 10 is 325, but 0.3 * 10 is 3.0000000000000004: compare with a tolerance.
  return Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

