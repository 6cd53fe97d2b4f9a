import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant } from "./_columns";
import { drills } from "./drills";
import { clients, studioMembers, studios } from "./studios";

// Progression is derived from what was logged (SQL over the facts); only the trainer's
// settings and the moment a drill first unlocked by itself are stored.

// The studio's progression settings: one row per studio, absent = the defaults.
export const progressionSettings = pgTable(
  "progression_settings",
  {
    studioId: uuid("studio_id").primaryKey().references(() => studios.id),
    /** Left and right differing by more than this (7-day averages) puts the client in the attention queue. */
    asymmetryThresholdPercent: integer("asymmetry_threshold_percent").notNull().default(15),
    /** The mastery rule a new prerequisite starts from (DEFAULT_MASTERY_RULE until the owner sets one). */
    defaultMasteryMinPerSide: numeric("default_mastery_min_per_side", { mode: "number" }).notNull().default(30),
    defaultMasteryRequiredDays: integer("default_mastery_required_days").notNull().default(5),
    defaultMasteryWindowDays: integer("default_mastery_window_days").notNull().default(7),
    /** Running distance of the last 7 days over the weekly mean of the last 28 above this is a load spike (attention queue). */
    loadSpikeRatio: numeric("load_spike_ratio", { precision: 3, scale: 2, mode: "number" }).notNull().default(1.5),
    /** A check-in's pain above this at a place a drill loads pauses the drill until the trainer resumes it. */
    painPauseAbove: integer("pain_pause_above").notNull().default(5),
    updatedByMemberId: uuid("updated_by_member_id").references(() => studioMembers.id),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("progression_settings_threshold", sql`${t.asymmetryThresholdPercent} between 1 and 100`),
    check("progression_settings_pain_pause", sql`${t.painPauseAbove} between 1 and 9`),
    check("progression_settings_load_spike", sql`${t.loadSpikeRatio} between 1.05 and 3`),
    check(
      "progression_settings_mastery_default",
      sql`${t.defaultMasteryMinPerSide} > 0 and ${t.defaultMasteryRequiredDays} between 1 and ${t.defaultMasteryWindowDays} and ${t.defaultMasteryWindowDays} between 1 and 90`,
    ),
  ],
);

// The first time a client met the mastery rule of a locked drill: the drill unlocked by
// itself then, and stays unlocked when the client's good days slide out of the window. The
// lock itself is worked out from the rule in force (drills/locks.ts): a harder rule set by the
// trainer locks the drill again until it is met, and this row stays as the history of the
// notice. Recorded by the writes that can complete a rule, never by a read; the unique key
// makes recording it idempotent.
export const unlockEvents = pgTable(
  "unlock_events",
  {
    id: id(),
    studioId: uuid("studio_id").notNull(),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    drillId: uuid("drill_id").notNull(),
    /** The client's local day on which the rule was first met. */
    metOn: date("met_on", { mode: "string" }).notNull(),
    recordedAt: createdAt(),
    /** When the client dismissed the notice; null = still shown. */
    seenByClientAt: instant("seen_by_client_at"),
  },
  (t) => [
    unique("unlock_events_once").on(t.clientId, t.drillId),
    index("unlock_events_studio_recorded_idx").on(t.studioId, t.recordedAt),
    foreignKey({ columns: [t.studioId, t.drillId], foreignColumns: [drills.studioId, drills.id] }),
  ],
);

export type ProgressionSettings = typeof progressionSettings.$inferSelect;
export type UnlockEvent = typeof unlockEvents.$inferSelect;

// ---------------------------------------------------------------- derived, cached history
//
// A client's closed history does not change when they log today, so its adherence summary
// and each mastery rule's outcome are kept, up to a date, and only the days after it are
// computed on each read. Database triggers (drizzle/0011) delete a client's rows whenever a
// write touches a day at or before that date (a backdated session, an edited run, a changed
// prescription, a new time zone): every write path is covered without the services having
// to remember. Readers rebuild what is missing under a shared per-client advisory lock, so a
// concurrent backdated write cannot leave a stale row behind (see db/history-lock.ts).

/** Adherence of a client's closed weeks, up to and including `through` (a Sunday). */
export const progressSnapshots = pgTable(
  "progress_snapshots",
  {
    clientId: uuid("client_id").primaryKey().references(() => clients.id, { onDelete: "cascade" }),
    studioId: uuid("studio_id").notNull(),
    through: date("through", { mode: "string" }).notNull(),
    /** The closed weeks and the streak parts the live days continue (HistorySnapshot). */
    summary: jsonb("summary").notNull(),
    /** The summary without its weeks and days, kept beside it: the overview reads 500 of these, not 500 whole histories. */
    summaryHead: jsonb("summary_head").generatedAlwaysAs(sql`summary - 'weeks' - 'days'`),
    computedAt: createdAt(),
  },
);

/** Whether (and first when) a client met one mastery rule, over the days up to `checked_through`. */
export const masteryChecks = pgTable(
  "mastery_checks",
  {
    clientId: uuid("client_id").notNull().references(() => clients.id, { onDelete: "cascade" }),
    studioId: uuid("studio_id").notNull(),
    requiresDrillId: uuid("requires_drill_id").notNull(),
    /** The rule as it was evaluated: a changed rule is a different row. */
    ruleKey: text("rule_key").notNull(),
    checkedThrough: date("checked_through", { mode: "string" }).notNull(),
    firstMet: date("first_met", { mode: "string" }),
  },
  (t) => [
    primaryKey({ columns: [t.clientId, t.requiresDrillId, t.ruleKey] }),
  ],
);
export type MasteryCheck = typeof masteryChecks.$inferSelect;
