import { eq, isNull, sql } from "drizzle-orm";
import { addDays, localDateIn, type LocalDate } from "@/lib/local-date";
import type { Queryable, Tx } from "@/server/db/client";
import { checkinResponses, checkinSchedules, clients } from "@/server/db/schema";
import { clientNotDeleted, inStudio } from "@/server/db/tenancy";
import { enqueueJob } from "@/server/jobs/service";
import { notify } from "@/server/notifications/notify";
import { answerableUntil, dueOccurrences } from "./occurrences";
import { schedulesInForce } from "./schedules-in-force";

// A client is reminded by push when a check-in opens. A sweep job runs every ten minutes, one
// per slot of the clock (its key names the slot, so a replay or a second app instance adds
// nothing): it finds the check-ins that open within its slot and queues one reminder job each,
// due at the instant it opens, keyed by (schedule, client, day): so each is sent once, however
// often a slot is swept. The reminder itself looks again when it runs: a check-in answered,
// stopped or no longer asked by then is not reminded.

export const CHECKIN_SWEEP_JOB = "checkin.sweep";
export const CHECKIN_REMIND_JOB = "checkin.remind";

/** How long one sweep's slot is. */
export const SWEEP_SLOT_MS = 10 * 60_000;
/** After a pause of the workers, a sweep looks back this far at most: older check-ins are past answering. */
const MAX_LOOK_BACK_MS = 3 * 24 * 3_600_000;

const slotStart = (at: Date) => new Date(Math.floor(at.getTime() / SWEEP_SLOT_MS) * SWEEP_SLOT_MS);

/** The sweep of the slot that starts at `from` (a slot boundary). */
export function sweepJob(from: Date) {
  return { kind: CHECKIN_SWEEP_JOB, key: `checkin-sweep:${from.toISOString()}`, runAt: from, payload: { from: from.toISOString() } };
}

/**
 * Starts the sweeps (the worker calls it once when it starts): queues the sweep of the current
 * slot, which queues the next. A chain already running has that key, or meets this one at the
 * next slot's, so two never run side by side for long.
 */
export async function startCheckinReminders(q: Queryable, now: Date): Promise<void> {
  await enqueueJob(q, sweepJob(slotStart(now)));
}

type Due = { studioId: string; scheduleId: string; clientId: string; dueOn: LocalDate; opensAt: Date };

/** The reminder of one check-in a client is asked, due when it opens. */
export function reminderJob(due: Due) {
  return {
    kind: CHECKIN_REMIND_JOB,
    key: `checkin-remind:${due.scheduleId}:${due.clientId}:${due.dueOn}`,
    runAt: due.opensAt,
    payload: { studioId: due.studioId, scheduleId: due.scheduleId, clientId: due.clientId, dueOn: due.dueOn },
  };
}

/** The check-ins of every studio (or of one) that open in [from, until). */
export async function checkinsOpeningBetween(q: Queryable, from: Date, until: Date, onlyStudioId?: string): Promise<Due[]> {
  // Studios with a live schedule: the sweep's only cross-studio read; each studio's are then read in its scope.
  const studios = onlyStudioId
    ? [{ studioId: onlyStudioId }]
    : await q.selectDistinct({ studioId: checkinSchedules.studioId }).from(checkinSchedules).where(isNull(checkinSchedules.endedAt));
  const out: Due[] = [];
  for (const { studioId } of studios) {
    for (const s of await schedulesInForce(q, studioId)) {
      // The client's days the window touches, a day either side for zones far from UTC.
      const first = addDays(localDateIn(from, s.timeZone), -1);
      const last = addDays(localDateIn(until, s.timeZone), 1);
      for (const o of dueOccurrences(s.timing, s.timeZone, first, last)) {
        if (o.opensAt >= from && o.opensAt < until) out.push({ studioId, scheduleId: s.scheduleId, clientId: s.clientId, dueOn: o.dueOn, opensAt: o.opensAt });
      }
    }
  }
  return out;
}

/**
 * The job: queue the reminders of the check-ins opening in this slot and the next sweep. A
 * sweep that runs late (the workers were stopped) covers everything up to the slot after now,
 * so no check-in falls between two sweeps.
 */
export async function checkinSweepJob(tx: Tx, payload: Record<string, unknown>, now: Date): Promise<void> {
  const given = new Date(String(payload.from));
  const from = Number.isNaN(given.getTime()) ? slotStart(now) : new Date(Math.max(given.getTime(), now.getTime() - MAX_LOOK_BACK_MS));
  const until = new Date(Math.max(from.getTime() + SWEEP_SLOT_MS, slotStart(now).getTime() + SWEEP_SLOT_MS));
  for (const due of await checkinsOpeningBetween(tx, from, until)) await enqueueJob(tx, reminderJob(due));
  await enqueueJob(tx, sweepJob(until));
}

/**
 * A schedule made (or a client added to a programme) after this slot's sweep ran: the check-ins
 * of the studio that open before the next sweep are queued now. Keys make it harmless to repeat.
 */
export async function queueRemindersBeforeNextSweep(q: Queryable, studioId: string, now: Date): Promise<void> {
  const nextSweep = new Date(slotStart(now).getTime() + SWEEP_SLOT_MS);
  for (const due of await checkinsOpeningBetween(q, now, nextSweep, studioId)) await enqueueJob(q, reminderJob(due));
}

/** The job: tell the client their check-in is open, unless it is answered, no longer asked or past answering. */
export async function checkinReminderJob(tx: Tx, payload: Record<string, unknown>, now: Date): Promise<void> {
  const studioId = String(payload.studioId);
  const clientId = String(payload.clientId);
  const dueOn = String(payload.dueOn);
  const asked = (await schedulesInForce(tx, studioId, { clientIds: [clientId] })).find((s) => s.scheduleId === payload.scheduleId);
  if (!asked) return;
  if (localDateIn(now, asked.timeZone) > answerableUntil(asked.timing.cadence, dueOn)) return;
  // Answered already (through this schedule or another that asked the same form that day).
  const [answered] = await tx
    .select({ id: checkinResponses.id })
    .from(checkinResponses)
    .where(inStudio(checkinResponses, studioId, eq(checkinResponses.clientId, clientId), eq(checkinResponses.formId, asked.formId), eq(checkinResponses.dueOn, dueOn)))
    .limit(1);
  if (answered) return;
  const [client] = await tx
    .select({ userId: clients.userId })
    .from(clients)
    .where(inStudio(clients, studioId, eq(clients.id, clientId), clientNotDeleted, sql`${clients.userId} is not null`))
    .limit(1);
  if (!client?.userId) return;
  await notify(tx, {
    studioId,
    userId: client.userId,
    kind: "checkin_due",
    title: asked.formTitle,
    body: asked.timing.cadence === "weekly" ? "Your weekly check-in is open: answer it on Today." : "Your check-in is open: a few taps on Today.",
    url: "/portal",
  });
}
