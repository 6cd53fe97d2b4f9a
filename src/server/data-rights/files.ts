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
import { videoCommentsFile, videosFile } from "./video-files";
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

type ZoneOf = (clientId: string) => string;

/** One column of a file: its header beside how a row gives its value, so the two cannot drift apart. */
type Column<T> = readonly [header: string, value: (row: T, zoneOf: ZoneOf) => unknown];

/** Chunks of a file's rows, as its queries return them. */
type Chunks<T> = (ctx: FileContext) => AsyncIterable<T[]>;

/** Column groups for a file's row type (a function of the kit types them by the file's rows). */
type ColumnKit<T> = { moment: typeof momentColumns<T> };

/** The one table-to-CSV shape: a file's header and rows, both from its columns. */
function csvFile<T>(name: string, chunks: Chunks<T>, columnsOf: readonly Column<T>[] | ((kit: ColumnKit<T>) => readonly Column<T>[])): ExportFile {
  const columns = typeof columnsOf === "function" ? columnsOf({ moment: momentColumns }) : columnsOf;
  return {
    name,
    header: columns.map(([header]) => header),
    async *rows(ctx) {
      const zones = new Map(ctx.clients.map((c) => [c.id, c.timeZone]));
      const zoneOf = (clientId: string) => zones.get(clientId) ?? "UTC";
      for await (const rows of chunks(ctx)) yield rows.map((row) => columns.map(([, value]) => value(row, zoneOf)));
    },
  };
}

/** Runs each query for each chunk of the export's clients (all chunks of one query, then the next). */
function perClients<T>(...queries: ((ctx: FileContext, ids: string[]) => Promise<T[]>)[]): Chunks<T> {
  return async function* (ctx) {
    for (const query of queries) {
      for (let i = 0; i < ctx.clients.length; i += CLIENTS_PER_QUERY) {
        const ids = ctx.clients.slice(i, i + CLIENTS_PER_QUERY).map((c) => c.id);
        const rows = await query(ctx, ids);
        if (rows.length) yield rows;
      }
    }
  };
}

/** When something happened, for a person: the instant in UTC, on the client's own clock, and that clock's zone. */
function momentColumns<T>(prefix: string, at: (row: T) => Date | null, clientId: (row: T) => string): Column<T>[] {
  return [
    [`${prefix}_utc`, (row) => utc(at(row))],
    [`${prefix}_local`, (row, zoneOf) => local(at(row), zoneOf(clientId(row)))],
    ["time_zone", (row, zoneOf) => zoneOf(clientId(row))],
  ];
}

/** The coach's review of a log: who, what they wrote, when. */
function reviewColumns<T extends { review: { feedback: string; updatedAt: Date } | null; reviewer: string | null }>(): Column<T>[] {
  return [
    ["reviewed_by", ({ reviewer }) => reviewer],
    ["review_feedback", ({ review }) => review?.feedback ?? null],
    ["reviewed_at_utc", ({ review }) => utc(review?.updatedAt ?? null)],
  ];
}

const changedBy = alias(users, "changed_by");
const author = alias(users, "author");
const reviewer = alias(users, "reviewer");
const trainerUser = alias(users, "trainer_user");
const reviewerMember = alias(studioMembers, "reviewer_member");

/** The export's clients themselves, as the scope found them. */
const exportClientRows: Chunks<ExportClient> = async function* (ctx) {
  yield [...ctx.clients];
};

const clientColumns: Column<ExportClient>[] = [
  ["client_id", (c) => c.id],
  ["name", (c) => c.name],
  ["email", (c) => c.email],
  ["status", (c) => c.status],
  ["coach", (c) => c.coachName],
  ["time_zone", (c) => c.timeZone],
  ["joined_at_utc", (c) => utc(c.joinedAt)],
];

const clientsFile = csvFile("clients.csv", exportClientRows, [...clientColumns, ["deleted_at_utc", (c) => utc(c.deletedAt)]]);

/** The client's own export: their profile instead of the studio's client list. */
const profileFile = csvFile("profile.csv", exportClientRows, [...clientColumns, ["account_created_at_utc", (c) => utc(c.accountCreatedAt)]]);

const assignmentsFile = csvFile(
  "assignments.csv",
  perClients(({ q, studioId }, ids) =>
    q
      .select({ a: assignments, drill: drills.name, program: programs.name })
      .from(assignments)
      .innerJoin(drills, and(eq(drills.studioId, assignments.studioId), eq(drills.id, assignments.drillId)))
      .leftJoin(programs, and(eq(programs.studioId, assignments.studioId), eq(programs.id, assignments.programId)))
      .where(inStudio(assignments, studioId, inArray(assignments.clientId, ids)))
      .orderBy(asc(assignments.clientId), asc(assignments.createdAt), asc(assignments.id)),
  ),
  [
    ["assignment_id", ({ a }) => a.id],
    ["client_id", ({ a }) => a.clientId],
    ["drill", ({ drill }) => drill],
    ["status", ({ a }) => a.status],
    ["current_version", ({ a }) => a.version],
    ["program", ({ program }) => program],
    ["assigned_at_utc", ({ a }) => utc(a.createdAt)],
  ],
);

const versionsFile = csvFile(
  "assignment-versions.csv",
  perClients(({ q, studioId }, ids) =>
    q
      .select({ v: assignmentVersions, clientId: assignments.clientId, drill: drills.name, changedBy: changedBy.name })
      .from(assignmentVersions)
      .innerJoin(assignments, and(eq(assignments.studioId, assignmentVersions.studioId), eq(assignments.id, assignmentVersions.assignmentId)))
      .innerJoin(drills, and(eq(drills.studioId, assignments.studioId), eq(drills.id, assignments.drillId)))
      .leftJoin(studioMembers, eq(studioMembers.id, assignmentVersions.changedByMemberId))
      .leftJoin(changedBy, eq(changedBy.id, studioMembers.userId))
      .where(inStudio(assignmentVersions, studioId, inArray(assignments.clientId, ids)))
      .orderBy(asc(assignments.clientId), asc(assignmentVersions.assignmentId), asc(assignmentVersions.version)),
  ),
  [
    ["assignment_id", ({ v }) => v.assignmentId],
    ["client_id", ({ clientId }) => clientId],
    ["drill", ({ drill }) => drill],
    ["version", ({ v }) => v.version],
    ["action", ({ v }) => v.action],
    ["status", ({ v }) => v.status],
    ["sets", ({ v }) => v.sets],
    ["target_per_side", ({ v }) => v.targetPerSide],
    ["rep_min", ({ v }) => v.repMin],
    ["rep_max", ({ v }) => v.repMax],
    ["daily", ({ v }) => yesNo(v.daily)],
    ["before_run", ({ v }) => yesNo(v.beforeRun)],
    ["start_date", ({ v }) => v.startDate],
    ["end_date", ({ v }) => v.endDate],
    ["notes", ({ v }) => v.notes],
    ["changed_by", ({ changedBy }) => changedBy],
    ["changed_at_utc", ({ v }) => utc(v.createdAt)],
  ],
);

const sessionsFile = csvFile(
  "sessions.csv",
  perClients(({ q, studioId }, ids) =>
    q
      .select({ s: practiceSessions, review: sessionReviews, reviewer: reviewer.name })
      .from(practiceSessions)
      .leftJoin(sessionReviews, and(eq(sessionReviews.studioId, practiceSessions.studioId), eq(sessionReviews.sessionId, practiceSessions.id)))
      .leftJoin(reviewerMember, eq(reviewerMember.id, sessionReviews.reviewedByMemberId))
      .leftJoin(reviewer, eq(reviewer.id, reviewerMember.userId))
      .where(inStudio(practiceSessions, studioId, inArray(practiceSessions.clientId, ids)))
      .orderBy(asc(practiceSessions.clientId), asc(practiceSessions.performedAt), asc(practiceSessions.id)),
  ),
  ({ moment }) => [
    ["session_id", ({ s }) => s.id],
    ["client_id", ({ s }) => s.clientId],
    ...moment("performed_at", ({ s }) => s.performedAt, ({ s }) => s.clientId),
    ["local_date", ({ s }) => s.localDate],
    ["context", ({ s }) => s.context],
    ["run_id", ({ s }) => s.runId],
    ["effort", ({ s }) => s.effort],
    ["pain", ({ s }) => yesNo(s.hasPain)],
    ["pain_where", ({ s }) => s.painWhere],
    ["note", ({ s }) => s.note],
    ...reviewColumns(),
    ["edited_after_review_at_utc", ({ review }) => utc(review?.sessionEditedAt ?? null)],
  ],
);

const entriesFile = csvFile(
  "entries.csv",
  perClients(({ q, studioId }, ids) =>
    q
      .select({ e: practiceEntries, drill: drills.name, measure: drills.measure })
      .from(practiceEntries)
      .innerJoin(drills, and(eq(drills.studioId, practiceEntries.studioId), eq(drills.id, practiceEntries.drillId)))
      .where(inStudio(practiceEntries, studioId, inArray(practiceEntries.clientId, ids)))
      .orderBy(asc(practiceEntries.clientId), asc(practiceEntries.localDate), asc(practiceEntries.sessionId), asc(drills.name), asc(practiceEntries.setNumber), asc(practiceEntries.side)),
  ),
  [
    ["session_id", ({ e }) => e.sessionId],
    ["client_id", ({ e }) => e.clientId],
    ["local_date", ({ e }) => e.localDate],
    ["drill", ({ drill }) => drill],
    ["measure", ({ measure }) => measure],
    ["set", ({ e }) => e.setNumber],
    ["side", ({ e }) => e.side],
    ["value", ({ e }) => e.value],
    ["contact_feel", ({ e }) => e.contactFeel],
    ["note", ({ e }) => e.note],
  ],
);

const unlockedBy = alias(users, "unlocked_by");
const unlockerMember = alias(studioMembers, "unlocker_member");

type UnlockRow = { clientId: string; drill: string; how: string; localDate: string | null; reason: string | null; by: string | null; at: Date; revokedAt: Date | null };

/** Drills that unlocked: by the mastery rule on a day, or early by the coach with a reason. */
const unlocksFile = csvFile(
  "unlocks.csv",
  perClients<UnlockRow>(
    async ({ q, studioId }, ids) => {
      const rows = await q
        .select({ u: unlockEvents, drill: drills.name })
        .from(unlockEvents)
        .innerJoin(drills, and(eq(drills.studioId, unlockEvents.studioId), eq(drills.id, unlockEvents.drillId)))
        .where(inStudio(unlockEvents, studioId, inArray(unlockEvents.clientId, ids)))
        .orderBy(asc(unlockEvents.clientId), asc(unlockEvents.metOn), asc(unlockEvents.id));
      return rows.map(({ u, drill }) => ({ clientId: u.clientId, drill, how: "mastery rule met", localDate: u.metOn, reason: null, by: null, at: u.recordedAt, revokedAt: null }));
    },
    async ({ q, studioId }, ids) => {
      const rows = await q
        .select({ o: unlockOverrides, drill: drills.name, by: unlockedBy.name })
        .from(unlockOverrides)
        .innerJoin(drills, and(eq(drills.studioId, unlockOverrides.studioId), eq(drills.id, unlockOverrides.drillId)))
        .leftJoin(unlockerMember, eq(unlockerMember.id, unlockOverrides.createdByMemberId))
        .leftJoin(unlockedBy, eq(unlockedBy.id, unlockerMember.userId))
        .where(inStudio(unlockOverrides, studioId, inArray(unlockOverrides.clientId, ids)))
        .orderBy(asc(unlockOverrides.clientId), asc(unlockOverrides.createdAt), asc(unlockOverrides.id));
      return rows.map(({ o, drill, by }) => ({ clientId: o.clientId, drill, how: "unlocked early by the coach", localDate: null, reason: o.reason, by, at: o.createdAt, revokedAt: o.revokedAt }));
    },
  ),
  [
    ["client_id", (u) => u.clientId],
    ["drill", (u) => u.drill],
    ["how", (u) => u.how],
    ["local_date", (u) => u.localDate],
    ["reason", (u) => u.reason],
    ["unlocked_by", (u) => u.by],
    ["unlocked_at_utc", (u) => utc(u.at)],
    ["revoked_at_utc", (u) => utc(u.revokedAt)],
  ],
);

const runsFile = csvFile(
  "runs.csv",
  perClients(({ q, studioId }, ids) =>
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
  ),
  ({ moment }) => [
    ["run_id", ({ r }) => r.id],
    ["client_id", ({ r }) => r.clientId],
    ...moment("started_at", ({ r }) => r.startedAt, ({ r }) => r.clientId),
    ["local_date", ({ r }) => r.localDate],
    // Stored in metres; both units beside them, as money keeps minor units and the amount.
    ["distance_m", ({ r }) => r.distanceM],
    ["distance_km", ({ r }) => distanceNumber(r.distanceM, "km")],
    ["distance_mi", ({ r }) => distanceNumber(r.distanceM, "mi")],
    ["duration_s", ({ r }) => r.durationS],
    ["effort", ({ r }) => r.effort],
    ["pain", ({ r }) => yesNo(r.hasPain)],
    ["pain_where", ({ r }) => r.painWhere],
    ["note", ({ r }) => r.note],
    ...reviewColumns(),
    // What a watch's file added (empty for a typed run); duration_s is then the moving time.
    ["source", ({ r }) => r.source],
    ["elapsed_s", ({ r }) => r.elapsedS],
    ["elevation_gain_m", ({ r }) => r.elevationGainM],
    ["avg_heart_rate", ({ r }) => r.avgHeartRate],
    ["max_heart_rate", ({ r }) => r.maxHeartRate],
    ["avg_cadence_spm", ({ r }) => r.avgCadenceSpm],
    ["avg_ground_contact_ms", ({ r }) => r.avgGroundContactMs],
    ["ground_contact_balance_left", ({ r }) => r.groundContactBalanceLeft],
    ["avg_vertical_oscillation_mm", ({ r }) => r.avgVerticalOscillationMm],
    ["avg_stride_length_mm", ({ r }) => r.avgStrideLengthMm],
    ["device", ({ r }) => r.device],
    ["file_names", ({ r, files }) => (files?.length ? files.map((f) => runFileName(r.localDate, f.id, f.fileName)).join("; ") : null)],
  ],
);

const bookingsFile = csvFile(
  "bookings.csv",
  perClients(({ q, studioId }, ids) =>
    q
      .select({ b: bookings, trainer: trainerUser.name, sessionType: sessionTypes.name })
      .from(bookings)
      .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
      .innerJoin(studioMembers, eq(studioMembers.id, bookings.memberId))
      .innerJoin(trainerUser, eq(trainerUser.id, studioMembers.userId))
      .where(inStudio(bookings, studioId, inArray(bookings.clientId, ids)))
      .orderBy(asc(bookings.clientId), asc(bookings.startsAt), asc(bookings.id)),
  ),
  [
    ["booking_id", ({ b }) => b.id],
    ["client_id", ({ b }) => b.clientId],
    ["trainer", ({ trainer }) => trainer],
    ["session_type", ({ sessionType }) => sessionType],
    ["starts_at_utc", ({ b }) => utc(b.startsAt)],
    ["ends_at_utc", ({ b }) => utc(b.endsAt)],
    ["starts_at_local", ({ b }, zoneOf) => local(b.startsAt, zoneOf(b.clientId))],
    ["time_zone", ({ b }, zoneOf) => zoneOf(b.clientId)],
    ["status", ({ b }) => b.status],
    ["price_kind", ({ b }) => b.priceKind],
    ["price_amount_minor", ({ b }) => b.priceAmountMinor],
    ["price_currency", ({ b }) => b.priceCurrency],
    ["price_amount", ({ b }) => amount(b.priceAmountMinor, b.priceCurrency)],
    ["price_credits", ({ b }) => b.priceCredits],
    ["cancelled_at_utc", ({ b }) => utc(b.cancelledAt)],
    ["cancelled_by", ({ b }) => b.cancelledBy],
    ["late_fee_amount_minor", ({ b }) => b.lateFeeAmountMinor],
    ["late_fee_currency", ({ b }) => b.lateFeeCurrency],
    ["credit_forfeited", ({ b }) => b.creditForfeited],
    ["booked_at_utc", ({ b }) => utc(b.createdAt)],
  ],
);

const subscriptionsFile = csvFile(
  "subscriptions.csv",
  perClients(({ q, studioId }, ids) =>
    q
      .select({ s: subscriptions, plan: plans.name })
      .from(subscriptions)
      .leftJoin(plans, eq(plans.id, subscriptions.planId))
      .where(inStudio(subscriptions, studioId, inArray(subscriptions.clientId, ids)))
      .orderBy(asc(subscriptions.clientId), asc(subscriptions.createdAt), asc(subscriptions.id)),
  ),
  [
    ["subscription_id", ({ s }) => s.id],
    ["client_id", ({ s }) => s.clientId],
    ["plan", ({ plan }) => plan],
    ["status", ({ s }) => s.status],
    ["cancel_at_period_end", ({ s }) => yesNo(s.cancelAtPeriodEnd)],
    ["price_amount_minor", ({ s }) => s.priceMinor],
    ["price_currency", ({ s }) => s.currency],
    ["price_amount", ({ s }) => amount(s.priceMinor, s.currency)],
    ["interval", ({ s }) => s.interval],
    ["current_period_start_utc", ({ s }) => utc(s.currentPeriodStart)],
    ["current_period_end_utc", ({ s }) => utc(s.currentPeriodEnd)],
    ["canceled_at_utc", ({ s }) => utc(s.canceledAt)],
    ["stripe_subscription_id", ({ s }) => s.stripeSubscriptionId],
    ["started_at_utc", ({ s }) => utc(s.createdAt)],
  ],
);

const invoicesFile = csvFile(
  "invoices.csv",
  perClients(({ q, studioId }, ids) =>
    q
      .select()
      .from(invoices)
      .where(inStudio(invoices, studioId, inArray(invoices.clientId, ids)))
      .orderBy(asc(invoices.clientId), asc(invoices.createdAt), asc(invoices.id)),
  ),
  [
    ["invoice_id", (i) => i.id],
    ["client_id", (i) => i.clientId],
    ["stripe_invoice_id", (i) => i.stripeInvoiceId],
    ["status", (i) => i.status],
    ["amount_minor", (i) => i.amountMinor],
    ["currency", (i) => i.currency],
    ["amount", (i) => amount(i.amountMinor, i.currency)],
    ["attempt_count", (i) => i.attemptCount],
    ["paid_at_utc", (i) => utc(i.paidAt)],
    ["last_failed_at_utc", (i) => utc(i.lastFailedAt)],
    ["period_end_utc", (i) => utc(i.periodEnd)],
    ["created_at_utc", (i) => utc(i.createdAt)],
  ],
);

const packsFile = csvFile(
  "pack-purchases.csv",
  perClients(({ q, studioId }, ids) =>
    q
      .select({ p: packPurchases, plan: plans.name })
      .from(packPurchases)
      .innerJoin(plans, eq(plans.id, packPurchases.planId))
      .where(inStudio(packPurchases, studioId, inArray(packPurchases.clientId, ids)))
      .orderBy(asc(packPurchases.clientId), asc(packPurchases.createdAt), asc(packPurchases.id)),
  ),
  [
    ["purchase_id", ({ p }) => p.id],
    ["client_id", ({ p }) => p.clientId],
    ["plan", ({ plan }) => plan],
    ["credits", ({ p }) => p.credits],
    ["amount_minor", ({ p }) => p.amountMinor],
    ["currency", ({ p }) => p.currency],
    ["amount", ({ p }) => amount(p.amountMinor, p.currency)],
    ["purchased_at_utc", ({ p }) => utc(p.createdAt)],
  ],
);

const creditsFile = csvFile(
  "credit-ledger.csv",
  perClients(({ q, studioId }, ids) =>
    q
      .select()
      .from(creditLedger)
      .where(inStudio(creditLedger, studioId, inArray(creditLedger.clientId, ids)))
      .orderBy(asc(creditLedger.clientId), asc(creditLedger.createdAt), asc(creditLedger.id)),
  ),
  [
    ["entry_id", (c) => c.id],
    ["client_id", (c) => c.clientId],
    ["kind", (c) => c.kind],
    ["delta", (c) => c.delta],
    ["reason", (c) => c.reason],
    ["source_ref", (c) => c.sourceRef],
    ["created_at_utc", (c) => utc(c.createdAt)],
  ],
);

/** The client's own signed-in devices: where their account is open, as the app records it. */
const devicesFile = csvFile(
  "signed-in-devices.csv",
  perClients(({ q, studioId }, ids) =>
    q
      .select({ clientId: clients.id, device: authSessions })
      .from(authSessions)
      .innerJoin(clients, eq(clients.userId, authSessions.userId))
      .where(inStudio(clients, studioId, inArray(clients.id, ids)))
      .orderBy(asc(clients.id), asc(authSessions.createdAt), asc(authSessions.id)),
  ),
  [
    ["client_id", ({ clientId }) => clientId],
    ["browser", ({ device }) => device.userAgent],
    ["ip_address", ({ device }) => device.ip],
    ["signed_in_at_utc", ({ device }) => utc(device.createdAt)],
    ["last_seen_at_utc", ({ device }) => utc(device.lastSeenAt)],
  ],
);

/** Conversations and the comments on logs and check-ins, each message with who wrote it. */
const messagesFile = csvFile(
  "messages.csv",
  perClients(({ q, studioId }, ids) =>
    q
      .select({ t: threads, m: messages, author: author.name, photo: { id: messagePhotos.id, contentType: messagePhotos.contentType } })
      .from(messages)
      .innerJoin(threads, and(eq(threads.studioId, messages.studioId), eq(threads.id, messages.threadId)))
      .innerJoin(author, eq(author.id, messages.authorUserId))
      .leftJoin(messagePhotos, and(eq(messagePhotos.studioId, messages.studioId), eq(messagePhotos.messageId, messages.id)))
      .where(inStudio(messages, studioId, inArray(threads.clientId, ids)))
      .orderBy(asc(threads.clientId), asc(threads.id), asc(messages.createdAt), asc(messages.id)),
  ),
  [
    ["thread_id", ({ t }) => t.id],
    ["client_id", ({ t }) => t.clientId],
    ["about", ({ t }) => t.kind],
    ["session_id", ({ t }) => t.sessionId],
    ["run_id", ({ t }) => t.runId],
    ["checkin_response_id", ({ t }) => t.checkinResponseId],
    ["message_id", ({ m }) => m.id],
    ["written_at_utc", ({ m }) => utc(m.createdAt)],
    ["written_at_local", ({ t, m }, zoneOf) => local(m.createdAt, zoneOf(t.clientId))],
    ["author_side", ({ m }) => m.authorKind],
    ["author", ({ author }) => author],
    ["text", ({ m }) => m.body],
    ["photo", ({ photo }) => (photo ? photoFileName(photo.id, photo.contentType) : null)],
  ],
);

type NotificationRow = { clientId: string; row: "notification" | "setting"; kind: string; title: string | null; text: string | null; link: string | null; createdAt: Date | null; pushedAt: Date | null; emailedAt: Date | null; seenAt: Date | null; pushOn: boolean | null };

/**
 * What the client was told (in this studio), and their switches per kind ("setting" rows, no
 * time): the person's own business, like their devices.
 */
const notificationsFile = csvFile(
  "notifications.csv",
  perClients<NotificationRow>(async ({ q, studioId }, ids) => {
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
      ...told.map(({ clientId, n }): NotificationRow => ({ clientId, row: "notification", kind: n.kind, title: n.title, text: n.body, link: n.url, createdAt: n.createdAt, pushedAt: n.pushedAt, emailedAt: n.digestedAt, seenAt: n.seenAt, pushOn: null })),
      ...settings.map(({ clientId, p }): NotificationRow => ({ clientId, row: "setting", kind: p.kind, title: null, text: null, link: null, createdAt: null, pushedAt: null, emailedAt: null, seenAt: null, pushOn: p.pushEnabled })),
    ];
  }),
  [
    ["client_id", (n) => n.clientId],
    ["row", (n) => n.row],
    ["kind", (n) => n.kind],
    ["title", (n) => n.title],
    ["text", (n) => n.text],
    ["link", (n) => n.link],
    ["created_at_utc", (n) => utc(n.createdAt)],
    ["pushed_at_utc", (n) => utc(n.pushedAt)],
    ["emailed_at_utc", (n) => utc(n.emailedAt)],
    ["seen_at_utc", (n) => utc(n.seenAt)],
    ["push_on", (n) => (n.pushOn === null ? null : yesNo(n.pushOn))],
  ],
);

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
const checkinsFile = csvFile(
  "checkins.csv",
  perClients(({ q, studioId }, ids) =>
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
  ),
  ({ moment }) => [
    ["response_id", ({ r }) => r.id],
    ["client_id", ({ r }) => r.clientId],
    ["form", ({ form }) => form],
    ["kind", ({ r }) => r.kind],
    ["due_on", ({ r }) => r.dueOn],
    ...moment("answered_at", ({ r }) => r.answeredAt, ({ r }) => r.clientId),
    ["local_date", ({ r }) => r.localDate],
    ["question", ({ question, answer }) => answer?.prompt ?? question?.prompt ?? null],
    ["answer", ({ question, answer, pain }) => (question && answer ? answerAsText({ ...question, ...answer, painScores: pain ?? [] }) : null)],
    ["red_flag", ({ r }) => yesNo(r.hasRedFlag)],
    ["cleared_at_utc", ({ r }) => utc(r.clearedAt)],
    ["cleared_by", ({ clearedBy }) => clearedBy],
    ["clear_note", ({ r }) => r.clearNote],
  ],
);

/** When the client is asked a check-in: the schedules made for them (a programme's are the studio's). */
const checkinSchedulesFile = csvFile(
  "checkin-schedules.csv",
  perClients(({ q, studioId }, ids) =>
    q
      .select({ s: checkinSchedules, form: checkinForms.title, by: scheduledBy.name })
      .from(checkinSchedules)
      .innerJoin(checkinForms, and(eq(checkinForms.studioId, checkinSchedules.studioId), eq(checkinForms.id, checkinSchedules.formId)))
      .leftJoin(schedulerMember, eq(schedulerMember.id, checkinSchedules.createdByMemberId))
      .leftJoin(scheduledBy, eq(scheduledBy.id, schedulerMember.userId))
      .where(inStudio(checkinSchedules, studioId, inArray(checkinSchedules.clientId, ids)))
      .orderBy(asc(checkinSchedules.clientId), asc(checkinSchedules.createdAt), asc(checkinSchedules.id)),
  ),
  [
    ["schedule_id", ({ s }) => s.id],
    ["client_id", ({ s }) => s.clientId],
    ["form", ({ form }) => form],
    ["cadence", ({ s }) => s.cadence],
    ["weekday", ({ s }) => (s.weekday ? (WEEKDAY_LABELS[s.weekday - 1] ?? null) : null)],
    ["at_time", ({ s }) => s.atTime],
    // Only a per-client schedule is listed, so its client is set.
    ["time_zone", ({ s }, zoneOf) => zoneOf(s.clientId!)],
    ["starts_on", ({ s }) => s.startsOn],
    ["scheduled_by", ({ by }) => by],
    ["created_at_utc", ({ s }) => utc(s.createdAt)],
    ["ended_at_utc", ({ s }) => utc(s.endedAt)],
  ],
);

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
  videosFile,
  videoCommentsFile,
];

/** The CSV files of an export, in the order they are written. */
export function exportFiles(audience: "studio" | "client"): ExportFile[] {
  // Devices are the client's own business: the studio sees neither their browsers nor their addresses.
  return audience === "studio" ? [clientsFile, ...sharedFiles] : [profileFile, ...sharedFiles, devicesFile, notificationsFile];
}
