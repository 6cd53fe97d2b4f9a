"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { useSender } from "@/components/logging/use-sync";
import { ALREADY_ANSWERED_MESSAGE, answeredLabel, formatLocalDay, pausedSentences } from "@/lib/checkins/answer-wording";
import type { AnswerCheckinInput } from "@/lib/checkins/answers";
import { localDateIn } from "@/lib/local-date";
import { enqueue, newDeviceId, removePending } from "@/lib/offline-queue";
import { formErrorsOf } from "@/trpc/react";
import type { AnswerCheckinResult, OpenCheckin } from "@/server/checkins/answer-service";
import { answersFromDrafts, emptyDraft, type Draft } from "./answer-drafts";
import { QuestionInput } from "./question-inputs";

/** How an answered card reads: done (with what it paused), kept from another device, or waiting on this phone. */
export type AnswerOutcome = { kind: "answered"; label: string; paused: string[] } | { kind: "kept" } | { kind: "waiting" };

/**
 * The shared zod rules the answers are checked with before sending (zod is most of their
 * weight) load when the form is first touched, not with the cards, as the session form's do;
 * zod's no-eval mode first. Never loaded (offline, the page from the phone's cache): the
 * answers go without that check and the server's answer says what to fix.
 */
let answerRules: Promise<typeof import("@/lib/checkins/answers") | null> | undefined;
function loadAnswerRules() {
  answerRules ??= import("@/lib/zod-without-eval")
    .then(() => import("@/lib/checkins/answers"))
    .catch(() => {
      answerRules = undefined;
      return null;
    });
  return answerRules;
}

/**
 * Answers one open check-in. The id is made once per form, so a retry (or the queue sending it
 * later) is the same response; the answers go to this phone's queue first, like a session.
 */
export function AnswerForm({ checkin, timeZone, onAnswered }: { checkin: OpenCheckin; timeZone: string; onAnswered: (outcome: AnswerOutcome) => void }) {
  const router = useRouter();
  const send = useSender();
  const [responseId] = useState(() => newDeviceId());
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setMessage(null);
    const rules = await loadAnswerRules();
    const { answers, errors: found } = answersFromDrafts(checkin.questions, drafts, rules?.checkAnswers ?? null);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setMessage(Object.values(found)[0] ?? null);
      return;
    }
    const payload: AnswerCheckinInput = { responseId, formId: checkin.formId, scheduleId: checkin.scheduleId, dueOn: checkin.dueOn, answers };
    setIsSending(true);
    try {
      await enqueue({ id: responseId, kind: "checkin", payload, label: `${checkin.formTitle}, ${formatLocalDay(checkin.dueOn)}` });
      const result = await send({ id: responseId, kind: "checkin", payload });
      if (result.status === "refused") {
        await removePending(responseId);
        const { message: refusal, fields } = formErrorsOf(result.error);
        setErrors(Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === "string")));
        setMessage(refusal ?? "These answers could not be saved.");
        // The coach changed the questions: the page brings the form as it stands now.
        if ((result.error.data as { code?: string } | undefined)?.code === "CONFLICT") router.refresh();
        return;
      }
      if (result.status === "offline") return onAnswered({ kind: "waiting" });
      const answer = result.answer as AnswerCheckinResult;
      const now = new Date();
      // Not new but ours: an earlier send of these answers got there (its reply was lost).
      onAnswered(answer.isNew || answer.responseId === responseId ? { kind: "answered", label: answeredLabel(now, timeZone, localDateIn(now, timeZone)), paused: pausedSentences(answer.paused) } : { kind: "kept" });
      router.refresh();
    } finally {
      setIsSending(false);
    }
  }

  return (
    <form onSubmit={submit} onFocusCapture={() => void loadAnswerRules()} onPointerDownCapture={() => void loadAnswerRules()} noValidate aria-label={checkin.formTitle} className="space-y-5">
      {checkin.questions.map((question) => (
        <QuestionInput
          key={question.id}
          question={question}
          draft={drafts[question.id] ?? emptyDraft(question)}
          error={errors[question.id]}
          onChange={(next) => {
            setDrafts((all) => ({ ...all, [question.id]: next }));
            setErrors(({ [question.id]: _cleared, ...rest }) => rest);
            setMessage(null);
          }}
        />
      ))}
      {message ? <Alert>{message}</Alert> : null}
      <SubmitButton size="lg" className="w-full" disabled={isSending}>
        Send answers
      </SubmitButton>
    </form>
  );
}

/** The card of an answered check-in, collapsed to one line (and what the answers paused). */
export function AnswerDone({ outcome }: { outcome: AnswerOutcome }) {
  if (outcome.kind === "waiting") {
    return (
      <Alert tone="info">
        <span className="font-medium">Waiting to send.</span> No connection: your answers are saved on this phone and go as soon as you are back online.
      </Alert>
    );
  }
  if (outcome.kind === "kept") return <Alert tone="info">{ALREADY_ANSWERED_MESSAGE}</Alert>;
  return (
    <div className="space-y-2">
      <p className="flex items-center gap-2 text-sm font-medium text-green-900">
        <span aria-hidden="true">✓</span>
        <span>{outcome.label}</span>
      </p>
      {outcome.paused.map((sentence) => (
        <Alert key={sentence} tone="info">
          {sentence}
        </Alert>
      ))}
    </div>
  );
}
