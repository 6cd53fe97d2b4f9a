import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Equipment, PrescriptionDefaults } from "@/lib/drills/vocabulary";
import { createdAt, id, instant } from "./_columns";
import { clients, studioMembers, studios } from "./studios";

// The drill library of a studio. Built-in drills (the method of the brief) are rows too,
// one set per studio, so assignments, programs and prerequisites point at one kind of row;
// built-ins cannot be edited, only copied into a studio drill.
export const drills = pgTable(
  "drills",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    slug: text("slug").notNull(),
    isBuiltIn: boolean("is_built_in").notNull().default(false),
    copiedFromId: uuid("copied_from_id"),
    name: text("name").notNull(),
    purpose: text("purpose").notNull().default(""),
    steps: jsonb("steps").$type<string[]>().notNull().default([]),
    cues: jsonb("cues").$type<string[]>().notNull().default([]),
    equipment: jsonb("equipment").$type<Equipment[]>().notNull().default([]),
    level: text("level", { enum: ["foundation", "intermediate", "advanced"] }).notNull(),
    measure: text("measure", { enum: ["hold_seconds", "reps", "contacts", "distance_m", "free"] }).notNull(),
    perSide: boolean("per_side").notNull(),
    recordsContactFeel: boolean("records_contact_feel").notNull().default(false),
    videoUrl: text("video_url"),
    defaultPrescription: jsonb("default_prescription").$type<PrescriptionDefaults>().notNull(),
    sortOrder: integer("sort_order").notNull().default(100),
    tagline: text("tagline"),
    createdByMemberId: uuid("created_by_member_id").references(() => studioMembers.id),
    // A drill in use is archived, never deleted, so logged history keeps its meaning.
    archivedAt: instant("archived_at"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("drills_studio_slug_unique").on(t.studioId, t.slug),
    // Lets other tables prove with a composite foreign key that a drill is of their studio.
    unique("drills_studio_id_unique").on(t.studioId, t.id),
    index("drills_studio_name_idx").on(t.studioId, t.name),
  ],
);

// "Master drill X before this one" (Hopping requires Knee Drive), with the studio's rule.
export const drillPrerequisites = pgTable(
  "drill_prerequisites",
  {
    id: id(),
    studioId: uuid("studio_id").notNull(),
    drillId: uuid("drill_id").notNull(),
    requiresDrillId: uuid("requires_drill_id").notNull(),
    minValuePerSide: numeric("min_value_per_side", { mode: "number" }).notNull(),
    requiredDays: integer("required_days").notNull(),
    windowDays: integer("window_days").notNull(),
    /**
     * How the client feels, beside the mastery rule: pain at the drill's places (drill_pain_places
     * of the drill being unlocked) at most `pain_max_score` on each side in each of the last
     * `pain_checkins` check-ins with a pain map. Both null = no pain condition.
     */
    painMaxScore: integer("pain_max_score"),
    painCheckins: integer("pain_checkins"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("drill_prerequisites_unique").on(t.drillId, t.requiresDrillId),
    index("drill_prerequisites_studio_idx").on(t.studioId, t.drillId),
    foreignKey({ columns: [t.studioId, t.drillId], foreignColumns: [drills.studioId, drills.id] }),
    foreignKey({ columns: [t.studioId, t.requiresDrillId], foreignColumns: [drills.studioId, drills.id] }),
    check("drill_prerequisites_not_self", sql`${t.drillId} <> ${t.requiresDrillId}`),
    check("drill_prerequisites_rule", sql`${t.minValuePerSide} > 0 and ${t.requiredDays} >= 1 and ${t.windowDays} between 1 and 90 and ${t.requiredDays} <= ${t.windowDays}`),
    check("drill_prerequisites_pain", sql`(${t.painMaxScore} is null) = (${t.painCheckins} is null) and (${t.painMaxScore} is null or (${t.painMaxScore} between 0 and 9 and ${t.painCheckins} between 1 and 30))`),
  ],
);

export const assignmentStatus = ["active", "paused", "ended"] as const;

// One drill prescribed to one client. The prescription in force is the latest row of
// `assignment_versions`; every change, pause, resume and end adds a version.
export const assignments = pgTable(
  "assignments",
  {
    id: id(),
    studioId: uuid("studio_id").notNull(),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    drillId: uuid("drill_id").notNull(),
    programId: uuid("program_id"),
    status: text("status", { enum: assignmentStatus }).notNull().default("active"),
    /** The version in force (the highest version number). */
    version: integer("version").notNull().default(1),
    createdByMemberId: uuid("created_by_member_id").references(() => studioMembers.id),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("assignments_studio_client_idx").on(t.studioId, t.clientId),
    unique("assignments_studio_id_unique").on(t.studioId, t.id),
    foreignKey({ columns: [t.studioId, t.drillId], foreignColumns: [drills.studioId, drills.id] }),
    // One live assignment per client and drill: applying a program twice cannot duplicate it.
    uniqueIndex("assignments_live_unique").on(t.clientId, t.drillId).where(sql`${t.status} <> 'ended'`),
  ],
);

// The history of an assignment: each row is the prescription and status from `created_at`
// on, with who made the change. A logged session refers to the version it was done under.
export const assignmentVersions = pgTable(
  "assignment_versions",
  {
    id: id(),
    studioId: uuid("studio_id").notNull(),
    assignmentId: uuid("assignment_id").notNull(),
    version: integer("version").notNull(),
    action: text("action", { enum: ["assigned", "changed", "paused", "resumed", "ended"] }).notNull(),
    status: text("status", { enum: assignmentStatus }).notNull(),
    sets: integer("sets").notNull(),
    targetPerSide: integer("target_per_side"),
    repMin: integer("rep_min"),
    repMax: integer("rep_max"),
    daily: boolean("daily").notNull(),
    beforeRun: boolean("before_run").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
    notes: text("notes"),
    changedByMemberId: uuid("changed_by_member_id").references(() => studioMembers.id),
    /**
     * Why the change was made, when the app made it by itself (changed_by_member_id is null):
     * "pain 6/10 at the left knee in the morning check-in of 3 December (the studio pauses above 5)."
     */
    reason: text("reason"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("assignment_versions_unique").on(t.assignmentId, t.version),
    index("assignment_versions_studio_idx").on(t.studioId, t.assignmentId),
    foreignKey({ columns: [t.studioId, t.assignmentId], foreignColumns: [assignments.studioId, assignments.id] }),
    check("assignment_versions_sets", sql`${t.sets} between 1 and 20`),
    check("assignment_versions_target", sql`${t.targetPerSide} is null or ${t.targetPerSide} > 0`),
    check("assignment_versions_reps", sql`(${t.repMin} is null) = (${t.repMax} is null) and (${t.repMin} is null or (${t.repMin} >= 1 and ${t.repMin} <= ${t.repMax}))`),
    check("assignment_versions_schedule", sql`${t.daily} or ${t.beforeRun}`),
    check("assignment_versions_dates", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

// A trainer unlocking a locked drill early for one client, with the reason kept.
export const unlockOverrides = pgTable(
  "unlock_overrides",
  {
    id: id(),
    studioId: uuid("studio_id").notNull(),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    drillId: uuid("drill_id").notNull(),
    reason: text("reason").notNull(),
    createdByMemberId: uuid("created_by_member_id").notNull().references(() => studioMembers.id),
    createdAt: createdAt(),
    revokedAt: instant("revoked_at"),
    revokedByMemberId: uuid("revoked_by_member_id").references(() => studioMembers.id),
  },
  (t) => [
    index("unlock_overrides_studio_client_idx").on(t.studioId, t.clientId),
    foreignKey({ columns: [t.studioId, t.drillId], foreignColumns: [drills.studioId, drills.id] }),
    uniqueIndex("unlock_overrides_live_unique").on(t.clientId, t.drillId).where(sql`${t.revokedAt} is null`),
  ],
);

// A named set of drills with prescriptions ("Runner's foundation"), applied in one step.
export const programs = pgTable(
  "programs",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    slug: text("slug").notNull(),
    isBuiltIn: boolean("is_built_in").notNull().default(false),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdByMemberId: uuid("created_by_member_id").references(() => studioMembers.id),
    archivedAt: instant("archived_at"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("programs_studio_slug_unique").on(t.studioId, t.slug),
    unique("programs_studio_id_unique").on(t.studioId, t.id),
    index("programs_studio_name_idx").on(t.studioId, t.name),
  ],
);

export const programItems = pgTable(
  "program_items",
  {
    id: id(),
    studioId: uuid("studio_id").notNull(),
    programId: uuid("program_id").notNull(),
    drillId: uuid("drill_id").notNull(),
    position: integer("position").notNull(),
    prescription: jsonb("prescription").$type<PrescriptionDefaults>().notNull(),
  },
  (t) => [
    index("program_items_studio_program_idx").on(t.studioId, t.programId),
    unique("program_items_drill_unique").on(t.programId, t.drillId),
    foreignKey({ columns: [t.studioId, t.programId], foreignColumns: [programs.studioId, programs.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.studioId, t.drillId], foreignColumns: [drills.studioId, drills.id] }),
  ],
);

export type Drill = typeof drills.$inferSelect;
export type NewDrill = typeof drills.$inferInsert;
export type DrillPrerequisiteRow = typeof drillPrerequisites.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
export type AssignmentVersion = typeof assignmentVersions.$inferSelect;
export type UnlockOverrideRow = typeof unlockOverrides.$inferSelect;
export type Program = typeof programs.$inferSelect;
export type ProgramItemRow = typeof programItems.$inferSelect;
