"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

/** What the feedback is about: a session to review, or a run to acknowledge (its pain leaves the queue). */
export type ReviewSubject = { kind: "session"; sessionId: string } | { kind: "run"; runId: string };

const WORDS = {
  session: { label: "Feedback for the client", first: "Mark reviewed", again: "Update feedback", saved: "Reviewed. New feedback is posted as your comment on the session, and the client is told." },
  run: { label: "Answer for the client (optional)", first: "Acknowledge", again: "Update answer", saved: "Acknowledged. A new answer is posted as your comment on the run, and the client is told." },
} as const;

/** The trainer's feedback; saving marks the session reviewed (or the run acknowledged), and the client sees it in their history. */
export function ReviewForm({ subject, feedback, isReviewed }: { subject: ReviewSubject; feedback: string; isReviewed: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState(feedback);
  const [saved, setSaved] = useState(false);
  const onSuccess = () => (setSaved(true), router.refresh());
  const saveSession = useMutation(trpc.review.save.mutationOptions({ onSuccess }));
  const saveRun = useMutation(trpc.review.acknowledgeRun.mutationOptions({ onSuccess }));
  const save = subject.kind === "session" ? saveSession : saveRun;
  const errors = formErrorsOf(save.error);
  const words = WORDS[subject.kind];
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        if (subject.kind === "session") saveSession.mutate({ sessionId: subject.sessionId, feedback: text });
        else saveRun.mutate({ runId: subject.runId, feedback: text });
      }}
    >
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-stone-800">
          {words.label}
        </label>
        <textarea
          id={id}
          className={cn(inputClass, "h-32 py-2")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={errors.fields.feedback ? true : undefined}
          aria-describedby={errors.fields.feedback ? `${id}-error` : undefined}
        />
        {errors.fields.feedback ? (
          <p id={`${id}-error`} className="text-sm text-red-700">
            {errors.fields.feedback}
          </p>
        ) : null}
      </div>
      {errors.message && !errors.fields.feedback ? <Alert>{errors.message}</Alert> : null}
      {saved ? <Alert tone="success">{words.saved}</Alert> : null}
      <SubmitButton disabled={save.isPending}>
        {isReviewed ? words.again : words.first}
      </SubmitButton>
    </form>
  );
}
