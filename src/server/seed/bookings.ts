import { DateTime } from "luxon";
import { bookSession, listSlots } from "@/server/booking/service";
import { saveSessionType, setWeeklyAvailability } from "@/server/booking/settings";
import type { Db } from "@/server/db/client";
import { grantCredits, spendCredit } from "@/server/credits/service";
import { bookings } from "@/server/db/schema";
import type { SeededStudio } from "./studio";

const week = (days: number[], start: string, end: string) => days.map((weekday) => ({ weekday, start, end }));

/**
 * Bookings in the demo: Morgan's two session types and weekly hours (London), Priya's and
 * Tom's (New York), credits for Morgan's clients, and a few sessions booked in the coming
 * days plus one last week already attended, so the calendar and the portal have something to show.
 */
export async function seedBookings(db: Db, studio: SeededStudio, now = new Date()): Promise<void> {
  const { studioId } = studio;
  const member = (email: string) => studio.memberIdByEmail.get(email)!;
  const client = (email: string) => studio.clientIdByEmail.get(email)!;
  const morgan = member("morgan@stride.test");

  await setWeeklyAvailability(db, studioId, morgan, {
    timeZone: "Europe/London",
    weekly: [...week([1, 2, 3, 4, 5], "07:00", "12:00"), ...week([1, 2, 3, 4], "16:00", "20:00"), ...week([6], "08:00", "12:00")],
  });
  const technique = await saveSessionType(db, studioId, morgan, {
    name: "1:1 run technique session",
    durationMinutes: 60,
    location: "Victoria Park running track, London E9",
    price: { kind: "credits", credits: 1 },
    bufferAfterMinutes: 15,
    minNoticeMinutes: 12 * 60,
    maxDaysAhead: 56,
    cancelFreeUntilHours: 24,
  });
  await saveSessionType(db, studioId, morgan, {
    name: "Video form check",
    durationMinutes: 30,
    onlineUrl: "https://meet.stride.test/morgan-form-check",
    price: { kind: "money", amountMinor: 4000, currency: "GBP" },
    bufferAfterMinutes: 0,
    minNoticeMinutes: 2 * 60,
    maxDaysAhead: 28,
    cancelFreeUntilHours: 24,
  });

  const priya = member("priya@stride.test");
  await setWeeklyAvailability(db, studioId, priya, { timeZone: "Europe/London", weekly: week([1, 3, 5], "12:00", "18:00") });
  await saveSessionType(db, studioId, priya, {
    name: "Strength for runners",
    durationMinutes: 45,
    location: "Studio 1, 12 Mare Street, London E8",
    price: { kind: "credits", credits: 1 },
    bufferAfterMinutes: 15,
    minNoticeMinutes: 24 * 60,
    maxDaysAhead: 42,
    cancelFreeUntilHours: 24,
  });

  const tom = member("tom@stride.test");
  await setWeeklyAvailability(db, studioId, tom, { timeZone: "America/New_York", weekly: week([2, 4], "09:00", "17:00") });
  await saveSessionType(db, studioId, tom, {
    name: "Remote run review",
    durationMinutes: 30,
    onlineUrl: "https://meet.stride.test/tom-run-review",
    price: { kind: "money", amountMinor: 3500, currency: "USD" },
    bufferAfterMinutes: 10,
    minNoticeMinutes: 6 * 60,
    maxDaysAhead: 28,
    cancelFreeUntilHours: 12,
  });

  const credits: [string, number][] = [
    ["alex@stride.test", 5],
    ["bea@stride.test", 3],
    ["chidi@stride.test", 2],
    ["dana@stride.test", 4],
    ["eli@stride.test", 3],
    ["fran@stride.test", 5],
    ["gus@stride.test", 4],
  ];
  for (const [email, amount] of credits) {
    await db.transaction((tx) => grantCredits(tx, { studioId, clientId: client(email), amount, reason: "Welcome pack", memberId: morgan }));
  }

  // A few sessions in the coming days, at times Morgan really offers.
  const { slots } = await listSlots(db, { studioId, sessionTypeId: technique.id, now, from: now, to: DateTime.fromJSDate(now).plus({ days: 14 }).toJSDate() });
  const picks: [string, number][] = [
    ["alex@stride.test", 2],
    ["bea@stride.test", 9],
    ["chidi@stride.test", 17],
    ["alex@stride.test", 30],
  ];
  for (const [email, index] of picks) {
    const slot = slots[index];
    if (!slot) continue;
    await bookSession(db, { studioId, sessionTypeId: technique.id, clientId: client(email), start: slot.start, now, actor: { by: "trainer", memberId: morgan } });
  }

  // Last week's session with Bea, already attended (written directly: the rules refuse the past).
  const start = DateTime.fromJSDate(now, { zone: "Europe/London" }).minus({ days: 6 }).set({ hour: 8, minute: 0, second: 0, millisecond: 0 });
  const end = start.plus({ minutes: 60 });
  await db.transaction(async (tx) => {
    const [past] = await tx.insert(bookings).values({
    studioId,
    memberId: morgan,
    clientId: client("bea@stride.test"),
    sessionTypeId: technique.id,
    startsAt: start.toJSDate(),
    endsAt: end.toJSDate(),
    bufferAfterMinutes: 15,
    blocked: `[${start.toUTC().toISO()},${end.plus({ minutes: 15 }).toUTC().toISO()})`,
    status: "attended",
    priceKind: "credits",
    priceCredits: 1,
    cancelFreeUntilHours: 24,
    bookedByMemberId: morgan,
    }).returning();
    await spendCredit(tx, { studioId, clientId: past!.clientId, bookingId: past!.id, reason: "Booked 1:1 run technique session", reader: { kind: "client" } });
  });
}
