import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { DateTime } from "luxon";
import { distanceNumber } from "@/lib/distance-units";
import { minorToDecimalString } from "@/lib/money";
import type { Queryable } from "@/server/db/client";
import {
  assignments,
  authSessions,
  assignmentVersions,
  bookings,
  checkinAnswers,
  checkinForms,
  checkinQuestions,
  checkinResponses,
  checkinSchedules,
  clients,
  creditLedger,
  drills,
  invoices,
  messagePhotos,
  messages,
  notificationPreferences,
  notifications,
  packPurchases,
  plans,
  practiceEntries,
  practiceSessions,
  programs,
  runReviews,
  runs,
  sessionReviews,
  sessionTypes,
  studioMembers,
  subscriptions,
  threads,
  unlockEvents,
  unlockOverrides,
  users,
} from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { WEEKDAY_LABELS, type PainScore } from "@/lib/checkins/vocabulary";
import { answerAsText } from "./answer-text";
import { isoInstant } from "./csv";
import { photoFileName } from "./photo-files";
import { runFileName } from "./run-files";
import type { ExportClient } from "./scope";

// The CSV files of an export. Every query is scoped twice: to the studio (inStudio) and to
// the export's clients (client_id in the scope), so an owner, a trainer and a client each
// get exactly their rows. Instants are ISO 8601 in UTC; where the client's day matters a
// second column gives the time on the client's own clock, with the zone beside it. Money is
// integer minor units plus the currency, with the exact decimal amount for people.

export type FileContext = { q: Queryable; studioId: string; clients: readonly ExportClient[] };
export type ExportFile = { name: string; header: readonly string[]; rows: (ctx: FileContext) => AsyncIterable<unknown[][]> };

/** Clients per query: one query per file and chunk keeps memory flat however many clients. */
const CLIENTS_PER_QUERY = 25;

const utc = (date: Date | null) => (date ? isoInstant(date) : null);
const local = (date: Date | null, zone: string) => (date ? DateTime.fromJSDate(date, { zone }).set({ millisecond: 0 }).toISO({ suppressMilliseconds: true }) : null);
const yesNo = (value: boolean) => (value ? "yes" : "no");
const amount = (minor: number | null, currency: string | null) => (minor === null || currency === null ? null : minorToDecimalString(minor, currency));

/** Runs `query` for each chunk of the export's clients and yields its rows as CSV values. */
function perClients<T>(query: (ctx: FileContext, ids: string[]) => Promise<T[]>, toValues: (row: T, zoneOf: (clientId: string) => string) => unknown[]) {
  return async function* (ctx: FileContext): AsyncIterable<unknown[][]> {
    const zones = new Map(ctx.clients.map((c) => [c.id, c.timeZone]));
    const zoneOf = (clientId: string) => zones.get(clientId) ?? "UTC";
    for (let i = 0; i < ctx.clients.length; i += CLIENTS_PER_QUERY) {
      const ids = ctx.clients.slice(i, i + CLIENTS_PER_QUERY).map((c) => c.id);
      const rows = await query(ctx, ids);
      if (rows.length) yield rows.map((r) => toValues(r, zoneOf));
    }
  };
}

const changedBy = alias(users, "changed_by");
const author = alias(users, "author");
const reviewer = alias(users, "reviewer");
const trainerUser = alias(users, "trainer_user");
const reviewerMember = alias(studioMembers, "reviewer_member");

const clientsFile: ExportFile = {
  name: "clients.csv",
  header: ["client_id", "name", "email", "status", "coach", "time_zone", "joined_at_utc", "deleted_at_utc"],
  async *rows(ctx) {
    yield ctx.clients.map((c) => [c.id, c.name, c.email, c.status, c.coachName, c.timeZone, utc(c.joinedAt), utc(c.deletedAt)]);
  },
};

/** The client's own export: their profile instead of the studio's client list. */
const profileFile: ExportFile = {
  name: "profile.csv",
  header: ["client_id", "name", "email", "status", "coach", "time_zone", "joined_at_utc", "account_created_at_utc"],
  async *rows(ctx) {
    yield ctx.clients.map((c) => [c.id, c.name, c.email, c.status, c.coachName, c.timeZone, utc(c.joinedAt), utc(c.accountCreatedAt)]);
  },
};

const assignmentsFile: ExportFile = {
  name: "assignments.csv",
  header: ["assignment_id", "client_id", "drill", "status", "current_version", "program", "assigned_at_utc"],
  rows: perClients(
    ({ q, studioId }, ids) =>
      q
        .select({ a: assignments, drill: drills.name, program: programs.name })
        .from(assignments)
        .innerJoin(drills, and(eq(drills.studioId, assignments.studioId), eq(drills.id, assignments.drillId)))
        .leftJoin(programs, and(eq(programs.studioId, assignments.studioId), eq(programs.id, assignments.programId)))
        .where(inStudio(assignments, studioId, inArray(assignments.clientId, ids)))
        .orderBy(asc(assignments.clientId), asc(assignments.createdAt), asc(assignments.id)),
    ({ a, drill, program }) => [a.id, a.clientId, drill, a.status, a.version, program, utc(a.createdAt)],
  ),
};

const versionsFile: ExportFile = {
  name: "assignment-versions.csv",
  header: [
    "assignment_id",
    "client_id",
    "drill",
    "version",
    "action",
    "status",
    "sets",
    "target_per_side",
    "rep_min",
    "rep_max",
    "daily",
    "before_run",
    "start_date",
    "end_date",
    "notes",
    "changed_by",
    "changed_at_utc",
  ],
  rows: perClients(
    ({ q, studioId }, ids) =>
      q
        .select({ v: assignmentVersions, clientId: assignments.clientId, drill: drills.name, changedBy: changedBy.name })
        .from(assignmentVersions)
        .innerJoin(assignments, and(eq(assignments.studioId, assignmentVersions.studioId), eq(assignments.id, assignmentVersions.assignmentId)))
        .innerJoin(drills, and(eq(drills.studioId, assignments.studioId), eq(drills.id, assignments.drillId)))
        .leftJoin(studioMembers, eq(studioMembers.id, assignmentVersions.changedByMemberId))
        .leftJoin(changedBy, eq(changedBy.id, studioMembers.userId))
        .where(inStudio(assignmentVersions, studioId, inArray(assignments.clientId, ids)))
        .orderBy(asc(assignments.clientId), asc(assignmentVersions.assignmentId), asc(assignmentVersions.version)),
    ({ v, clientId, drill, changedBy }) => [
      v.assignmentId,
      clientId,
      drill,
      v.version,
      v.action,
      v.status,
      v.sets,
      v.targetPerSide,
      v.repMin,
      v.repMax,
      yesNo(v.daily),
      yesNo(v.beforeRun),
      v.startDate,
      v.endDate,
      v.notes,
      changedBy,
      utc(v.createdAt),
    ],
  ),
};

const sessionsFile: ExportFile = {
  name: "sessions.csv",
  header: [
    "session_id",
    "client_id",
    "performed_at_utc",
    "performed_at_local",
    "time_zone",
    "local_date",
    "context",
    "run_id",
    "effort",
    "pain",
    "pain_where",
    "note",
    "reviewed_by",
    "review_feedback",
    "reviewed_at_utc",
    "edited_after_review_at_utc",
  ],
  rows: perClients(
    ({ q, studioId }, ids) =>
      q
        .select({ s: practiceSessions, review: sessionReviews, reviewer: reviewer.name })
        .from(practiceSessions)
        .leftJoin(sessionReviews, and(eq(sessionReviews.studioId, practiceSessions.studioId), eq(sessionReviews.sessionId, practiceSessions.id)))
        .leftJoin(reviewerMember, eq(reviewerMember.id, sessionReviews.reviewedByMemberId))
        .leftJoin(reviewer, eq(reviewer.id, reviewerMember.userId))
        .where(inStudio(practiceSessions, studioId, inArray(practiceSessions.clientId, ids)))
        .orderBy(asc(practiceSessions.clientId), asc(practiceSessions.performedAt), asc(practiceSessions.id)),
    ({ s, review, reviewer }, zoneOf) => [
      s.id,
      s.clientId,
      utc(s.performedAt),
      local(s.performedAt, zoneOf(s.clientId)),
      zoneOf(s.clientId),
      s.localDate,
      s.context,
      s.runId,
      s.effort,
      yesNo(s.hasPain),
      s.painWhere,
      s.note,
      reviewer,
      review?.feedback ?? null,
      utc(review?.updatedAt ?? null),
      utc(review?.sessionEditedAt ?? null),
    ],
  ),
};

const entriesFile: ExportFile = {
  name: "entries.csv",
  header: ["session_id", "client_id", "local_date", "drill", "measure", "set", "side", "value", "contact_feel", "note"],
  rows: perClients(
    ({ q, studioId }, ids) =>
      q
        .select({ e: practiceEntries, drill: drills.name, measure: drills.measure })
        .from(practiceEntries)
        .innerJoin(drills, and(eq(drills.studioId, practiceEntries.studioId), eq(drills.id, practiceEntries.drillId)))
        .where(inStudio(practiceEntries, studioId, inArray(practiceEntries.clientId, ids)))
        .orderBy(asc(practiceEntries.clientId), asc(practiceEntries.localDate), asc(practiceEntries.sessionId), asc(drills.name), asc(practiceEntries.setNumber), asc(practiceEntries.side)),
    ({ e, drill, measure }) => [e.sessionId, e.clientId, e.localDate, drill, measure, e.setNumber, e.side, e.value, e.contactFeel, e.note],
  ),
};

const unlockedBy = alias(users, "unlocked_by");
const unlockerMember = alias(studioMembers, "unlocker_member");

/** Drills that unlocked: by the mastery rule on a day, or early by the coach with a reason. */
const unlocksFile: ExportFile = {
  name: "unlocks.csv",
  header: ["client_id", "drill", "how", "local_date", "reason", "unlocked_by", "unlocked_at_utc", "revoked_at_utc"],
  rows: async function* (ctx) {
    yield* perClients(
      ({ q, studioId }, ids) =>
        q
          .select({ u: unlockEvents, drill: drills.name })
          .from(unlockEvents)
          .innerJoin(drills, and(eq(drills.studioId, unlockEvents.studioId), eq(drills.id, unlockEvents.drillId)))
          .where(inStudio(unlockEvents, studioId, inArray(unlockEvents.clientId, ids)))
          .orderBy(asc(unlockEvents.clientId), asc(unlockEvents.metOn), asc(unlockEvents.id)),
      ({ u, drill }) => [u.clientId, drill, "mastery rule met", u.metOn, null, null, utc(u.recordedAt), null],
    )(ctx);
    yield* perClients(
      ({ q, studioId }, ids) =>
        q
          .select({ o: unlockOverrides, drill: drills.name, by: unlockedBy.name })
          .from(unlockOverrides)
          .innerJoin(drills, and(eq(drills.studioId, unlockOverrides.studioId), eq(drills.id, unlockOverrides.drillId)))
          .leftJoin(unlockerMember, eq(unlockerMember.id, unlockOverrides.createdByMemberId))
          .leftJoin(unlockedBy, eq(unlockedBy.id, unlockerMember.userId))
          .where(inStudio(unlockOverrides, studioId, inArray(unlockOverrides.clientId, ids)))
          .orderBy(asc(unlockOverrides.clientId), asc(unlockOverrides.createdAt), asc(unlockOverrides.id)),
      ({ o, drill, by }) => [o.clientId, drill, "unlocked early by the coach", null, o.reason, by, utc(o.createdAt), utc(o.revokedAt)],
    )(ctx);
  },
};

const runsFile: ExportFile = {
  name: "runs.csv",
  header: [
    "run_id",
    "client_id",
    "started_at_utc",
    "started_at_local",
    "time_zone",
    "local_date",
    "distance_m",
    "distance_km",
    "distance_mi",
    "duration_s",
    "effort",
    "pain",
    "pain_where",
    "note",
    "reviewed_by",
    "review_feedback",
    "reviewed_at_utc",
    // What a watch's file added (empty for a typed run); duration_s is then the moving time.
    "source",
    "elapsed_s",
    "elevation_gain_m",
    "avg_heart_rate",
    "max_heart_rate",
    "avg_cadence_spm",
    "avg_ground_contact_ms",
    "ground_contact_balance_left",
    "avg_vertical_oscillation_mm",
    "avg_stride_length_mm",
    "device",
    "file_names",
  ],
  rows: perClients(
    ({ q, studioId }, ids) =>
      q
        .select({
          r: runs,
          review: runReviews,
          reviewer: reviewer.name,
          // The run's files as they are named in the zip (run-files.ts), in the order they came in.
          // The outer run's own files (a correlation to its row, not a studio scope of its own).
          files: sql<{ id: string; fileName: string }[] | null>`(select json_agg(json_build_object('id', f.id, 'fileName', f.file_name) order by f.created_at, f.id) from run_files f where (f.studio_id, f.run_id) = (${runs.studioId}, ${runs.id}))`,
        })
        .from(runs)
        .leftJoin(runReviews, and(eq(runReviews.studioId, runs.studioId), eq(runReviews.runId, runs.id)))
        .leftJoin(reviewerMember, eq(reviewerMember.id, runReviews.reviewedByMemberId))
        .leftJoin(reviewer, eq(reviewer.id, reviewerMember.userId))
        .where(inStudio(runs, studioId, inArray(runs.clientId, ids)))
        .orderBy(asc(runs.clientId), asc(runs.startedAt), asc(runs.id)),
    ({ r, review, reviewer, files }, zoneOf) => [
      r.id,
      r.clientId,
      utc(r.startedAt),
      local(r.startedAt, zoneOf(r.clientId)),
      zoneOf(r.clientId),
      r.localDate,
      // Stored in metres; both units beside them, as money keeps minor units and the amount.
      r.distanceM,
      distanceNumber(r.distanceM, "km"),
      distanceNumber(r.distanceM, "mi"),
      r.durationS,
      r.effort,
      yesNo(r.hasPain),
      r.painWhere,
      r.note,
      reviewer,
      review?.feedback ?? null,
      utc(review?.updatedAt ?? null),
      r.source,
      r.elapsedS,
      r.elevationGainM,
      r.avgHeartRate,
      r.maxHeartRate,
      r.avgCadenceSpm,
      r.avgGroundContactMs,
      r.groundContactBalanceLeft,
      r.avgVerticalOscillationMm,
      r.avgStrideLengthMm,
      r.device,
      files?.length ? files.map((f) => runFileName(r.localDate, f.id, f.fileName)).join("; ") : null,
    ],
  ),
};

const bookingsFile: ExportFile = {
  name: "bookings.csv",
  header: [
    "booking_id",
    "client_id",
    "trainer",
    "session_type",
    "starts_at_utc",
    "ends_at_utc",
    "starts_at_local",
    "time_zone",
    "status",
    "price_kind",
    "price_amount_minor",
    "price_currency",
    "price_amount",
    "price_credits",
    "cancelled_at_utc",
    "cancelled_by",
    "late_fee_amount_minor",
    "late_fee_currency",
    "credit_forfeited",
    "booked_at_utc",
  ],
  rows: perClients(
    ({ q, studioId }, ids) =>
      q
        .select({ b: bookings, trainer: trainerUser.name, sessionType: sessionTypes.name })
        .from(bookings)
        .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
        .innerJoin(studioMembers, eq(studioMembers.id, bookings.memberId))
        .innerJoin(trainerUser, eq(trainerUser.id, studioMembers.userId))
        .where(inStudio(bookings, studioId, inArray(bookings.clientId, ids)))
        .orderBy(asc(bookings.clientId), asc(bookings.startsAt), asc(bookings.id)),
    ({ b, trainer, sessionType }, zoneOf) => [
      b.id,
      b.clientId,
      trainer,
      sessionType,
      utc(b.startsAt),
      utc(b.endsAt),
      local(b.startsAt, zoneOf(b.clientId)),
      zoneOf(b.clientId),
      b.status,
      b.priceKind,
      b.priceAmountMinor,
      b.priceCurrency,
      amount(b.priceAmountMinor, b.priceCurrency),
      b.priceCredits,
      utc(b.cancelledAt),
      b.cancelledBy,
      b.lateFeeAmountMinor,
      b.lateFeeCurrency,
      b.creditForfeited,
      utc(b.createdAt),
    ],
  ),
};

const subscriptionsFile: ExportFile = {
  name: "subscriptions.csv",
  header: [
    "subscription_id",
    "client_id",
    "plan",
    "status",
    "cancel_at_period_end",
    "price_amount_minor",
    "price_currency",
    "price_amount",
    "interval",
    "current_period_start_utc",
    "current_period_end_utc",
    "canceled_at_utc",
    "stripe_subscription_id",
    "started_at_utc",
  ],
  rows: perClients(
    ({ q, studioId }, ids) =>
      q
        .select({ s: subscriptions, plan: plans.name })
        .from(subscriptions)
        .leftJoin(plans, eq(plans.id, subscriptions.planId))
        .where(inStudio(subscriptions, studioId, inArray(subscriptions.clientId, ids)))
        .orderBy(asc(subscriptions.clientId), asc(subscriptions.createdAt), asc(subscriptions.id)),
    ({ s, plan }) => [
      s.id,
      s.clientId,
      plan,
      s.status,
      yesNo(s.cancelAtPeriodEnd),
      s.priceMinor,
      s.currency,
      amount(s.priceMinor, s.currency),
      s.interval,
      utc(s.currentPeriodStart),
      utc(s.currentPeriodEnd),
      utc(s.canceledAt),
      s.stripeSubscriptionId,
      utc(s.createdAt),
    ],
  ),
};

const invoicesFile: ExportFile = {
  name: "invoices.csv",
  header: ["invoice_id", "client_id", "stripe_invoice_id", "status", "amount_minor", "currency", "amount", "attempt_count", "paid_at_utc", "last_failed_at_utc", "period_end_utc", "created_at_utc"],
  rows: perClients(
    ({ q, studioId }, ids) =>
      q
        .select()
        .from(invoices)
        .where(inStudio(invoices, studioId, inArray(invoices.clientId, ids)))
        .orderBy(asc(invoices.clientId), asc(invoices.createdAt), asc(invoices.id)),
    (i) => [
      i.id,
      i.clientId,
      i.stripeInvoiceId,
      i.status,
      i.amountMinor,
      i.currency,
      amount(i.amountMinor, i.currency),
      i.attemptCount,
      utc(i.paidAt),
      utc(i.lastFailedAt),
      utc(i.periodEnd),
      utc(i.createdAt),
    ],
  ),
};

const packsFile: ExportFile = {
  name: "pack-purchases.csv",
  header: ["purchase_id", "client_id", "plan", "credits", "amount_minor", "currency", "amount", "purchased_at_utc"],
  rows: perClients(
    ({ q, studioId }, ids) =>
      q
        .select({ p: packPurchases, plan: plans.name })
        .from(packPurchases)
        .innerJoin(plans, eq(plans.id, packPurchases.planId))
        .where(inStudio(packPurchases, studioId, inArray(packPurchases.clientId, ids)))
        .orderBy(asc(packPurchases.clientId), asc(packPurchases.createdAt), asc(packPurchases.id)),
    ({ p, plan }) => [p.id, p.clientId, plan, p.credits, p.amountMinor, p.currency, amount(p.amountMinor, p.currency), utc(p.createdAt)],
  ),
};

const creditsFile: ExportFile = {
  name: "credit-ledger.csv",
  header: ["entry_id", "client_id", "kind", "delta", "reason", "source_ref", "created_at_utc"],
  rows: perClients(
    ({ q, studioId }, ids) =>
      q
        .select()
        .from(creditLedger)
        .where(inStudio(creditLedger, studioId, inArray(creditLedger.clientId, ids)))
        .orderBy(asc(creditLedger.clientId), asc(creditLedger.createdAt), asc(creditLedger.id)),
    (c) => [c.id, c.clientId, c.kind, c.delta, c.reason, c.sourceRef, utc(c.createdAt)],
  ),
};

/** The client's own signed-in devices: where their account is open, as the app records it. */
const devicesFile: ExportFile = {
  name: "signed-in-devices.csv",
  header: ["client_id", "browser", "ip_address", "signed_in_at_utc", "last_seen_at_utc"],
  rows: perClients(
    ({ q, studioId }, ids) =>
      q
        .select({ clientId: clients.id, device: authSessions })
        .from(authSessions)
        .innerJoin(clients, eq(clients.userId, authSessions.userId))
        .where(inStudio(clients, studioId, inArray(clients.id, ids)))
        .orderBy(asc(clients.id), asc(authSessions.createdAt), asc(authSessions.id)),
    ({ clientId, device }) => [clientId, device.userAgent, device.ip, utc(device.createdAt), utc(device.lastSeenAt)],
  ),
};

/** Conversations and the comments on logs and check-ins, each message with who wrote it. */
const messagesFile: ExportFile = {
  name: "messages.csv",
  header: ["thread_id", "client_id", "about", "session_id", "run_id", "checkin_response_id", "message_id", "written_at_utc", "written_at_local", "author_side", "author", "text", "photo"],
  rows: perClients(
    ({ q, studioId }, ids) =>
      q
        .select({ t: threads, m: messages, author: author.name, photo: { id: messagePhotos.id, contentType: messagePhotos.contentType } })
        .from(messages)
        .innerJoin(threads, and(eq(threads.studioId, messages.studioId), eq(threads.id, messages.threadId)))
        .innerJoin(author, eq(author.id, messages.authorUserId))
        .leftJoin(messagePhotos, and(eq(messagePhotos.studioId, messages.studioId), eq(messagePhotos.messageId, messages.id)))
        .where(inStudio(messages, studioId, inArray(threads.clientId, ids)))
        .orderBy(asc(threads.clientId), asc(threads.id), asc(messages.createdAt), asc(messages.id)),
    ({ t, m, author, photo }, zoneOf) => [
      t.id,
      t.clientId,
      t.kind,
      t.sessionId,
      t.runId,
      t.checkinResponseId,
      m.id,
      utc(m.createdAt),
      local(m.createdAt, zoneOf(t.clientId)),
      m.authorKind,
      author,
      m.body,
      photo ? photoFileName(photo.id, photo.contentType) : null,
    ],
  ),
};

/**
 * What the client was told (in this studio), and their switches per kind ("setting" rows, no
 * time): the person's own business, like their devices.
 */
const notificationsFile: ExportFile = {
  name: "notifications.csv",
  header: ["client_id", "row", "kind", "title", "text", "link", "created_at_utc", "pushed_at_utc", "emailed_at_utc", "seen_at_utc", "push_on"],
  rows: perClients(
    async ({ q, studioId }, ids) => {
      const told = await q
        .select({ clientId: clients.id, n: notifications })
        .from(notifications)
        .innerJoin(clients, eq(clients.userId, notifications.userId))
        .where(and(inStudio(clients, studioId, inArray(clients.id, ids)), eq(notifications.studioId, studioId)))
        .orderBy(asc(clients.id), asc(notifications.createdAt), asc(notifications.id));
      const settings = await q
        .select({ clientId: clients.id, p: notificationPreferences })
        .from(notificationPreferences)
        .innerJoin(clients, eq(clients.userId, notificationPreferences.userId))
        .where(inStudio(clients, studioId, inArray(clients.id, ids)))
        .orderBy(asc(clients.id), asc(notificationPreferences.kind));
      return [
        ...told.map(({ clientId, n }) => [clientId, "notification", n.kind, n.title, n.body, n.url, utc(n.createdAt), utc(n.pushedAt), utc(n.digestedAt), utc(n.seenAt), null]),
        ...settings.map(({ clientId, p }) => [clientId, "setting", p.kind, null, null, null, null, null, null, null, yesNo(p.pushEnabled)]),
      ];
    },
    (row) => row,
  ),
};

const clearedBy = alias(users, "cleared_by");
const clearerMember = alias(studioMembers, "clearer_member");
const scheduledBy = alias(users, "scheduled_by");
const schedulerMember = alias(studioMembers, "scheduler_member");

/**
 * Check-ins and the health questionnaire (intake), one row per answer: the question as it was
 * worded when answered (kept on the answer: a trainer may reword it later), the answer
 * as text, and whether the trainer has read and cleared a red flag. Health data, so in both
 * exports, like runs.
 */
const checkinsFile: ExportFile = {
  name: "checkins.csv",
  header: [
    "response_id",
    "client_id",
    "form",
    "kind",
    "due_on",
    "answered_at_utc",
    "answered_at_local",
    "time_zone",
    "local_date",
    "question",
    "answer",
    "red_flag",
    "cleared_at_utc",
    "cleared_by",
    "clear_note",
  ],
  rows: perClients(
    ({ q, studioId }, ids) =>
      q
        .select({
          r: checkinResponses,
          form: checkinForms.title,
          question: { kind: checkinQuestions.kind, prompt: checkinQuestions.prompt, options: checkinQuestions.options },
          // Led by a column never null: drizzle reads a left-joined object as absent when its first column is null.
          answer: { questionId: checkinAnswers.questionId, prompt: checkinAnswers.prompt, numberValue: checkinAnswers.numberValue, textValue: checkinAnswers.textValue, boolValue: checkinAnswers.boolValue },
          clearedBy: clearedBy.name,
          // A pain map's scores (a correlation to its answer, not a studio scope of its own).
          pain: sql<PainScore[] | null>`(select json_agg(json_build_object('place', p.place, 'side', p.side, 'score', p.score)) from checkin_pain_scores p where (p.studio_id, p.response_id, p.question_id) = (${checkinAnswers.studioId}, ${checkinAnswers.responseId}, ${checkinAnswers.questionId}))`,
        })
        .from(checkinResponses)
        .innerJoin(checkinForms, and(eq(checkinForms.studioId, checkinResponses.studioId), eq(checkinForms.id, checkinResponses.formId)))
        // A response with no answers (every question optional, none answered) still shows as one row.
        .leftJoin(checkinAnswers, and(eq(checkinAnswers.studioId, checkinResponses.studioId), eq(checkinAnswers.responseId, checkinResponses.id)))
        .leftJoin(checkinQuestions, and(eq(checkinQuestions.studioId, checkinAnswers.studioId), eq(checkinQuestions.id, checkinAnswers.questionId)))
        .leftJoin(clearerMember, eq(clearerMember.id, checkinResponses.clearedByMemberId))
        .leftJoin(clearedBy, eq(clearedBy.id, clearerMember.userId))
        .where(inStudio(checkinResponses, studioId, inArray(checkinResponses.clientId, ids)))
        .orderBy(asc(checkinResponses.clientId), asc(checkinResponses.answeredAt), asc(checkinResponses.id), asc(checkinQuestions.position), asc(checkinQuestions.id)),
    ({ r, form, question, answer, clearedBy, pain }, zoneOf) => [
      r.id,
      r.clientId,
      form,
      r.kind,
      r.dueOn,
      utc(r.answeredAt),
      local(r.answeredAt, zoneOf(r.clientId)),
      zoneOf(r.clientId),
      r.localDate,
      answer?.prompt ?? question?.prompt ?? null,
      question && answer ? answerAsText({ ...question, ...answer, painScores: pain ?? [] }) : null,
      yesNo(r.hasRedFlag),
      utc(r.clearedAt),
      clearedBy,
      r.clearNote,
    ],
  ),
};

/** When the client is asked a check-in: the schedules made for them (a programme's are the studio's). */
const checkinSchedulesFile: ExportFile = {
  name: "checkin-schedules.csv",
  header: ["schedule_id", "client_id", "form", "cadence", "weekday", "at_time", "time_zone", "starts_on", "scheduled_by", "created_at_utc", "ended_at_utc"],
  rows: perClients(
    ({ q, studioId }, ids) =>
      q
        .select({ s: checkinSchedules, form: checkinForms.title, by: scheduledBy.name })
        .from(checkinSchedules)
        .innerJoin(checkinForms, and(eq(checkinForms.studioId, checkinSchedules.studioId), eq(checkinForms.id, checkinSchedules.formId)))
        .leftJoin(schedulerMember, eq(schedulerMember.id, checkinSchedules.createdByMemberId))
        .leftJoin(scheduledBy, eq(scheduledBy.id, schedulerMember.userId))
        .where(inStudio(checkinSchedules, studioId, inArray(checkinSchedules.clientId, ids)))
        .orderBy(asc(checkinSchedules.clientId), asc(checkinSchedules.createdAt), asc(checkinSchedules.id)),
    ({ s, form, by }, zoneOf) => [
      s.id,
      s.clientId,
      form,
      s.cadence,
      s.weekday ? (WEEKDAY_LABELS[s.weekday - 1] ?? null) : null,
      s.atTime,
      // Only a per-client schedule is listed, so its client is set.
      zoneOf(s.clientId!),
      s.startsOn,
      by,
      utc(s.createdAt),
      utc(s.endedAt),
    ],
  ),
};

const sharedFiles = [
  assignmentsFile,
  versionsFile,
  unlocksFile,
  sessionsFile,
  entriesFile,
  runsFile,
  bookingsFile,
  subscriptionsFile,
  invoicesFile,
  packsFile,
  creditsFile,
  messagesFile,
  checkinsFile,
  checkinSchedulesFile,
];

/** The CSV files of an export, in the order they are written. */
export function exportFiles(audience: "studio" | "client"): ExportFile[] {
  // Devices are the client's own business: the studio sees neither their browsers nor their addresses.
  return audience === "studio" ? [clientsFile, ...sharedFiles] : [profileFile, ...sharedFiles, devicesFile, notificationsFile];
}
