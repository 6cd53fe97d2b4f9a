"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, Card } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { checkAnswers } from "@/lib/checkins/answers";
import type { CheckinQuestion } from "@/lib/checkins/vocabulary";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { answersFromDrafts, emptyDraft, type Draft } from "../answer-drafts";
import { QuestionInput } from "../question-inputs";

/** What the box under a "yes" asks for: a health answer wants the what, the where and the since when. */
const DETAIL_LABEL = "Tell your coach more: what, where, since when";

/**
 * The health questions on one screen, answered with Today's check-in controls; checked here
 * first (the same check the server runs), then sent once, straight to the server.
 */
export function IntakeForm({ formId, questions }: { formId: string; questions: CheckinQuestion[] }) {
  const trpc = useTRPC();
  // One id per filling-in: a retry or a second press stores the answers once.
  const [responseId] = useState(() => crypto.randomUUID());
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
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
  // The server's refusal names the question it is about (answerRefusal); it is shown there
  // as the browser's own check is, until that answer changes.
  const issueOf = (questionId: string) => issues[questionId] ?? (answer.isError ? errors.fields[questionId] : undefined);

  const missing = Object.keys(issues).length;
  return (
    <form
      aria-label="Health questions"
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const { answers, errors: found } = answersFromDrafts(questions, drafts, checkAnswers);
        setIssues(found);
        if (Object.keys(found).length > 0) return;
        answer.mutate({ responseId, formId, answers });
      }}
    >
      {questions.map((q) => (
        <Card key={q.id} className={issueOf(q.id) ? "border-red-300" : undefined}>
          <QuestionInput
            question={q}
            draft={drafts[q.id] ?? emptyDraft(q)}
            error={issueOf(q.id)}
            detailLabel={DETAIL_LABEL}
            onChange={(next) => {
              setDrafts((all) => ({ ...all, [q.id]: next }));
              setIssues(({ [q.id]: _answered, ...rest }) => rest);
              if (answer.isError) answer.reset();
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
