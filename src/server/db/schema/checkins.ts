import { sql } from "drizzle-orm";
import { boolean, check, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { CHECKIN_CADENCES, FORM_KINDS, PAIN_PLACES, PAIN_SIDES, QUESTION_KINDS, type QuestionOptions } from "@/lib/checkins/vocabulary";
import { createdAt, id, instant } from "./_columns";
import { drills, programs } from "./drills";
import { clients, studioMembers, studios } from "./studios";

// How the client feels, asked by the studio: the health questionnaire a new client answers
// (intake) and the check-ins the trainer schedules ("how do you feel this morning"). Answers are
// personal health data: tenant rows, exported and deleted with the client (cascade from
// clients through responses).

// A questionnaire of the studio: built-in ones are copied in per studio and can be edited.
export const checkinForms = pgTable(
  "checkin_forms",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    kind: text("kind", { enum: FORM_KINDS }).notNull(),
    /** Set on the studio's copies of the built-in forms, so they are added once. */
    builtInKey: text("built_in_key"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    createdByMemberId: uuid("created_by_member_id").references(() => studioMembers.id),
    createdAt: createdAt(),
    archivedAt: instant("archived_at"),
  },
  (t) => [
    unique("checkin_forms_studio_id_unique").on(t.studioId, t.id),
    index("checkin_forms_studio_idx").on(t.studioId, t.kind),
    uniqueIndex("checkin_forms_built_in_once").on(t.studioId, t.builtInKey).where(sql`${t.builtInKey} is not null`),
    // A studio asks new clients one intake questionnaire.
    uniqueIndex("checkin_forms_one_live_intake").on(t.studioId).where(sql`${t.kind} = 'intake' and ${t.archivedAt} is null`),
  ],
);

// One question of a form. A question that has answers is never deleted, only removed
// (`removed_at`), so old answers keep their wording and a client answering while it is removed
// is told the form changed.
export const checkinQuestions = pgTable(
  "checkin_questions",
  {
    id: id(),
    studioId: uuid("studio_id").notNull(),
    formId: uuid("form_id").notNull(),
    position: integer("position").notNull(),
    kind: text("kind", { enum: QUESTION_KINDS }).notNull(),
    prompt: text("prompt").notNull(),
    help: text("help").notNull().default(""),
    options: jsonb("options").$type<QuestionOptions>().notNull(),
    isRequired: boolean("is_required").notNull().default(true),
    isRedFlag: boolean("is_red_flag").notNull().default(false),
    createdAt: createdAt(),
    removedAt: instant("removed_at"),
  },
  (t) => [
    unique("checkin_questions_studio_id_unique").on(t.studioId, t.id),
    index("checkin_questions_form_idx").on(t.studioId, t.formId, t.position),
    foreignKey({ columns: [t.studioId, t.formId], foreignColumns: [checkinForms.studioId, checkinForms.id] }).onDelete("cascade"),
    check("checkin_questions_red_flag_is_yes_no", sql`not ${t.isRedFlag} or ${t.kind} = 'yes_no'`),
  ],
);

// When a client is asked a check-in form: per client, or per programme (every client with a
// live assignment from it). Times are wall times in the client's own zone; a time the clocks
// skip on some day (02:30 on the spring-forward night) is asked when the clocks jump.
export const checkinSchedules = pgTable(
  "checkin_schedules",
  {
    id: id(),
    studioId: uuid("studio_id").notNull(),
    formId: uuid("form_id").notNull(),
    clientId: uuid("client_id").references(() => clients.id, { onDelete: "cascade" }),
    programId: uuid("program_id"),
    cadence: text("cadence", { enum: CHECKIN_CADENCES }).notNull(),
    /** ISO weekday (1 = Monday) of a weekly check-in; null for a daily one. */
    weekday: smallint("weekday"),
    /** "07:00": the wall time in the client's zone at which it opens (and the reminder goes). */
    atTime: text("at_time").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    createdByMemberId: uuid("created_by_member_id").references(() => studioMembers.id),
    createdAt: createdAt(),
    endedAt: instant("ended_at"),
  },
  (t) => [
    unique("checkin_schedules_studio_id_unique").on(t.studioId, t.id),
    index("checkin_schedules_studio_client_idx").on(t.studioId, t.clientId),
    index("checkin_schedules_studio_program_idx").on(t.studioId, t.programId),
    foreignKey({ columns: [t.studioId, t.formId], foreignColumns: [checkinForms.studioId, checkinForms.id] }),
    foreignKey({ columns: [t.studioId, t.programId], foreignColumns: [programs.studioId, programs.id] }).onDelete("cascade"),
    uniqueIndex("checkin_schedules_live_client").on(t.formId, t.clientId).where(sql`${t.endedAt} is null and ${t.clientId} is not null`),
    uniqueIndex("checkin_schedules_live_program").on(t.formId, t.programId).where(sql`${t.endedAt} is null and ${t.programId} is not null`),
    check("checkin_schedules_one_target", sql`(${t.clientId} is null) <> (${t.programId} is null)`),
    check("checkin_schedules_weekday", sql`case ${t.cadence} when 'weekly' then ${t.weekday} between 1 and 7 else ${t.weekday} is null end`),
    check("checkin_schedules_at_time", sql`${t.atTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
  ],
);

// One answered check-in or intake. The id is made on the client's device (a retry stores it
// once); a scheduled check-in is answered once per day it was due, so two devices answering the
// same one keep the first.
export const checkinResponses = pgTable(
  "checkin_responses",
  {
    id: uuid("id").primaryKey(),
    studioId: uuid("studio_id").notNull(),
    clientId: uuid("client_id").notNull().references(() => clients.id, { onDelete: "cascade" }),
    formId: uuid("form_id").notNull(),
    kind: text("kind", { enum: FORM_KINDS }).notNull(),
    scheduleId: uuid("schedule_id"),
    /** The client's local day the check-in was due; null for the intake. */
    dueOn: date("due_on", { mode: "string" }),
    /** The client's local day it was answered (their zone at the time). */
    localDate: date("local_date", { mode: "string" }).notNull(),
    answeredAt: instant("answered_at").notNull().defaultNow(),
    /** A "yes" to a red-flag question, as the form stood when answered. */
    hasRedFlag: boolean("has_red_flag").notNull().default(false),
    /** The trainer read the red flags and cleared the client to train. */
    clearedAt: instant("cleared_at"),
    clearedByMemberId: uuid("cleared_by_member_id").references(() => studioMembers.id),
    clearNote: text("clear_note"),
  },
  (t) => [
    unique("checkin_responses_studio_id_unique").on(t.studioId, t.id),
    index("checkin_responses_client_idx").on(t.studioId, t.clientId, t.localDate),
    // The attention queue's red flags waiting for a trainer, without reading every response.
    index("checkin_responses_red_flag_idx").on(t.studioId, t.answeredAt).where(sql`${t.hasRedFlag} and ${t.clearedAt} is null`),
    foreignKey({ columns: [t.studioId, t.formId], foreignColumns: [checkinForms.studioId, checkinForms.id] }),
    foreignKey({ columns: [t.studioId, t.scheduleId], foreignColumns: [checkinSchedules.studioId, checkinSchedules.id] }),
    uniqueIndex("checkin_responses_once_per_due").on(t.clientId, t.scheduleId, t.dueOn).where(sql`${t.scheduleId} is not null`),
    uniqueIndex("checkin_responses_one_intake").on(t.clientId).where(sql`${t.kind} = 'intake'`),
    check("checkin_responses_due", sql`(${t.scheduleId} is null) = (${t.dueOn} is null) and (${t.kind} = 'checkin' or ${t.scheduleId} is null)`),
    check("checkin_responses_cleared", sql`${t.clearedAt} is null or ${t.hasRedFlag}`),
  ],
);

// One answer. Exactly the column of its question's kind is set (a pain map's scores are in
// checkin_pain_scores; its answer row says it was answered, even with nothing hurting).
export const checkinAnswers = pgTable(
  "checkin_answers",
  {
    studioId: uuid("studio_id").notNull(),
    responseId: uuid("response_id").notNull(),
    questionId: uuid("question_id").notNull(),
    /** The question's wording when it was answered (it may be reworded later); null only if written without it. */
    prompt: text("prompt"),
    numberValue: numeric("number_value", { mode: "number" }),
    textValue: text("text_value"),
    boolValue: boolean("bool_value"),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.questionId] }),
    index("checkin_answers_studio_question_idx").on(t.studioId, t.questionId),
    foreignKey({ columns: [t.studioId, t.responseId], foreignColumns: [checkinResponses.studioId, checkinResponses.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.studioId, t.questionId], foreignColumns: [checkinQuestions.studioId, checkinQuestions.id] }),
  ],
);

// A pain score above 0 at one place and side, from a pain map. The client and their local day
// are copied from the response so the pain rules read one index.
export const checkinPainScores = pgTable(
  "checkin_pain_scores",
  {
    studioId: uuid("studio_id").notNull(),
    responseId: uuid("response_id").notNull(),
    questionId: uuid("question_id").notNull(),
    clientId: uuid("client_id").notNull(),
    localDate: date("local_date", { mode: "string" }).notNull(),
    place: text("place", { enum: PAIN_PLACES }).notNull(),
    side: text("side", { enum: PAIN_SIDES }).notNull(),
    score: smallint("score").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.questionId, t.place, t.side] }),
    index("checkin_pain_scores_client_idx").on(t.studioId, t.clientId, t.localDate),
    foreignKey({ columns: [t.studioId, t.responseId], foreignColumns: [checkinResponses.studioId, checkinResponses.id] }).onDelete("cascade"),
    check("checkin_pain_scores_score", sql`${t.score} between 1 and 10`),
  ],
);

// The places a drill loads (Hopping: foot, ankle, shin, calf, knee): pain there pauses it, and
// a pain condition on its unlock reads them.
export const drillPainPlaces = pgTable(
  "drill_pain_places",
  {
    studioId: uuid("studio_id").notNull(),
    drillId: uuid("drill_id").notNull(),
    place: text("place", { enum: PAIN_PLACES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.drillId, t.place] }),
    index("drill_pain_places_studio_idx").on(t.studioId, t.drillId),
    foreignKey({ columns: [t.studioId, t.drillId], foreignColumns: [drills.studioId, drills.id] }).onDelete("cascade"),
  ],
);

export type CheckinForm = typeof checkinForms.$inferSelect;
export type CheckinQuestionRow = typeof checkinQuestions.$inferSelect;
export type CheckinSchedule = typeof checkinSchedules.$inferSelect;
export type CheckinResponse = typeof checkinResponses.$inferSelect;
export type CheckinAnswerRow = typeof checkinAnswers.$inferSelect;
export type CheckinPainScore = typeof checkinPainScores.$inferSelect;
export type DrillPainPlace = typeof drillPainPlaces.$inferSelect;
