import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import { checkAnswers, type AnswerValue } from "@/lib/checkins/answers";
import type { CheckinQuestion } from "@/lib/checkins/vocabulary";
import { localDateIn, type LocalDate } from "@/lib/local-date";
import { afterCheckinAnswered } from "@/server/checkins/after-answer";
import { storeResponse } from "@/server/checkins/store-response";
import { zoneOf } from "@/server/dates/zones";
import { builtInForm, type BuiltInFormKey } from "./checkin-fixtures";

/**
 * A check-in (or the intake) answered by a client through the real write path: the answer
 * check, the one writer of a response and its hook, in one transaction. `answer` gives each
 * question's answer (null leaves an optional one unanswered).
 */
export async function answeredCheckin(
  db: Db,
  input: {
    studioId: string;
    clientId: string;
    key: BuiltInFormKey;
    schedule?: { id: string; dueOn: LocalDate } | null;
    answer: (question: CheckinQuestion) => AnswerValue | null;
    now?: Date;
  },
) {
  const { form, questions } = await builtInForm(db, input.studioId, input.key);
  const answers = questions.flatMap((question) => {
    const answer = input.answer(question);
    return answer ? [{ questionId: question.id, answer }] : [];
  });
  const checked = checkAnswers(questions, answers);
  if (checked.issues.length) throw new Error(`answeredCheckin: ${checked.issues.map((i) => i.message).join(" ")}`);
  const now = input.now ?? new Date();
  const localDate = localDateIn(now, await zoneOf(db, input.studioId, { clientId: input.clientId }));
  return db.transaction(async (tx) => {
    const { response } = await storeResponse(tx, {
      studioId: input.studioId,
      clientId: input.clientId,
      responseId: randomUUID(),
      formId: form.id,
      kind: form.kind,
      scheduleId: input.schedule?.id ?? null,
      dueOn: input.schedule?.dueOn ?? null,
      localDate,
      checked,
      now,
    });
    await afterCheckinAnswered(tx, { studioId: input.studioId, clientId: input.clientId, responseId: response.id, localDate, painScores: checked.painScores, now });
    return response;
  });
}

/** Plain answers for any question: 7 on a scale, "no", the first choice, the least number, pain as given. */
export function plainAnswers(pain: AnswerValue & { kind: "pain_map" } = { kind: "pain_map", value: [] }, overrides: Record<string, AnswerValue> = {}) {
  return (question: CheckinQuestion): AnswerValue | null => {
    const given = overrides[question.prompt];
    if (given) return given;
    switch (question.options.kind) {
      case "scale":
        return { kind: "scale", value: 7 };
      case "yes_no":
        return { kind: "yes_no", value: false };
      case "choice":
        return { kind: "choice", value: question.options.choices[0]! };
      case "number":
        return { kind: "number", value: question.options.min };
      case "text":
        return question.isRequired ? { kind: "text", value: "Fine." } : null;
      case "pain_map":
        return pain;
    }
  };
}
