"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { formErrorsOf, useTRPC } from "@/trpc/react";

/** The trainer's feedback; saving marks the session reviewed, and the client sees it in their history. */
export function ReviewForm({ sessionId, feedback, isReviewed }: { sessionId: string; feedback: string; isReviewed: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState(feedback);
  const [saved, setSaved] = useState(false);
  const save = useMutation(trpc.review.save.mutationOptions({ onSuccess: () => (setSaved(true), router.refresh()) }));
  const errors = formErrorsOf(save.error);
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        save.mutate({ sessionId, feedback: text });
      }}
    >
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-stone-800">
          Feedback for the client
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
      {saved ? <Alert tone="success">Reviewed. The client sees your feedback in their history.</Alert> : null}
      <Button type="submit" disabled={save.isPending}>
        {isReviewed ? "Update feedback" : "Mark reviewed"}
      </Button>
    </form>
  );
}
