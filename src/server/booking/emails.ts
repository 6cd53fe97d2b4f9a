import { eq } from "drizzle-orm";
import { usableZone } from "@/lib/time-zones";
import type { Queryable, Tx } from "@/server/db/client";
import { bookings, clients, sessionTypes, studioMembers, users, type Booking } from "@/server/db/schema";
import { clientNotDeleted, inStudio } from "@/server/db/tenancy";
import { notify } from "@/server/notifications/notify";
import { enqueueEmail } from "@/server/outbox/service";
import { describePolicyAtBooking, type CancellationOutcome } from "./cancellation";
import { formatMinutes, formatWhen } from "@/lib/time-wording";
import { type BookingCalendarEvent, buildBookingInvite } from "./ics";
import { planReminder, type ReminderPlan } from "./reminders";
import { priceOf } from "./settings";

// The emails a booking sends, each written to the outbox in the booking's transaction:
// confirmation / change / cancellation to the client with an .ics (REQUEST or CANCEL, same
// UID, SEQUENCE = version, so calendar apps update the one event), a note to the trainer,
// and the reminder (reminders.ts says when; the confirmation says when too).

export const REMINDER_JOB = "booking.reminder";

/** The reminder of this version of a booking, due at `runAt`. */
export function reminderJob(booking: Pick<Booking, "id" | "version">, runAt: Date) {
  return {
    key: `booking-reminder:${booking.id}:v${booking.version}`,
    runAt,
    payload: { bookingId: booking.id, version: booking.version },
  };
}

function reminderLine(plan: ReminderPlan, booking: Booking, timeZone: string, now: Date): string {
  if (plan.at) return `We will send you a reminder at ${formatWhen(plan.at, timeZone, now)}.`;
  return `It starts in ${formatMinutes(Math.max(0, Math.round((booking.startsAt.getTime() - now.getTime()) / 60_000)))}, so this email is your reminder.`;
}

const trainerUser = users;

/** Who a booking's emails are for; null once the client is deleted (they are mailed nothing more). */
async function loadEmailContext(q: Queryable, booking: Booking) {
  const [type] = await q.select().from(sessionTypes).where(eq(sessionTypes.id, booking.sessionTypeId));
  const [client] = await q
    .select({ name: clients.name, email: clients.email, userId: clients.userId, timeZone: users.timeZone })
    .from(clients)
    .leftJoin(users, eq(users.id, clients.userId))
    .where(inStudio(clients, booking.studioId, eq(clients.id, booking.clientId), clientNotDeleted));
  if (!client) return null;
  const [trainer] = await q
    .select({ name: trainerUser.name, email: trainerUser.email, timeZone: trainerUser.timeZone })
    .from(studioMembers)
    .innerJoin(trainerUser, eq(trainerUser.id, studioMembers.userId))
    .where(inStudio(studioMembers, booking.studioId, eq(studioMembers.id, booking.memberId)));
  // A client without an account yet has no zone of their own: their emails read in the trainer's.
  return { type: type!, client: { ...client, timeZone: usableZone(client.timeZone ?? trainer!.timeZone) }, trainer: { ...trainer!, timeZone: usableZone(trainer!.timeZone) } };
}

export function calendarEventOf(
  booking: Pick<Booking, "id" | "version" | "startsAt" | "endsAt" | "status" | "updatedAt">,
  details: { sessionName: string; withName: string; location: string | null; onlineUrl: string | null },
): BookingCalendarEvent {
  return {
    id: booking.id,
    version: booking.version,
    start: booking.startsAt,
    end: booking.endsAt,
    status: booking.status === "cancelled" ? "cancelled" : "confirmed",
    summary: `${details.sessionName} with ${details.withName}`,
    location: details.location ?? undefined,
    onlineUrl: details.onlineUrl ?? undefined,
    updatedAt: booking.updatedAt,
  };
}

function whereLine(type: { location: string | null; onlineUrl: string | null }) {
  if (type.location) return `Where: ${type.location}`;
  if (type.onlineUrl) return `Online: ${type.onlineUrl}`;
  return null;
}

/**
 * Writes a booking's emails to the outbox; for a booking made or moved, also says when its
 * reminder goes out (in the client's zone), which the caller queues.
 */
export async function queueBookingEmail(tx: Tx, booking: Booking, change: "confirmed" | "rescheduled" | "cancelled", now: Date, lateCost?: CancellationOutcome): Promise<ReminderPlan> {
  const context = await loadEmailContext(tx, booking);
  if (!context) return { at: null, kind: "none" };
  const { type, client, trainer } = context;
  const reminder: ReminderPlan = change === "cancelled" ? { at: null, kind: "none" } : planReminder({ start: booking.startsAt, bookedAt: now, timeZone: client.timeZone });
  const when = formatWhen(booking.startsAt, client.timeZone, now);
  const length = formatMinutes(Math.round((booking.endsAt.getTime() - booking.startsAt.getTime()) / 60_000));
  const ics = buildBookingInvite({
    booking: calendarEventOf(booking, { sessionName: type.name, withName: trainer.name, location: type.location, onlineUrl: type.onlineUrl }),
    now,
    organizer: { name: trainer.name, email: trainer.email },
    attendee: { name: client.name, email: client.email },
  });
  const subject = {
    confirmed: `Booked: ${type.name} at ${when}`,
    rescheduled: `Moved: ${type.name} is now at ${when}`,
    cancelled: `Cancelled: ${type.name} at ${when}`,
  }[change];
  const opening = {
    confirmed: `Your ${type.name} with ${trainer.name} is booked for ${when} (${client.timeZone} time, ${length}).`,
    rescheduled: `Your ${type.name} with ${trainer.name} has moved to ${when} (${client.timeZone} time, ${length}).`,
    cancelled: `Your ${type.name} with ${trainer.name} at ${when} (${client.timeZone} time) is cancelled.`,
  }[change];
  const policy =
    change === "cancelled"
      ? lateCost
        ? lateCost.consequence === "charge"
          ? `${lateCost.message} Your studio will collect it with your next payment.`
          : lateCost.message
        : null
      : describePolicyAtBooking({ bookingStart: booking.startsAt, now, freeUntilHours: booking.cancelFreeUntilHours, price: priceOf(booking), timeZone: client.timeZone });
  const reminderText = change === "cancelled" ? null : reminderLine(reminder, booking, client.timeZone, now);
  const text = [`Hi ${client.name.split(" ")[0]},`, opening, whereLine(type), policy, reminderText, "The attached calendar file adds it to (or removes it from) your calendar."]
    .filter(Boolean)
    .join("\n\n");
  await enqueueEmail(tx, {
    studioId: booking.studioId,
    kind: `booking_${change}`,
    to: client.email,
    subject,
    text,
    attachments: [
      {
        filename: change === "cancelled" ? "cancel.ics" : "invite.ics",
        contentType: `text/calendar; charset=utf-8; method=${change === "cancelled" ? "CANCEL" : "REQUEST"}`,
        content: ics,
      },
    ],
  });
  if (booking.bookedByMemberId && change === "confirmed") return reminder;
  const trainerWhen = formatWhen(booking.startsAt, trainer.timeZone, now);
  await enqueueEmail(tx, {
    studioId: booking.studioId,
    kind: `booking_${change}_trainer`,
    to: trainer.email,
    subject: `${client.name}: ${type.name} ${change} (${trainerWhen})`,
    text: `${client.name}'s ${type.name} at ${trainerWhen} (${trainer.timeZone} time) is ${change}.`,
  });
  return reminder;
}

/**
 * The reminder job: before a booking that still stands, for the version it was queued for, to
 * a client who is still there. The booking is read under a share lock, so a deletion of the
 * client running at the same instant waits for this transaction (its cancelling locks the
 * booking) and then removes the reminder with the client's other mail; or, having gone
 * first, leaves the booking cancelled and the client deleted, and nothing is sent.
 */
export async function sendBookingReminder(tx: Tx, payload: Record<string, unknown>, now: Date) {
  const [booking] = await tx.select().from(bookings).where(eq(bookings.id, String(payload.bookingId))).for("share");
  // Cancelled or moved since (a move queues its own reminder), or already started: nothing to send.
  if (!booking || booking.status !== "confirmed" || booking.version !== payload.version || booking.startsAt.getTime() <= now.getTime()) return;
  const context = await loadEmailContext(tx, booking);
  if (!context) return;
  const { type, client, trainer } = context;
  const when = formatWhen(booking.startsAt, client.timeZone, now);
  await enqueueEmail(tx, {
    studioId: booking.studioId,
    kind: "booking_reminder",
    to: client.email,
    subject: `Reminder: ${type.name} at ${when}`,
    text: [`Hi ${client.name.split(" ")[0]},`, `A reminder: your ${type.name} with ${trainer.name} is at ${when} (${client.timeZone} time).`, whereLine(type)]
      .filter(Boolean)
      .join("\n\n"),
  });
  // And on their phone, when they allow it (one that reaches no device is listed in the digest too).
  if (client.userId) {
    await notify(tx, { studioId: booking.studioId, userId: client.userId, kind: "booking_reminder", title: `${type.name} at ${when}`, body: `With ${trainer.name}.`, url: "/portal/sessions" });
  }
}
