import { asc, eq, inArray, isNull } from "drizzle-orm";
import type { Queryable, Tx } from "@/server/db/client";
import { checkinForms, checkinQuestions } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { FORM_CHANGED_MESSAGE, type AnswerIssue } from "@/lib/checkins/answers";
import type { CheckinQuestion } from "@/lib/checkins/vocabulary";
import { DomainError } from "@/lib/errors";
import { BUILT_IN_FORMS } from "./built-in-forms";

/**
 * Gives a studio its copy of the built-in questionnaires, once (the unique built-in key makes a
 * second call, or two at once, add nothing). Called before any read of a studio's forms, so a
 * studio made by any path (set-up, sign-up, seed, tests) has them.
 */
export async function ensureBuiltInCheckinForms(q: Queryable, studioId: string): Promise<void> {
  const present = await q
    .select({ key: checkinForms.builtInKey })
    .from(checkinForms)
    .where(inStudio(checkinForms, studioId, inArray(checkinForms.builtInKey, BUILT_IN_FORMS.map((f) => f.key))));
  const missing = BUILT_IN_FORMS.filter((f) => !present.some((p) => p.key === f.key));
  if (missing.length === 0) return;
  await q.transaction(async (tx) => {
    for (const form of missing) {
      const [row] = await tx
        .insert(checkinForms)
        .values({ studioId, kind: form.kind, builtInKey: form.key, title: form.title, description: form.description })
        .onConflictDoNothing()
        .returning({ id: checkinForms.id });
      // Another request added it first (or the studio made its own intake): nothing to add.
      if (!row) continue;
      await tx.insert(checkinQuestions).values(
        form.questions.map((question, position) => ({
          studioId,
          formId: row.id,
          position,
          kind: question.kind,
          prompt: question.prompt,
          help: question.help ?? "",
          options: question.options,
          isRequired: question.isRequired ?? true,
          isRedFlag: question.isRedFlag ?? false,
        })),
      );
    }
  });
}

/** A question as the client is shown it (`CheckinQuestion`), for every read of a form's questions. */
export const questionColumns = {
  id: checkinQuestions.id,
  kind: checkinQuestions.kind,
  prompt: checkinQuestions.prompt,
  help: checkinQuestions.help,
  options: checkinQuestions.options,
  isRequired: checkinQuestions.isRequired,
  isRedFlag: checkinQuestions.isRedFlag,
};

/** A form's live questions (not removed), in order, as the client is asked them. */
export async function liveQuestionsOf(q: Queryable, studioId: string, formId: string): Promise<CheckinQuestion[]> {
  const rows = await q
    .select(questionColumns)
    .from(checkinQuestions)
    .where(inStudio(checkinQuestions, studioId, eq(checkinQuestions.formId, formId), isNull(checkinQuestions.removedAt)))
    .orderBy(asc(checkinQuestions.position), asc(checkinQuestions.createdAt));
  return rows;
}

/**
 * The form's live questions as an answer is stored, read inside the answer's transaction under
 * FOR SHARE locks on the form row and on each live question row. Every change of the form editor
 * locks the form FOR UPDATE first (form-editor.ts), so the two take turns: an answer sent while
 * an edit is under way waits for it and reads the form as it then stands, and an edit begun
 * while an answer is being stored waits until it is (and then sees its answers). Null when the
 * form is archived or gone.
 */
async function lockLiveQuestionsForAnswer(tx: Tx, studioId: string, formId: string): Promise<CheckinQuestion[] | null> {
  const [form] = await tx
    .select({ id: checkinForms.id })
    .from(checkinForms)
    .where(inStudio(checkinForms, studioId, eq(checkinForms.id, formId), isNull(checkinForms.archivedAt)))
    .limit(1)
    .for("share");
  if (!form) return null;
  return tx
    .select(questionColumns)
    .from(checkinQuestions)
    .where(inStudio(checkinQuestions, studioId, eq(checkinQuestions.formId, formId), isNull(checkinQuestions.removedAt)))
    .orderBy(asc(checkinQuestions.position), asc(checkinQuestions.createdAt))
    .for("share");
}

/**
 * Whether the form still asks what the answers were checked against (`asked`, read before the
 * transaction or earlier in it), taking `lockLiveQuestionsForAnswer`'s locks so it stays so until
 * they are stored: "same", "changed" (the client must see the form again) or "gone" (archived).
 */
export async function lockAsAsked(tx: Tx, studioId: string, formId: string, asked: readonly CheckinQuestion[]): Promise<"same" | "changed" | "gone"> {
  const locked = await lockLiveQuestionsForAnswer(tx, studioId, formId);
  if (!locked) return "gone";
  return askSame(asked, locked) ? "same" : "changed";
}

/**
 * The refusal of answers that failed `checkAnswers`: a form that changed under the client is a
 * CONFLICT (their answers were right for what they saw), anything else a BAD_REQUEST on the field.
 */
export function answerRefusal(issue: AnswerIssue, field?: string): DomainError {
  if (issue.message === FORM_CHANGED_MESSAGE) return formChanged(field);
  return new DomainError("BAD_REQUEST", issue.message, issue.questionId ?? field);
}

/** The answers were for a form that no longer stands as the client saw it. */
export const formChanged = (field?: string) => new DomainError("CONFLICT", FORM_CHANGED_MESSAGE, field);

/**
 * Whether two reads of a form's live questions ask the same: the same questions in the same
 * order, with the same wording, kind, options and flags. The answers were checked against the
 * first; stored against the second, they must mean what the client was asked.
 */
function askSame(a: readonly CheckinQuestion[], b: readonly CheckinQuestion[]): boolean {
  return a.length === b.length && a.every((question, i) => JSON.stringify(askedOf(question)) === JSON.stringify(askedOf(b[i]!)));
}

const askedOf = (q: CheckinQuestion) => [q.id, q.kind, q.prompt, q.help, q.options, q.isRequired, q.isRedFlag];

/** The studio's live intake form (null when the studio archived it: new clients are then asked nothing). */
export async function liveIntakeFormOf(q: Queryable, studioId: string) {
  await ensureBuiltInCheckinForms(q, studioId);
  const [form] = await q
    .select()
    .from(checkinForms)
    .where(inStudio(checkinForms, studioId, eq(checkinForms.kind, "intake"), isNull(checkinForms.archivedAt)))
    .limit(1);
  return form ?? null;
}

