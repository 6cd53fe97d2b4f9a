import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { CheckinAnswer } from "@/lib/checkins/answers";
import type { CheckinQuestion, PainScore } from "@/lib/checkins/vocabulary";
import type { Db } from "@/server/db/client";
import { clients } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { answerIntake, intakeStatusOf } from "@/server/checkins/intake-service";
import type { SeededStudio } from "./studio";

// Every demo client answered the health questions when they joined (no to each), so nobody
// signing in to the demo is sent to them; Leo, who joined last, said yes to a knee problem and
// waits for Tom (his coach) or Morgan to clear him: the demo shows a held programme.
const HELD_CLIENT = "leo@stride.test";
const HELD_DETAIL = "Left knee: patellar tendon pain after long runs since the spring; my physio says to build up slowly.";

/**
 * The answers to a form: "no" to every yes/no question, nothing hurting and nothing more to
 * say, except a yes (with its detail) to the questions named and pain where given.
 */
export function intakeAnswers(questions: readonly CheckinQuestion[], options: { yesTo?: (q: CheckinQuestion) => string | null; pain?: PainScore[] } = {}): CheckinAnswer[] {
  return questions.flatMap((question): CheckinAnswer[] => {
    switch (question.options.kind) {
      case "yes_no": {
        const detail = options.yesTo?.(question) ?? null;
        return [{ questionId: question.id, answer: detail === null ? { kind: "yes_no", value: false } : { kind: "yes_no", value: true, ...(detail ? { detail } : {}) } }];
      }
      case "pain_map":
        return [{ questionId: question.id, answer: { kind: "pain_map", value: (options.pain ?? []).filter((s) => question.options.kind === "pain_map" && question.options.places.includes(s.place)) } }];
      case "scale":
        return [{ questionId: question.id, answer: { kind: "scale", value: 5 } }];
      case "choice":
        return [{ questionId: question.id, answer: { kind: "choice", value: question.options.choices[0] ?? "" } }];
      case "number":
        return [{ questionId: question.id, answer: { kind: "number", value: question.options.min } }];
      case "text":
        return question.isRequired ? [{ questionId: question.id, answer: { kind: "text", value: "Nothing more." } }] : [];
    }
  });
}

export async function seedIntake(db: Db, studios: readonly SeededStudio[], now: Date): Promise<void> {
  for (const studio of studios) {
    for (const [email, clientId] of studio.clientIdByEmail) {
      const status = await intakeStatusOf(db, studio.studioId, clientId);
      if (status.status !== "to_answer") continue;
      const isHeld = email === HELD_CLIENT;
      // Answered when they joined (the seed moved joining back to their first log).
      const [client] = await db.select({ joinedAt: clients.createdAt }).from(clients).where(inStudio(clients, studio.studioId, eq(clients.id, clientId))).limit(1);
      const answeredAt = client?.joinedAt ?? now;
      const answers = intakeAnswers(status.questions, {
        yesTo: isHeld ? (q) => (q.isRedFlag && /joint|knee/i.test(q.prompt) ? HELD_DETAIL : null) : undefined,
        pain: isHeld ? [{ place: "knee", side: "left", score: 3 }] : [],
      });
      await answerIntake(db, studio.studioId, clientId, { responseId: randomUUID(), formId: status.form.id, scheduleId: null, dueOn: null, answers }, answeredAt);
    }
  }
}
