"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Badge } from "@/components/ui/card";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
import type { FormKind } from "@/lib/checkins/vocabulary";
import type { EditorQuestion } from "@/server/checkins/form-editor";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { describeOptions, kindLabel } from "./describe";
import { QuestionForm } from "./question-form";

/** One question of the form in the editor's list: what it asks, moved up or down, edited, or removed after a confirm. */
export function QuestionItem({ formId, formKind, question, number, isFirst, isLast }: { formId: string; formKind: FormKind; question: EditorQuestion; number: number; isFirst: boolean; isLast: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [isEditing, setEditing] = useState(false);
  const move = useMutation(trpc.checkinForm.moveQuestion.mutationOptions({ onSuccess: () => router.refresh() }));
  const remove = useMutation(trpc.checkinForm.removeQuestion.mutationOptions({ onSuccess: () => router.refresh() }));
  const error = formErrorsOf(move.error ?? remove.error).message;
  const detail = describeOptions(question.options);
  const answered = question.answerCount > 0;

  if (isEditing) {
    return (
      <li className="rounded-lg border border-brand-200 bg-white p-3">
        <QuestionForm formId={formId} formKind={formKind} question={question} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li aria-label={question.prompt} className="space-y-2 rounded-lg border border-stone-200 bg-white p-3">
      <div className="flex gap-2">
        <span className="font-semibold text-stone-500 tabular-nums" aria-hidden>
          {number}.
        </span>
        <div className="min-w-0 flex-1 space-y-1">
          <p className="font-medium break-words text-stone-900">{question.prompt}</p>
          {question.help ? <p className="text-sm text-stone-600">{question.help}</p> : null}
          <div className="flex flex-wrap items-center gap-1.5 text-sm">
            <Badge>{kindLabel(question.options)}</Badge>
            <Badge className={question.isRequired ? "" : "bg-white ring-1 ring-stone-300"}>{question.isRequired ? "Required" : "Optional"}</Badge>
            {question.isRedFlag ? <Badge className="bg-red-100 text-red-800">Red flag</Badge> : null}
            {answered ? <span className="text-stone-600">Answered {question.answerCount} times</span> : null}
          </div>
          {detail ? <p className="text-sm text-stone-700">{detail}</p> : null}
        </div>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <ConfirmPanel
        triggerLabel="Remove"
        triggerAriaLabel={`Remove “${question.prompt}”`}
        question={`Remove “${question.prompt}”?`}
        confirmLabel="Yes, remove it"
        keepLabel="Keep it"
        isPending={remove.isPending}
        onConfirm={() => remove.mutate({ questionId: question.id })}
        beside={
          <>
            <Button type="button" variant="secondary" size="sm" aria-label={`Move “${question.prompt}” up`} disabled={isFirst || move.isPending} onClick={() => move.mutate({ questionId: question.id, direction: "up" })}>
              ↑ Up
            </Button>
            <Button type="button" variant="secondary" size="sm" aria-label={`Move “${question.prompt}” down`} disabled={isLast || move.isPending} onClick={() => move.mutate({ questionId: question.id, direction: "down" })}>
              ↓ Down
            </Button>
            <Button type="button" variant="secondary" size="sm" aria-label={`Edit “${question.prompt}”`} onClick={() => setEditing(true)}>
              Edit
            </Button>
          </>
        }
      >
        {answered ? (
          <p>Clients are no longer asked it. Its {question.answerCount} answers stay, with this wording, in their history.</p>
        ) : (
          <p>Nobody has answered it yet, so it is deleted.</p>
        )}
      </ConfirmPanel>
    </li>
  );
}
