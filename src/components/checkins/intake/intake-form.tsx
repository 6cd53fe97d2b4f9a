"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, Card } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { checkAnswers, type AnswerValue, type CheckinAnswer } from "@/lib/checkins/answers";
import type { CheckinQuestion } from "@/lib/checkins/vocabulary";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { QuestionInput } from "./question-inputs";

/** The health questions on one screen; checked here first (the same check the server runs), then sent once. */
export function IntakeForm({ formId, questions }: { formId: string; questions: CheckinQuestion[] }) {
  const trpc = useTRPC();
  // One id per filling-in: a retry or a second press stores the answers once.
  const [responseId] = useState(() => crypto.randomUUID());
  const [values, setValues] = useState<Record<string, AnswerValue>>(() =>
    Object.fromEntries(questions.filter((q) => q.options.kind === "pain_map").map((q) => [q.id, { kind: "pain_map", value: [] } as AnswerValue])),
  );
  const [issues, setIssues] = useState<Record<string, string>>({});
  const answer = useMutation(
    trpc.intake.answer.mutationOptions({
      // A full load of Today rather than a client-side move: the client arrived here through the
      // sign-in's redirects, and a soft navigation kept that page's head (the studio's app
      // manifest among it) in place of the portal's.
      onSuccess: () => {
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load on purpose (above)
        window.location.assign("/portal");
      },
    }),
  );
  const errors = formErrorsOf(answer.error);

  const answers = (): CheckinAnswer[] =>
    questions.flatMap((q) => {
      const value = values[q.id];
      if (!value) return [];
      // An optional text left empty is not an answer.
      if (value.kind === "text" && value.value.trim() === "" && !q.isRequired) return [];
      return [{ questionId: q.id, answer: value }];
    });

  const missing = Object.keys(issues).length;
  return (
    <form
      aria-label="Health questions"
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const sent = answers();
        const checked = checkAnswers(questions, sent);
        setIssues(Object.fromEntries(checked.issues.filter((i) => i.questionId).map((i) => [i.questionId!, i.message])));
        if (checked.issues.length > 0) return;
        answer.mutate({ responseId, formId, answers: sent });
      }}
    >
      {questions.map((q) => (
        <Card key={q.id} className={issues[q.id] ? "border-red-300" : undefined}>
          <QuestionInput
            question={q}
            value={values[q.id]}
            error={issues[q.id]}
            onChange={(value) => {
              setValues((v) => ({ ...v, [q.id]: value }));
              setIssues(({ [q.id]: _answered, ...rest }) => rest);
            }}
          />
        </Card>
      ))}
      {missing > 0 ? <Alert>{missing === 1 ? "One question still needs an answer; it is marked above." : `${missing} questions still need an answer; they are marked above.`}</Alert> : null}
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      <SubmitButton size="lg" className="w-full" disabled={answer.isPending || answer.isSuccess}>
        {answer.isPending || answer.isSuccess ? "Sending…" : "Send my answers"}
      </SubmitButton>
    </form>
  );
}
