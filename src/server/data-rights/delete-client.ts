import { and, count, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { BillingProvider } from "@/server/billing/provider";
import { setCancelAtPeriodEnd } from "@/server/billing/service";
import { cancelBooking } from "@/server/booking/service";
import type { Db, Queryable, Tx } from "@/server/db/client";
import {
  assignments,
  assignmentVersions,
  authSessions,
  authTokens,
  bookings,
  calendarFeeds,
  checkinAnswers,
  checkinPainScores,
  checkinResponses,
  checkinSchedules,
  checkouts,
  clients,
  creditLedger,
  emailChanges,
  invoices,
  loginAttempts,
  outbox,
  staffInvites,
  packPurchases,
  practiceEntries,
  practiceSessions,
  runs,
  studioMembers,
  subscriptions,
  threads,
  notificationPreferences,
  notifications,
  pushSubscriptions,
  unlockEvents,
  unlockOverrides,
  users,
  videos,
} from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { DomainError, notFound } from "@/lib/errors";
import { passwordChangeKey } from "@/server/auth/change-password";
import { emailChangeRequestKey } from "@/server/auth/email-change";
import { resetRequestKey } from "@/server/auth/password-reset";
import { enqueueEmail } from "@/server/outbox/service";
import { anonymisedIdentity, isBookingToCancel, isDeletionConfirmed, isSubscriptionToStop } from "./rules";
import { coachOrOwner } from "@/server/messages/audience";
import { mediaStore } from "@/server/media/storage-select";
import { removeFilesOfRemovedVideo } from "@/server/media/videos";

// Deleting a client: by the owner, or by the client themselves from their account settings
// (the same rule either way, and then their coach is told). What goes and what stays:
// - Removed: everything the client logged or was prescribed (practice sessions with their
//   entries and the coach's reviews, runs, assignments and their versions, unlocks, their
//   check-ins and health questionnaire with every answer and pain score, the check-ins
//   scheduled for them, their conversation and the comments on their logs and check-ins). It is
//   health data (pain, where it hurt, notes) and the studio has no duty to keep it; an
//   "anonymous aggregate" of one person's daily values would still be that person, so
//   nothing of it is kept. Also removed: sign-in (password, links, throttling records,
//   signed-in devices), the calendar feed, and every email to them still in the outbox.
// - Anonymised and kept: the client row and login row ("Deleted client", an address that
//   cannot receive mail, sign-in disabled, every session ended), so the studio's books keep
//   their client: subscriptions, invoices, pack purchases, bookings and the credit ledger
//   stay, and revenue is what it was. Free text in them (sign-up details on checkouts, the
//   reasons typed for hand-given credits) is cleared.
// - Stopped: bookings still to come are cancelled, recorded as by whoever asked, at no cost
//   to the client (a credit goes back, a late one is not charged); a running subscription is set to end with its paid period, through the
//   billing provider, so nothing is charged again.
// The audit record is the client row's deleted_at, and deleted_by_member_id (the owner) or
// is_deleted_by_self (the client).

/** Who asked for the deletion: the owner (by their membership) or the client themselves. */
export type DeletionRequester = { by: "owner"; memberId: string } | { by: "client" };

async function loadClient(q: Queryable, studioId: string, clientId: string, options: { lock?: boolean } = {}) {
  const query = q.select().from(clients).where(inStudio(clients, studioId, eq(clients.id, clientId))).limit(1);
  const [client] = options.lock ? await query.for("update") : await query;
  if (!client) throw notFound("client");
  if (client.deletedAt) throw new DomainError("CONFLICT", "This client has already been deleted; there is nothing left to remove.");
  return client;
}

/** What deleting the client would remove, stop and keep: shown to the owner before they confirm. */
export async function deletionPreview(q: Queryable, studioId: string, clientId: string, now: Date) {
  const client = await loadClient(q, studioId, clientId);
  const countOf = async (table: typeof practiceSessions | typeof runs | typeof invoices | typeof packPurchases | typeof checkinResponses) =>
    (await q.select({ n: count() }).from(table).where(inStudio(table, studioId, eq(table.clientId, clientId))))[0]?.n ?? 0;
  const upcoming = await q
    .select({ n: count() })
    .from(bookings)
    .where(inStudio(bookings, studioId, eq(bookings.clientId, clientId), eq(bookings.status, "confirmed"), gt(bookings.startsAt, now)));
  const subs = await q.select().from(subscriptions).where(inStudio(subscriptions, studioId, eq(subscriptions.clientId, clientId)));
  return {
    clientId: client.id,
    name: client.name,
    sessions: await countOf(practiceSessions),
    runs: await countOf(runs),
    /** Check-ins and the health questionnaire answered. */
    checkins: await countOf(checkinResponses),
    upcomingBookings: upcoming[0]?.n ?? 0,
    subscriptionsToStop: subs.filter(isSubscriptionToStop).length,
    payments: (await countOf(invoices)) + (await countOf(packPurchases)),
  };
}

/**
 * Deletes a client: in one transaction, removes their personal data and anonymises what the
 * studio's books need (see the rule above). The subscription is stopped first, through the
 * provider, because that call cannot join the transaction: if the deletion then fails, the
 * owner retries and the subscription simply stays set to end; the other way round, a
 * failed call would leave a deleted person still being billed.
 */
export async function deleteClient(
  db: Db,
  provider: () => BillingProvider | Promise<BillingProvider>,
  input: { studioId: string; requestedBy: DeletionRequester; clientId: string; confirmName: string; now: Date },
) {
  const client = await loadClient(db, input.studioId, input.clientId);
  if (!isDeletionConfirmed(client.name, input.confirmName)) {
    const whose = input.requestedBy.by === "client" ? "your name" : "the client's name";
    throw new DomainError("BAD_REQUEST", `Type ${whose}, ${client.name}, exactly as shown to confirm.`, "confirmName");
  }
  const running = (await db.select().from(subscriptions).where(inStudio(subscriptions, input.studioId, eq(subscriptions.clientId, client.id)))).filter(isSubscriptionToStop);
  for (const sub of running) {
    await setCancelAtPeriodEnd(db, await provider(), { studioId: input.studioId, clientId: client.id, subscriptionId: sub.id, cancelAtPeriodEnd: true });
  }
  const deleted = await db.transaction(async (tx) => {
    // Locked and checked again: of two owners deleting at once, the second is told it is done.
    const locked = await loadClient(tx, input.studioId, client.id, { lock: true });
    // The bookings say who asked (the owner, or the client themselves); the client loses nothing either way.
    const actor = input.requestedBy.by === "owner" ? { by: "trainer" as const, memberId: input.requestedBy.memberId } : { by: "client" as const, clientId: locked.id };
    const cancelled = await cancelUpcomingBookings(tx, input.studioId, actor, locked.id, input.now);
    const removedVideos = await tx.delete(videos).where(inStudio(videos, input.studioId, eq(videos.clientId, locked.id))).returning({ id: videos.id });
    await removePracticeData(tx, input.studioId, locked.id);
    await removeCheckins(tx, input.studioId, locked.id);
    await removeSignIn(tx, input.studioId, locked);
    await clearFreeText(tx, input.studioId, locked);
    const anonymous = anonymisedIdentity(locked.id);
    if (locked.userId) {
      await tx
        .update(users)
        .set({ ...anonymous, passwordHash: null, timeZone: "UTC", disabledAt: input.now, sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, locked.userId));
    }
    await tx
      .update(clients)
      .set({
        ...anonymous,
        status: "archived",
        deletedAt: input.now,
        deletedByMemberId: input.requestedBy.by === "owner" ? input.requestedBy.memberId : null,
        isDeletedBySelf: input.requestedBy.by === "client",
      })
      .where(inStudio(clients, input.studioId, eq(clients.id, locked.id)));
    // After the client's own mail is removed: this email is the coach's.
    if (input.requestedBy.by === "client") await tellCoachOfSelfDeletion(tx, input.studioId, locked);
    return { removedVideos, result: { clientId: locked.id, deletedAt: input.now, cancelledBookings: cancelled, stoppedSubscriptions: running.length } };
  });
  // The videos' files, once their rows are gone for good.
  for (const { id } of deleted.removedVideos) await removeFilesOfRemovedVideo(mediaStore(), input.studioId, id);
  return deleted.result;
}

// The studio waives its cancellation window, so the client loses nothing: a credit-priced
// booking's credit is refunded, a late one costs nothing.
async function cancelUpcomingBookings(
  tx: Tx,
  studioId: string,
  actor: { by: "trainer"; memberId: string } | { by: "client"; clientId: string },
  clientId: string,
  now: Date,
): Promise<number> {
  const rows = await tx.select().from(bookings).where(inStudio(bookings, studioId, eq(bookings.clientId, clientId), eq(bookings.status, "confirmed")));
  const toCancel = rows.filter((b) => isBookingToCancel(b, now));
  for (const booking of toCancel) {
    // A savepoint inside this transaction (a Tx is a Db to drizzle): the booking rules run unchanged.
    await cancelBooking(tx as unknown as Db, { studioId, bookingId: booking.id, actor, now, isPolicyWaived: true });
  }
  return toCancel.length;
}

async function removePracticeData(tx: Tx, studioId: string, clientId: string) {
  // Their conversation and the comments on their logs and check-ins, with every message (the trainers' too: it
  // was a conversation about this client) and who read how far.
  await tx.delete(threads).where(inStudio(threads, studioId, eq(threads.clientId, clientId)));
  // Entries before sessions (they point at sessions and at assignment versions); reviews go with their session.
  await tx.delete(practiceEntries).where(inStudio(practiceEntries, studioId, eq(practiceEntries.clientId, clientId)));
  await tx.delete(practiceSessions).where(inStudio(practiceSessions, studioId, eq(practiceSessions.clientId, clientId)));
  await tx.delete(runs).where(inStudio(runs, studioId, eq(runs.clientId, clientId)));
  await tx.delete(unlockEvents).where(inStudio(unlockEvents, studioId, eq(unlockEvents.clientId, clientId)));
  await tx.delete(unlockOverrides).where(inStudio(unlockOverrides, studioId, eq(unlockOverrides.clientId, clientId)));
  const owned = tx.select({ id: assignments.id }).from(assignments).where(inStudio(assignments, studioId, eq(assignments.clientId, clientId)));
  await tx.delete(assignmentVersions).where(inStudio(assignmentVersions, studioId, inArray(assignmentVersions.assignmentId, owned)));
  await tx.delete(assignments).where(inStudio(assignments, studioId, eq(assignments.clientId, clientId)));
}

// The client row is anonymised, not deleted, so the cascades from clients never fire: each table
// is emptied here, children first. The comments on their check-ins went with their threads
// (removePracticeData, before this: a check-in thread points at its response).
async function removeCheckins(tx: Tx, studioId: string, clientId: string) {
  const answered = tx.select({ id: checkinResponses.id }).from(checkinResponses).where(inStudio(checkinResponses, studioId, eq(checkinResponses.clientId, clientId)));
  await tx.delete(checkinPainScores).where(inStudio(checkinPainScores, studioId, eq(checkinPainScores.clientId, clientId)));
  await tx.delete(checkinAnswers).where(inStudio(checkinAnswers, studioId, inArray(checkinAnswers.responseId, answered)));
  await tx.delete(checkinResponses).where(inStudio(checkinResponses, studioId, eq(checkinResponses.clientId, clientId)));
  // Their own schedules (after the responses that point at them); a programme's stay, it asks the programme's other clients.
  await tx.delete(checkinSchedules).where(inStudio(checkinSchedules, studioId, eq(checkinSchedules.clientId, clientId)));
}

async function removeSignIn(tx: Tx, studioId: string, client: typeof clients.$inferSelect) {
  await tx
    .delete(authTokens)
    .where(or(client.userId ? eq(authTokens.userId, client.userId) : undefined, and(eq(authTokens.purpose, "invite"), eq(authTokens.subjectId, client.id))));
  // Their signed-in devices (browser, address, times) go too; the account is signed out everywhere.
  if (client.userId) await tx.delete(authSessions).where(eq(authSessions.userId, client.userId));
  // Their devices stop receiving push; what they were told, and their switches, go too.
  if (client.userId) {
    await tx.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, client.userId));
    await tx.delete(notifications).where(eq(notifications.userId, client.userId));
    await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, client.userId));
  }
  const [user] = client.userId ? await tx.select({ email: users.email }).from(users).where(eq(users.id, client.userId)) : [];
  // An address they asked to move to is theirs too (its confirmation link is in the outbox).
  const [moving] = client.userId ? await tx.select({ email: emailChanges.newEmail }).from(emailChanges).where(eq(emailChanges.userId, client.userId)) : [];
  const emails = [...new Set([client.email, ...(user ? [user.email] : []), ...(moving ? [moving.email] : [])])];
  // The throttle's keys that name the person (their sign-ins, link and reset requests, address
  // and password changes); per-address keys name no one.
  const keys = [
    ...emails.flatMap((email) => [`account:${email}`, `magic:${email}`, resetRequestKey(email)]),
    ...(client.userId ? [emailChangeRequestKey(client.userId), passwordChangeKey(client.userId)] : []),
  ];
  await tx.delete(loginAttempts).where(inArray(loginAttempts.key, keys));
  if (client.userId) await tx.delete(emailChanges).where(eq(emailChanges.userId, client.userId));
  await tx.delete(calendarFeeds).where(inStudio(calendarFeeds, studioId, eq(calendarFeeds.clientId, client.id)));
  // Sent or not, an email to them is their data (it includes the cancellations just queued).
  await tx.delete(outbox).where(inStudio(outbox, studioId, inArray(outbox.toEmail, emails)));
  // An invite to coach here sent to their address before it was a client's (it can never be accepted now).
  await tx.delete(staffInvites).where(inStudio(staffInvites, studioId, inArray(staffInvites.email, emails)));
}

async function clearFreeText(tx: Tx, studioId: string, client: typeof clients.$inferSelect) {
  await tx
    .update(checkouts)
    .set({ signupName: null, signupEmail: null, signupPasswordHash: null, signupTimeZone: null, signInTokenHash: null })
    .where(inStudio(checkouts, studioId, or(eq(checkouts.clientId, client.id), and(isNull(checkouts.clientId), eq(checkouts.signupEmail, client.email)))));
  await tx
    .update(creditLedger)
    .set({ reason: "Credits given by the studio" })
    .where(inStudio(creditLedger, studioId, eq(creditLedger.clientId, client.id), eq(creditLedger.kind, "grant")));
}

/** The coach (and the owner, when that is someone else) learns that a client deleted their account. */
async function tellCoachOfSelfDeletion(tx: Tx, studioId: string, client: typeof clients.$inferSelect) {
  const staff = await tx
    .select({ email: users.email, name: users.name, memberId: studioMembers.id, role: studioMembers.role })
    .from(studioMembers)
    .innerJoin(users, eq(users.id, studioMembers.userId))
    .where(inStudio(studioMembers, studioId, coachOrOwner(client.coachId)));
  for (const member of staff) {
    const isCoach = member.memberId === client.coachId;
    await enqueueEmail(tx, {
      studioId,
      kind: "client_deleted_account",
      to: member.email,
      subject: `${client.name} deleted their Stride account`,
      text: `Hi ${member.name},\n\n${client.name}${isCoach ? ", whom you coach," : ""} has deleted their Stride account. As with a deletion by the owner, everything they logged is removed, their upcoming bookings are cancelled with any credit returned, and a running subscription ends with the period already paid. Their payments stay in the studio's books as "Deleted client".\n\nThere is nothing you need to do.`,
    });
  }
}
