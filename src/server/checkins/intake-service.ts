import { createHash } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { checkAnswers, FORM_CHANGED_MESSAGE, type answerCheckinInput } from "@/lib/checkins/answers";
import type { CheckinQuestion, PainScore, QuestionKind, QuestionOptions } from "@/lib/checkins/vocabulary";
import { HELD_MESSAGE } from "@/lib/checkins/intake";
import { DomainError, notFound } from "@/lib/errors";
import { localDateIn } from "@/lib/local-date";
import type { Queryable } from "@/server/db/client";
import { preparedQuery, value } from "@/server/db/prepared";
import { checkinAnswers, checkinForms, checkinPainScores, checkinQuestions, checkinResponses, clients, studioMembers, users, type CheckinResponse } from "@/server/db/schema";
import { clientNotDeleted, inStudio } from "@/server/db/tenancy";
import { zoneOf } from "@/server/dates/zones";
import { trainerAuthorOf } from "@/server/messages/access";
import { threadAudience } from "@/server/messages/audience";
import { postMessage } from "@/server/messages/service";
import { conversationOf } from "@/server/messages/threads";
import { notify } from "@/server/notifications/notify";
import { answerRefusal, formChanged, liveIntakeFormOf, liveQuestionsOf, lockAsAsked } from "./forms";
import { storeResponse } from "./store-response";

// The health questions a new client answers before their first drill (the studio's intake
// form, built in the spirit of the PAR-Q). A "yes" to a red-flag question holds the client's
// programme: Today and the log page show no drills and a session cannot be logged, until a
// trainer has read the answers and cleared the client. Runs stay open: the client's own running
// is not the programme.

export { HELD_MESSAGE };

export type IntakeState = "not_asked" | "to_answer" | "answered" | "held" | "cleared";

export type IntakeStatus =
  | { status: "not_asked" }
  | { status: "to_answer"; form: { id: string; title: string; description: string }; questions: CheckinQuestion[] }
  | { status: "answered" | "held" | "cleared"; responseId: string; answeredAt: Date };

/** Where a stored intake stands: answered; held while a red flag waits for the trainer; cleared once they have read it. */
export function intakeStateOf(response: Pick<CheckinResponse, "hasRedFlag" | "clearedAt">): "answered" | "held" | "cleared" {
  if (!response.hasRedFlag) return "answered";
  return response.clearedAt ? "cleared" : "held";
}

// Read by every Today (the hold): prepared once (db/prepared.ts).
const intakeResponseQuery = preparedQuery("intake_response", (q, name) =>
  q.select().from(checkinResponses).where(inStudio(checkinResponses, value("studioId"), eq(checkinResponses.clientId, value("clientId")), eq(checkinResponses.kind, "intake"))).limit(1).prepare(name),
);

async function intakeResponseOf(q: Queryable, studioId: string, clientId: string): Promise<CheckinResponse | null> {
  const [row] = await intakeResponseQuery(q).execute({ studioId, clientId });
  return row ?? null;
}

/**
 * The one answer to "where does this client stand with the health questions": read by Today
 * (redirect, hold), the log page, the session guard and the trainer's page. A stored intake
 * counts whatever happened to its form since; without one, the studio's live intake form (with
 * its questions) is to answer, and a studio with none (archived, or emptied) asks nothing.
 */
export async function intakeStatusOf(q: Queryable, studioId: string, clientId: string): Promise<IntakeStatus> {
  const response = await intakeResponseOf(q, studioId, clientId);
  if (response) return { status: intakeStateOf(response), responseId: response.id, answeredAt: response.answeredAt };
  const form = await liveIntakeFormOf(q, studioId);
  if (!form) return { status: "not_asked" };
  const questions = await liveQuestionsOf(q, studioId, form.id);
  if (questions.length === 0) return { status: "not_asked" };
  return { status: "to_answer", form: { id: form.id, title: form.title, description: form.description }, questions };
}

/**
 * Whether the client's programme waits for their trainer (a red flag not yet cleared): the
 * status above without the form's questions, which a hold never needs (one read on every Today
 * and every drill log, and nothing written).
 */
export async function isHeldForHealth(q: Queryable, studioId: string, clientId: string): Promise<boolean> {
  const response = await intakeResponseOf(q, studioId, clientId);
  return response !== null && intakeStateOf(response) === "held";
}

/** Refuses a drill log while the programme is held: called by the session log, inside its transaction. */
export async function refuseWhileHeld(q: Queryable, studioId: string, clientId: string): Promise<void> {
  if (await isHeldForHealth(q, studioId, clientId)) throw new DomainError("PRECONDITION_FAILED", HELD_MESSAGE);
}

const NO_INTAKE_MESSAGE = "Your studio asks no health questions now; go on to Today.";

export type AnswerIntakeInput = z.output<typeof answerCheckinInput>;

/**
 * The client answers the studio's live intake form. One transaction: the response and its
 * answers (storeResponse) and, for a red flag, the coach and the owners told. Answered twice (two
 * tabs, a retry), the first one is kept and nobody is told again.
 */
export async function answerIntake(q: Queryable, studioId: string, clientId: string, input: AnswerIntakeInput, now: Date): Promise<{ responseId: string; isNew: boolean; status: "answered" | "held" | "cleared" }> {
  return q.transaction(async (tx) => {
    const stored = await intakeResponseOf(tx, studioId, clientId);
    if (stored) return { responseId: stored.id, isNew: false, status: intakeStateOf(stored) };
    const form = await liveIntakeFormOf(tx, studioId);
    if (!form) throw new DomainError("PRECONDITION_FAILED", NO_INTAKE_MESSAGE);
    if (form.id !== input.formId) throw formChanged();
    const asked = await liveQuestionsOf(tx, studioId, form.id);
    const checked = checkAnswers(asked, input.answers);
    const [issue] = checked.issues;
    if (issue) throw answerRefusal(issue);
    // The form locked as it stands now (see answerCheckin): an edit committed since the read
    // above, or one this waited for, stores nothing.
    const standing = await lockAsAsked(tx, studioId, form.id, asked);
    if (standing === "gone") throw new DomainError("PRECONDITION_FAILED", NO_INTAKE_MESSAGE);
    if (standing === "changed") throw formChanged();
    const timeZone = await zoneOf(tx, studioId, { clientId });
    const { response, isNew } = await storeResponse(tx, {
      studioId,
      clientId,
      responseId: input.responseId,
      formId: form.id,
      kind: "intake",
      scheduleId: null,
      dueOn: null,
      localDate: localDateIn(now, timeZone),
      checked,
      now,
    });
    if (isNew && response.hasRedFlag) await tellTrainersOfRedFlag(tx, studioId, clientId);
    return { responseId: response.id, isNew, status: intakeStateOf(response) };
  });
}

// The client's coach and the studio's owners: the people the client's conversation is with.
async function tellTrainersOfRedFlag(tx: Queryable, studioId: string, clientId: string): Promise<void> {
  const [client] = await tx.select({ name: clients.name }).from(clients).where(inStudio(clients, studioId, eq(clients.id, clientId))).limit(1);
  const { trainerUserIds } = await threadAudience(tx, studioId, clientId);
  for (const userId of trainerUserIds) {
    await notify(tx, {
      studioId,
      userId,
      kind: "health_flag",
      title: "A client's health answers need your eye",
      body: `${client?.name ?? "A client"} answered yes to a health question. Their drills wait until you clear them.`,
      url: `/dashboard/clients/${clientId}`,
    });
  }
}

export const MAX_CLEAR_NOTE_LENGTH = 500;

/**
 * A trainer who may see the client (checked by the procedure) clears a held intake: the
 * programme starts, and the client reads it in their conversation with the trainer's note. A
 * message rather than a notification kind of its own: the client can answer it where they talk
 * to their coach, it stays in that history, and it is told through the message switch they know.
 * Clearing an intake already cleared changes nothing (a double tap, a second trainer).
 */
export async function clearIntake(q: Queryable, studioId: string, memberId: string, clientId: string, note: string | null, now: Date = new Date()) {
  return q.transaction(async (tx) => {
    const [client] = await tx.select({ id: clients.id }).from(clients).where(inStudio(clients, studioId, eq(clients.id, clientId), clientNotDeleted)).limit(1);
    if (!client) throw notFound("client");
    const response = await intakeResponseOf(tx, studioId, clientId);
    if (!response) throw new DomainError("PRECONDITION_FAILED", "This client has not answered the health questions yet; there is nothing to clear.");
    if (!response.hasRedFlag) throw new DomainError("PRECONDITION_FAILED", "This client answered no to every health question; there is nothing to clear.");
    if (response.clearedAt) return { status: "cleared" as const, clearedAt: response.clearedAt };
    const clearNote = note?.trim() ? note.trim() : null;
    const [cleared] = await tx
      .update(checkinResponses)
      .set({ clearedAt: now, clearedByMemberId: memberId, clearNote })
      .where(inStudio(checkinResponses, studioId, eq(checkinResponses.id, response.id), eq(checkinResponses.hasRedFlag, true)))
      .returning();
    await tellClientCleared(tx, studioId, memberId, clientId, response.id, clearNote, now);
    return { status: "cleared" as const, clearedAt: cleared!.clearedAt! };
  });
}

async function tellClientCleared(tx: Queryable, studioId: string, memberId: string, clientId: string, responseId: string, note: string | null, now: Date) {
  // The procedure checked the trainer may see the client.
  const author = await trainerAuthorOf(tx, studioId, memberId);
  if (!author) return;
  const thread = await conversationOf(tx, studioId, clientId);
  const body = `I have read your health answers and cleared you to train: your drills are on Today.${note ? `\n\n${note}` : ""}`;
  await postMessage(tx, author, thread, { id: clearedMessageId(responseId), body }, now);
}

/** The "cleared to train" message's id, made from the intake's: one message however often the clear is sent. */
function clearedMessageId(responseId: string): string {
  const hex = createHash("sha256").update(`intake-cleared:${responseId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

export type IntakeAnswerView = {
  questionId: string;
  prompt: string;
  kind: QuestionKind;
  options: QuestionOptions;
  isRedFlag: boolean;
  /** A "yes" to a red-flag question. */
  isFlagged: boolean;
  /** Yes/no: the answer; scale and number: the value; choice and text: the words; pain map: the places that hurt. */
  yes: boolean | null;
  number: number | null;
  text: string | null;
  pain: PainScore[];
};

export type IntakeForClient =
  | { status: "not_asked" | "to_answer" }
  | {
      status: "answered" | "held" | "cleared";
      responseId: string;
      formTitle: string;
      answeredAt: Date;
      answers: IntakeAnswerView[];
      cleared: { at: Date; byName: string | null; note: string | null } | null;
    };

/** The client's health answers for their trainer: each answer in the form's order, red flags marked, pain by place and side, and who cleared them. */
export async function intakeForClient(q: Queryable, studioId: string, clientId: string): Promise<IntakeForClient> {
  const [client] = await q.select({ id: clients.id }).from(clients).where(inStudio(clients, studioId, eq(clients.id, clientId), clientNotDeleted)).limit(1);
  if (!client) throw notFound("client");
  const status = await intakeStatusOf(q, studioId, clientId);
  if (status.status === "not_asked" || status.status === "to_answer") return { status: status.status };
  const [head] = await q
    .select({ response: checkinResponses, formTitle: checkinForms.title, clearedByName: users.name })
    .from(checkinResponses)
    .innerJoin(checkinForms, and(eq(checkinForms.studioId, checkinResponses.studioId), eq(checkinForms.id, checkinResponses.formId)))
    .leftJoin(studioMembers, eq(studioMembers.id, checkinResponses.clearedByMemberId))
    .leftJoin(users, eq(users.id, studioMembers.userId))
    .where(inStudio(checkinResponses, studioId, eq(checkinResponses.id, status.responseId)))
    .limit(1);
  const { response } = head!;
  // Removed questions keep their wording, so an old answer still reads as it was asked.
  const rows = await q
    .select({ answer: checkinAnswers, question: checkinQuestions })
    .from(checkinAnswers)
    .innerJoin(checkinQuestions, and(eq(checkinQuestions.studioId, checkinAnswers.studioId), eq(checkinQuestions.id, checkinAnswers.questionId)))
    .where(inStudio(checkinAnswers, studioId, eq(checkinAnswers.responseId, response.id)))
    .orderBy(asc(checkinQuestions.position), asc(checkinQuestions.createdAt));
  const pain = await q
    .select({ questionId: checkinPainScores.questionId, place: checkinPainScores.place, side: checkinPainScores.side, score: checkinPainScores.score })
    .from(checkinPainScores)
    .where(inStudio(checkinPainScores, studioId, eq(checkinPainScores.responseId, response.id)));
  const answers = rows.map(({ answer, question }): IntakeAnswerView => {
    const isYesNo = question.kind === "yes_no";
    return {
      questionId: question.id,
      prompt: question.prompt,
      kind: question.kind,
      options: question.options,
      isRedFlag: question.isRedFlag,
      isFlagged: question.isRedFlag && answer.boolValue === true,
      yes: isYesNo ? answer.boolValue : null,
      number: answer.numberValue,
      text: answer.textValue,
      pain: pain.filter((p) => p.questionId === question.id).map(({ place, side, score }) => ({ place, side, score })),
    };
  });
  return {
    status: status.status,
    responseId: response.id,
    formTitle: head!.formTitle,
    answeredAt: response.answeredAt,
    answers,
    cleared: response.clearedAt ? { at: response.clearedAt, byName: head!.clearedByName, note: response.clearNote } : null,
  };
}
