import { getClient, listCoaches } from "@/server/clients/service";
import type { ClientScope } from "@/lib/client-visibility";
import type { Queryable } from "@/server/db/client";
import { notFound } from "@/lib/errors";
import { listCalendar, listClientBookings, listSlots } from "./service";
import { localDateIn } from "@/lib/local-date";
import { groupSlotsByLocalDate, localDateRange } from "./views";

// What is on, for a reader in their own zone: the range of local dates asked for (from today
// by default) turned into instants, and the answer grouped back into that reader's days.

type Reader = { timeZone: string; now: Date };

/**
 * One trainer's calendar: their own, or a colleague's (`memberId`); a trainer of another
 * studio is "not found", like any other studio's row. A reader kept to the clients they coach
 * (`clientScope`) sees every booking of their own, and only those of their clients on a colleague's.
 */
export async function trainerCalendar(q: Queryable, input: Reader & { studioId: string; memberId: string; clientScope?: ClientScope; from?: string; days: number }) {
  const trainers = await listCoaches(q, input.studioId);
  if (!trainers.some((t) => t.id === input.memberId)) throw notFound("trainer");
  const from = input.from ?? localDateIn(input.now, input.timeZone);
  const range = localDateRange(from, input.days, input.timeZone);
  const bookings = await listCalendar(q, { studioId: input.studioId, ...range, memberIds: [input.memberId], clientScope: input.memberId === input.clientScope ? null : input.clientScope });
  return { timeZone: input.timeZone, from, memberId: input.memberId, trainers, bookings };
}

/** The open times of a session type over the reader's local days. */
export async function openTimesByDay(q: Queryable, input: Reader & { studioId: string; sessionTypeId: string; from?: string; days: number }) {
  const from = input.from ?? localDateIn(input.now, input.timeZone);
  const range = localDateRange(from, input.days, input.timeZone);
  const { slots } = await listSlots(q, { studioId: input.studioId, sessionTypeId: input.sessionTypeId, now: input.now, ...range });
  return { timeZone: input.timeZone, from, days: groupSlotsByLocalDate(slots, input.timeZone) };
}

/** A client's sessions (upcoming, then the recent past) for a trainer of their studio. */
export async function clientSchedule(q: Queryable, input: Reader & { studioId: string; clientId: string }) {
  await getClient(q, input.studioId, input.clientId);
  return { timeZone: input.timeZone, ...(await listClientBookings(q, { studioId: input.studioId, clientId: input.clientId, now: input.now })) };
}
