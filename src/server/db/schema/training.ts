import { sql } from "drizzle-orm";
import { boolean, check, date, foreignKey, index, integer, numeric, pgTable, smallint, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant } from "./_columns";
import { assignmentVersions } from "./drills";
import { clients, studioMembers, studios } from "./studios";

// What a client logged. Instants are stored as such; `local_date` is the client's calendar
// day at the time of writing (their time zone then), so history does not reshuffle when a
// client travels, and per-day progression is a plain `date` group in SQL.

// A run: gives "before each run" its meaning and lets drills be set beside the running.
// The id is made on the client's device, so an offline retry cannot store a run twice.
export const runs = pgTable(
  "runs",
  {
    id: uuid("id").primaryKey(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    startedAt: instant("started_at").notNull(),
    localDate: date("local_date", { mode: "string" }).notNull(),
    distanceM: integer("distance_m").notNull(),
    durationS: integer("duration_s").notNull(),
    effort: smallint("effort"),
    hasPain: boolean("has_pain").notNull().default(false),
    painWhere: text("pain_where"),
    note: text("note"),
    // Typed by the client, or read from a watch's file (run-files.ts keeps the file). For a
    // file, `duration_s` is the moving time (what pace is from) and `elapsed_s` the clock time.
    source: text("source", { enum: ["typed", "file"] }).notNull().default("typed"),
    elapsedS: integer("elapsed_s"),
    elevationGainM: integer("elevation_gain_m"),
    avgHeartRate: smallint("avg_heart_rate"),
    maxHeartRate: smallint("max_heart_rate"),
    /** Steps a minute, both feet (FIT's cadence is per foot: doubled when read). */
    avgCadenceSpm: smallint("avg_cadence_spm"),
    // Running dynamics from a watch or pod: what Hopping and the Knee Drive train.
    avgGroundContactMs: smallint("avg_ground_contact_ms"),
    /** Share of ground contact time on the left foot, in percent (50.0 is even). */
    groundContactBalanceLeft: numeric("ground_contact_balance_left", { precision: 4, scale: 1, mode: "number" }),
    avgVerticalOscillationMm: smallint("avg_vertical_oscillation_mm"),
    /** FIT's step_length (heel to heel of the two feet), which watches show as "stride length". */
    avgStrideLengthMm: smallint("avg_stride_length_mm"),
    /** The watch or app that recorded it, as the file names it ("Garmin Forerunner 255"). */
    device: text("device"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("runs_studio_client_started_idx").on(t.studioId, t.clientId, t.startedAt),
    // The attention queue's painful runs of the last two weeks, newest first, without reading every run.
    index("runs_studio_pain_started_idx").on(t.studioId, t.startedAt).where(sql`${t.hasPain}`),
    // The studio's runs of the last four weeks (the queue's load spikes) along one range, not a scan of every run.
    index("runs_studio_started_idx").on(t.studioId, t.startedAt),
    unique("runs_studio_id_unique").on(t.studioId, t.id),
    check("runs_distance", sql`${t.distanceM} > 0 and ${t.distanceM} <= 300000`),
    check("runs_duration", sql`${t.durationS} > 0 and ${t.durationS} <= 172800`),
    check("runs_effort", sql`${t.effort} is null or ${t.effort} between 1 and 10`),
    check("runs_source", sql`${t.source} in ('typed', 'file')`),
    check("runs_elapsed", sql`${t.elapsedS} is null or ${t.elapsedS} between ${t.durationS} and 172800`),
    check("runs_heart_rate", sql`(${t.avgHeartRate} is null or ${t.avgHeartRate} between 20 and 250) and (${t.maxHeartRate} is null or ${t.maxHeartRate} between 20 and 250)`),
    check("runs_cadence", sql`${t.avgCadenceSpm} is null or ${t.avgCadenceSpm} between 20 and 300`),
    check("runs_ground_contact", sql`${t.avgGroundContactMs} is null or ${t.avgGroundContactMs} between 50 and 1000`),
    check("runs_ground_contact_balance", sql`${t.groundContactBalanceLeft} is null or ${t.groundContactBalanceLeft} between 30 and 70`),
  ],
);

// One practice session: written with its entries in one transaction. The id is made on the
// device, so saving twice, a retry, or an offline sync stores it exactly once.
export const practiceSessions = pgTable(
  "practice_sessions",
  {
    id: uuid("id").primaryKey(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    performedAt: instant("performed_at").notNull(),
    localDate: date("local_date", { mode: "string" }).notNull(),
    context: text("context", { enum: ["standalone", "warmup_before_run"] }).notNull().default("standalone"),
    runId: uuid("run_id"),
    effort: smallint("effort"),
    hasPain: boolean("has_pain").notNull().default(false),
    painWhere: text("pain_where"),
    note: text("note"),
    // When the server first stored it: the 24-hour edit window runs from here, and a retry
    // or an edit never moves it.
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("practice_sessions_studio_client_date_idx").on(t.studioId, t.clientId, t.localDate),
    // A client's latest session (the studio overview's "last activity") without reading their history.
    index("practice_sessions_studio_client_performed_idx").on(t.studioId, t.clientId, t.performedAt),
    // The attention queue walks the studio's sessions newest first and stops at its limit
    // (without it: a sort of every recent session, 290 ms at 255k sessions).
    index("practice_sessions_studio_performed_idx").on(t.studioId, t.performedAt),
    // The queue's sessions are those logged in the last two weeks: a range of this index, not a
    // scan of the studio's whole history once older sessions are reviewed (40 ms at 255k).
    index("practice_sessions_studio_created_idx").on(t.studioId, t.createdAt),
    index("practice_sessions_run_idx").on(t.runId).where(sql`${t.runId} is not null`),
    unique("practice_sessions_studio_id_unique").on(t.studioId, t.id),
    // Deleting a run unlinks its warm-up first (the service does it in the same transaction).
    foreignKey({ columns: [t.studioId, t.runId], foreignColumns: [runs.studioId, runs.id] }),
    check("practice_sessions_run_context", sql`${t.runId} is null or ${t.context} = 'warmup_before_run'`),
    check("practice_sessions_effort", sql`${t.effort} is null or ${t.effort} between 1 and 10`),
  ],
);

// One value per drill, set and side. `client_id`, `drill_id` and `local_date` are copied
// from the session so per-side progression reads one index, not a join per row.
export const practiceEntries = pgTable(
  "practice_entries",
  {
    id: id(),
    studioId: uuid("studio_id").notNull(),
    sessionId: uuid("session_id").notNull(),
    clientId: uuid("client_id").notNull(),
    drillId: uuid("drill_id").notNull(),
    /** The prescription in force when it was logged. */
    assignmentVersionId: uuid("assignment_version_id").notNull().references(() => assignmentVersions.id),
    localDate: date("local_date", { mode: "string" }).notNull(),
    setNumber: smallint("set_number").notNull(),
    side: text("side", { enum: ["left", "right", "both"] }).notNull(),
    // Seconds to 0.1, repetitions, contacts or metres; null for a "free" drill (note only).
    value: numeric("value", { precision: 7, scale: 1, mode: "number" }),
    contactFeel: text("contact_feel", { enum: ["short", "medium", "long"] }),
    note: text("note"),
  },
  (t) => [
    unique("practice_entries_once").on(t.sessionId, t.drillId, t.setNumber, t.side),
    index("practice_entries_progress_idx").on(t.studioId, t.clientId, t.drillId, t.localDate),
    foreignKey({ columns: [t.studioId, t.sessionId], foreignColumns: [practiceSessions.studioId, practiceSessions.id] }).onDelete("cascade"),
    check("practice_entries_set", sql`${t.setNumber} between 1 and 20`),
    check("practice_entries_value", sql`${t.value} is null or (${t.value} > 0 and ${t.value} <= 10000)`),
  ],
);

// The trainer's feedback on a session; a session without one is in the attention queue.
export const sessionReviews = pgTable(
  "session_reviews",
  {
    id: id(),
    studioId: uuid("studio_id").notNull(),
    sessionId: uuid("session_id").notNull().unique(),
    reviewedByMemberId: uuid("reviewed_by_member_id").notNull().references(() => studioMembers.id),
    feedback: text("feedback").notNull().default(""),
    // Set when the client changes the session after this review (the feedback no longer covers
    // what is logged): the session is back in the queue until the trainer saves a review again.
    sessionEditedAt: instant("session_edited_at"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("session_reviews_studio_idx").on(t.studioId),
    foreignKey({ columns: [t.studioId, t.sessionId], foreignColumns: [practiceSessions.studioId, practiceSessions.id] }).onDelete("cascade"),
  ],
);

// The trainer's answer to a run: acknowledging a run that hurt takes it off the attention queue,
// and the client reads the answer beside the run in their history.
export const runReviews = pgTable(
  "run_reviews",
  {
    id: id(),
    studioId: uuid("studio_id").notNull(),
    runId: uuid("run_id").notNull().unique(),
    reviewedByMemberId: uuid("reviewed_by_member_id").notNull().references(() => studioMembers.id),
    feedback: text("feedback").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("run_reviews_studio_idx").on(t.studioId),
    // A run deleted by the client takes its answer with it, as a session takes its review.
    foreignKey({ columns: [t.studioId, t.runId], foreignColumns: [runs.studioId, runs.id] }).onDelete("cascade"),
  ],
);

export type Run = typeof runs.$inferSelect;
export type PracticeSession = typeof practiceSessions.$inferSelect;
export type PracticeEntry = typeof practiceEntries.$inferSelect;
export type SessionReview = typeof sessionReviews.$inferSelect;
export type RunReview = typeof runReviews.$inferSelect;
