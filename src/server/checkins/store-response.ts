import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { checkinAnswers, checkinPainScores, checkinResponses, type CheckinResponse } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import type { CheckedAnswers } from "@/lib/checkins/answers";
import type { FormKind } from "@/lib/checkins/vocabulary";
import type { LocalDate } from "@/lib/local-date";
import { DomainError } from "@/lib/errors";

export type StoreResponseInput = {
  studioId: string;
  clientId: string;
  /** Made on the client's device. */
  responseId: string;
  formId: string;
  kind: FormKind;
  scheduleId: string | null;
  dueOn: LocalDate | null;
  /** The client's local day now. */
  localDate: LocalDate;
  checked: CheckedAnswers;
  now: Date;
};

/**
 * Stores one answered check-in or intake, inside the caller's transaction: the response, one
 * row per answer and the pain scores, or nothing. A response already stored (the same id from a
 * retry, or another device that answered the same due check-in first) is kept as it is and
 * returned with `isNew: false`; the second set of answers is dropped whole.
 */
export async function storeResponse(tx: Queryable, input: StoreResponseInput): Promise<{ response: CheckinResponse; isNew: boolean }> {
  const { studioId, clientId, checked } = input;
  const [inserted] = await tx
    .insert(checkinResponses)
    .values({
      id: input.responseId,
      studioId,
      clientId,
      formId: input.formId,
      kind: input.kind,
      scheduleId: input.scheduleId,
      dueOn: input.dueOn,
      localDate: input.localDate,
      answeredAt: input.now,
      hasRedFlag: checked.redFlagQuestionIds.length > 0,
    })
    // No target: the id, the once-per-due key and the one-intake key all mean "already answered".
    .onConflictDoNothing()
    .returning();
  if (!inserted) return { response: await keptResponse(tx, input), isNew: false };

  if (checked.answers.length > 0) {
    await tx.insert(checkinAnswers).values(
      checked.answers.map(({ question, answer }) => ({
        studioId,
        responseId: inserted.id,
        questionId: question.id,
        prompt: question.prompt,
        numberValue: answer.kind === "scale" || answer.kind === "number" ? answer.value : null,
        textValue: answer.kind === "choice" || answer.kind === "text" ? answer.value : answer.kind === "yes_no" ? (answer.detail ?? null) : null,
        boolValue: answer.kind === "yes_no" ? answer.value : null,
      })),
    );
  }
  const pain = checked.answers.flatMap(({ question, answer }) =>
    answer.kind === "pain_map" ? answer.value.map((s) => ({ studioId, responseId: inserted.id, questionId: question.id, clientId, localDate: input.localDate, place: s.place, side: s.side, score: s.score })) : [],
  );
  if (pain.length > 0) await tx.insert(checkinPainScores).values(pain);
  return { response: inserted, isNew: true };
}

/** The response that won: the same id, or the one already stored for this due day (or intake). */
async function keptResponse(tx: Queryable, input: StoreResponseInput): Promise<CheckinResponse> {
  const byKey =
    input.kind === "intake"
      ? and(eq(checkinResponses.clientId, input.clientId), eq(checkinResponses.kind, "intake"))
      : input.scheduleId && input.dueOn
        ? and(eq(checkinResponses.clientId, input.clientId), eq(checkinResponses.scheduleId, input.scheduleId), eq(checkinResponses.dueOn, input.dueOn))
        : undefined;
  const [same] = await tx.select().from(checkinResponses).where(inStudio(checkinResponses, input.studioId, eq(checkinResponses.clientId, input.clientId), eq(checkinResponses.id, input.responseId))).limit(1);
  if (same) return same;
  const [kept] = byKey ? await tx.select().from(checkinResponses).where(inStudio(checkinResponses, input.studioId, byKey)).limit(1) : [];
  // The id belongs to someone else's response: refuse without saying whose.
  if (!kept) throw new DomainError("CONFLICT", "Send the answers again from the form.", "responseId");
  return kept;
}
