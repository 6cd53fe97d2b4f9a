import { and, asc, count, eq, isNotNull, isNull, max, sql } from "drizzle-orm";
import type { Queryable, Tx } from "@/server/db/client";
import { checkinAnswers, checkinForms, checkinPainScores, checkinQuestions, checkinResponses, checkinSchedules, type CheckinForm } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { DomainError, notFound } from "@/lib/errors";
import { questionFitsForm, sameAnswerShape, type FormFields, type QuestionFields } from "@/lib/checkins/question-input";
import { MAX_QUESTIONS_PER_FORM, type CheckinQuestion, type FormKind, type QuestionKind } from "@/lib/checkins/vocabulary";
import { BUILT_IN_FORMS } from "./built-in-forms";
import { ensureBuiltInCheckinForms, questionColumns } from "./forms";
import { schedulesInForce } from "./schedules-in-force";

// The trainer's side of the studio's questionnaires: the built-in intake, morning check-in and
// weekly review, edited like the studio's own check-in forms. Old answers keep the wording they
// were given under: a question with answers is removed (hidden), never deleted, and its kind and
// options never change.

export const ANSWERED_SHAPE_LOCKED = "Remove it and add a new question; its answers stay with the old wording.";
export const INTAKE_ARCHIVED_NOTICE = "New clients are now asked no health questions before they start; restore the questionnaire to ask them again.";
export const CHECKIN_ARCHIVED_NOTICE = "Clients scheduled for this check-in are no longer asked it; restore it to ask them again.";

export type FormSummary = {
  id: string;
  kind: FormKind;
  isBuiltIn: boolean;
  title: string;
  description: string;
  archivedAt: Date | null;
  /** The live questions, in order: what the form asks. */
  asks: { kind: QuestionKind; prompt: string }[];
  /** Clients asked it now (their own schedule or a programme's). */
  scheduledClients: number;
  /** Programmes whose clients are asked it. */
  scheduledPrograms: number;
  /** Responses stored, all time. */
  answeredCount: number;
};

export type EditorQuestion = CheckinQuestion & { position: number; answerCount: number };

export type FormDetail = Omit<FormSummary, "asks"> & { questions: EditorQuestion[] };

const BUILT_IN_ORDER = new Map(BUILT_IN_FORMS.map((f, i) => [f.key, i]));

/** Intake first, then check-ins: built-ins in their order, then the studio's own by title; archived last. */
function byEditorOrder(a: CheckinForm, b: CheckinForm): number {
  const rank = (f: CheckinForm) => [f.archivedAt ? 1 : 0, f.kind === "intake" ? 0 : 1, f.builtInKey ? (BUILT_IN_ORDER.get(f.builtInKey) ?? 0) : BUILT_IN_FORMS.length] as const;
  const [ra, rb] = [rank(a), rank(b)];
  for (let i = 0; i < ra.length; i += 1) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
  return a.title.localeCompare(b.title);
}

/** How many clients and programmes each form is asked of now, and how often it was answered. */
async function formFigures(q: Queryable, studioId: string, formId?: string) {
  const inForce = await schedulesInForce(q, studioId);
  const clientsByForm = new Map<string, Set<string>>();
  for (const s of inForce) {
    if (formId && s.formId !== formId) continue;
    const set = clientsByForm.get(s.formId) ?? new Set<string>();
    set.add(s.clientId);
    clientsByForm.set(s.formId, set);
  }
  const programRows = await q
    .select({ formId: checkinSchedules.formId, n: count() })
    .from(checkinSchedules)
    .where(inStudio(checkinSchedules, studioId, isNull(checkinSchedules.endedAt), isNotNull(checkinSchedules.programId), formId ? eq(checkinSchedules.formId, formId) : undefined))
    .groupBy(checkinSchedules.formId);
  const answeredRows = await q
    .select({ formId: checkinResponses.formId, n: count() })
    .from(checkinResponses)
    .where(inStudio(checkinResponses, studioId, formId ? eq(checkinResponses.formId, formId) : undefined))
    .groupBy(checkinResponses.formId);
  const programs = new Map(programRows.map((r) => [r.formId, Number(r.n)]));
  const answered = new Map(answeredRows.map((r) => [r.formId, Number(r.n)]));
  return (id: string) => ({ scheduledClients: clientsByForm.get(id)?.size ?? 0, scheduledPrograms: programs.get(id) ?? 0, answeredCount: answered.get(id) ?? 0 });
}

function summaryOf(form: CheckinForm) {
  return { id: form.id, kind: form.kind, isBuiltIn: form.builtInKey !== null, title: form.title, description: form.description, archivedAt: form.archivedAt };
}

/** The studio's questionnaires for the editor's list: the intake first, then the check-ins. */
export async function listForms(q: Queryable, studioId: string): Promise<FormSummary[]> {
  await ensureBuiltInCheckinForms(q, studioId);
  const forms = await q.select().from(checkinForms).where(inStudio(checkinForms, studioId));
  const questions = await q
    .select({ formId: checkinQuestions.formId, kind: checkinQuestions.kind, prompt: checkinQuestions.prompt })
    .from(checkinQuestions)
    .where(inStudio(checkinQuestions, studioId, isNull(checkinQuestions.removedAt)))
    .orderBy(asc(checkinQuestions.position), asc(checkinQuestions.createdAt));
  const figures = await formFigures(q, studioId);
  return forms.sort(byEditorOrder).map((form) => ({
    ...summaryOf(form),
    asks: questions.filter((question) => question.formId === form.id).map(({ kind, prompt }) => ({ kind, prompt })),
    ...figures(form.id),
  }));
}

/** One questionnaire of the studio with its live questions in order; another studio's is "not found". */
export async function getForm(q: Queryable, studioId: string, formId: string): Promise<FormDetail> {
  await ensureBuiltInCheckinForms(q, studioId);
  const [form] = await q.select().from(checkinForms).where(inStudio(checkinForms, studioId, eq(checkinForms.id, formId))).limit(1);
  if (!form) throw notFound("form");
  const rows = await q
    .select({
      ...questionColumns,
      position: checkinQuestions.position,
      answerCount: sql<number>`(select count(*) from ${checkinAnswers} a where (a.studio_id, a.question_id) = (${checkinQuestions.studioId}, ${checkinQuestions.id}))`.mapWith(Number),
    })
    .from(checkinQuestions)
    .where(inStudio(checkinQuestions, studioId, eq(checkinQuestions.formId, formId), isNull(checkinQuestions.removedAt)))
    .orderBy(asc(checkinQuestions.position), asc(checkinQuestions.createdAt));
  const figures = await formFigures(q, studioId, formId);
  return { ...summaryOf(form), questions: rows, ...figures(form.id) };
}

/** A new check-in form of the studio, with no questions yet (the intake is the built-in one). */
export async function createForm(q: Queryable, studioId: string, memberId: string, fields: FormFields): Promise<{ id: string }> {
  await ensureBuiltInCheckinForms(q, studioId);
  const [row] = await q
    .insert(checkinForms)
    .values({ studioId, kind: "checkin", title: fields.title, description: fields.description, createdByMemberId: memberId })
    .returning({ id: checkinForms.id });
  return row!;
}

/**
 * The form, locked for the change: one editor at a time per form keeps positions and the count
 * right. Every change of a form or its questions takes this lock first: an answer being stored
 * holds the form FOR SHARE (`lockLiveQuestionsForAnswer`), so the change waits for it, and an
 * answer sent meanwhile waits for the change and is told the form changed.
 */
async function lockForm(tx: Tx, studioId: string, formId: string): Promise<CheckinForm> {
  const [form] = await tx.select().from(checkinForms).where(inStudio(checkinForms, studioId, eq(checkinForms.id, formId))).limit(1).for("update");
  if (!form) throw notFound("form");
  return form;
}

export async function updateForm(q: Queryable, studioId: string, formId: string, fields: FormFields): Promise<FormDetail> {
  await q.transaction(async (tx) => {
    await lockForm(tx, studioId, formId);
    await tx
      .update(checkinForms)
      .set({ title: fields.title, description: fields.description })
      .where(inStudio(checkinForms, studioId, eq(checkinForms.id, formId)));
  });
  return getForm(q, studioId, formId);
}

// Archiving the intake means new clients are asked nothing; archiving a check-in stops asking it (schedules stay, asking nothing, until it is restored).
export async function setFormArchived(q: Queryable, studioId: string, formId: string, archived: boolean, now: Date): Promise<{ form: FormDetail; notice: string | null }> {
  const notice = await q.transaction(async (tx) => {
    const form = await lockForm(tx, studioId, formId);
    if (!archived && form.archivedAt && form.kind === "intake") {
      const [live] = await tx
        .select({ id: checkinForms.id })
        .from(checkinForms)
        .where(inStudio(checkinForms, studioId, eq(checkinForms.kind, "intake"), isNull(checkinForms.archivedAt)))
        .limit(1);
      if (live) throw new DomainError("CONFLICT", "New clients are asked one health questionnaire; archive the other one first.");
    }
    if (archived === (form.archivedAt !== null)) return null;
    await tx
      .update(checkinForms)
      .set({ archivedAt: archived ? now : null })
      .where(inStudio(checkinForms, studioId, eq(checkinForms.id, formId)));
    if (!archived) return null;
    return form.kind === "intake" ? INTAKE_ARCHIVED_NOTICE : CHECKIN_ARCHIVED_NOTICE;
  });
  return { form: await getForm(q, studioId, formId), notice };
}

function refuseMisfit(kind: FormKind, question: QuestionFields) {
  const misfit = questionFitsForm(kind, question);
  if (misfit) throw new DomainError("BAD_REQUEST", misfit.message, misfit.field);
}

async function liveQuestionCount(tx: Tx, studioId: string, formId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(checkinQuestions)
    .where(inStudio(checkinQuestions, studioId, eq(checkinQuestions.formId, formId), isNull(checkinQuestions.removedAt)));
  return Number(row?.n ?? 0);
}

/** A question at the end of the form. */
export async function addQuestion(q: Queryable, studioId: string, formId: string, question: QuestionFields): Promise<FormDetail> {
  await ensureBuiltInCheckinForms(q, studioId);
  await q.transaction(async (tx) => {
    const form = await lockForm(tx, studioId, formId);
    refuseMisfit(form.kind, question);
    if ((await liveQuestionCount(tx, studioId, formId)) >= MAX_QUESTIONS_PER_FORM) {
      throw new DomainError("BAD_REQUEST", `A form asks at most ${MAX_QUESTIONS_PER_FORM} questions; remove one before adding another.`);
    }
    const [last] = await tx
      .select({ position: max(checkinQuestions.position) })
      .from(checkinQuestions)
      .where(inStudio(checkinQuestions, studioId, eq(checkinQuestions.formId, formId)));
    await tx.insert(checkinQuestions).values({
      studioId,
      formId,
      position: (last?.position ?? -1) + 1,
      kind: question.options.kind,
      prompt: question.prompt,
      help: question.help,
      options: question.options,
      isRequired: question.isRequired,
      isRedFlag: question.isRedFlag,
    });
  });
  return getForm(q, studioId, formId);
}

/**
 * A live question of the studio and its form, both locked: the form first (as every editor
 * change does), then the question, which also waits for an answer being stored to it.
 */
async function lockQuestion(tx: Tx, studioId: string, questionId: string) {
  const [found] = await tx
    .select({ formId: checkinQuestions.formId })
    .from(checkinQuestions)
    .where(inStudio(checkinQuestions, studioId, eq(checkinQuestions.id, questionId), isNull(checkinQuestions.removedAt)))
    .limit(1);
  if (!found) throw notFound("question");
  const form = await lockForm(tx, studioId, found.formId);
  const [question] = await tx
    .select()
    .from(checkinQuestions)
    .where(inStudio(checkinQuestions, studioId, eq(checkinQuestions.id, questionId), isNull(checkinQuestions.removedAt)))
    .limit(1)
    .for("update");
  if (!question) throw notFound("question");
  return { form, question };
}

/** Whether any client answered the question (a pain map's scores come with its answer row). */
async function hasAnswers(tx: Tx, studioId: string, questionId: string): Promise<boolean> {
  const [answer] = await tx.select({ id: checkinAnswers.questionId }).from(checkinAnswers).where(inStudio(checkinAnswers, studioId, eq(checkinAnswers.questionId, questionId))).limit(1);
  if (answer) return true;
  const [score] = await tx.select({ id: checkinPainScores.questionId }).from(checkinPainScores).where(inStudio(checkinPainScores, studioId, eq(checkinPainScores.questionId, questionId))).limit(1);
  return Boolean(score);
}

// A question's wording may change at any time; what it asks for (kind and options) only while nobody has answered it.
export async function updateQuestion(q: Queryable, studioId: string, questionId: string, next: QuestionFields): Promise<FormDetail> {
  const formId = await q.transaction(async (tx) => {
    const { form, question } = await lockQuestion(tx, studioId, questionId);
    refuseMisfit(form.kind, next);
    const reshaped = question.kind !== next.options.kind || !sameAnswerShape(question.options, next.options);
    if (reshaped && (await hasAnswers(tx, studioId, questionId))) throw new DomainError("CONFLICT", ANSWERED_SHAPE_LOCKED, "question.options");
    await tx
      .update(checkinQuestions)
      .set({ kind: next.options.kind, options: next.options, prompt: next.prompt, help: next.help, isRequired: next.isRequired, isRedFlag: next.isRedFlag })
      .where(inStudio(checkinQuestions, studioId, eq(checkinQuestions.id, questionId)));
    return form.id;
  });
  return getForm(q, studioId, formId);
}

// The question swaps places with its neighbour among the live ones; at the top (or bottom) it stays.
export async function moveQuestion(q: Queryable, studioId: string, questionId: string, direction: "up" | "down"): Promise<FormDetail> {
  const formId = await q.transaction(async (tx) => {
    // The stored id, not the one sent: a uuid may arrive in capitals and still name this row.
    const { form, question } = await lockQuestion(tx, studioId, questionId);
    const live = await tx
      .select({ id: checkinQuestions.id })
      .from(checkinQuestions)
      .where(inStudio(checkinQuestions, studioId, eq(checkinQuestions.formId, form.id), isNull(checkinQuestions.removedAt)))
      .orderBy(asc(checkinQuestions.position), asc(checkinQuestions.createdAt));
    const ids = live.map((r) => r.id);
    const at = ids.indexOf(question.id);
    const to = direction === "up" ? at - 1 : at + 1;
    if (at < 0 || to < 0 || to >= ids.length) return form.id;
    [ids[at], ids[to]] = [ids[to]!, ids[at]!];
    // Renumbered from 0 behind the removed ones, so ties and gaps never make the order ambiguous.
    const [top] = await tx
      .select({ position: max(checkinQuestions.position) })
      .from(checkinQuestions)
      .where(inStudio(checkinQuestions, studioId, eq(checkinQuestions.formId, form.id)));
    const base = (top?.position ?? 0) + 1;
    for (const [i, id] of ids.entries()) {
      await tx
        .update(checkinQuestions)
        .set({ position: base + i })
        .where(inStudio(checkinQuestions, studioId, eq(checkinQuestions.id, id)));
    }
    return form.id;
  });
  return getForm(q, studioId, formId);
}

// A question nobody answered is deleted; one with answers is removed from the form and its answers keep its wording.
export async function removeQuestion(q: Queryable, studioId: string, questionId: string, now: Date): Promise<{ form: FormDetail; kept: boolean }> {
  const { formId, kept } = await q.transaction(async (tx) => {
    const { form } = await lockQuestion(tx, studioId, questionId);
    if ((await liveQuestionCount(tx, studioId, form.id)) <= 1) {
      throw new DomainError("BAD_REQUEST", "A form needs at least one question; add another before removing this one, or archive the form.");
    }
    const answered = await hasAnswers(tx, studioId, questionId);
    const where = inStudio(checkinQuestions, studioId, eq(checkinQuestions.id, questionId));
    if (answered) await tx.update(checkinQuestions).set({ removedAt: now }).where(where);
    else await tx.delete(checkinQuestions).where(and(where, isNull(checkinQuestions.removedAt)));
    return { formId: form.id, kept: answered };
  });
  return { form: await getForm(q, studioId, formId), kept };
}
