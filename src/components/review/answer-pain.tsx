"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { AttentionItem } from "@/lib/attention";
import { cn } from "@/lib/cn";
import { formErrorsOf, useTRPC } from "@/trpc/react";

/**
 * The trainer answers a client's pain report from the queue: a comment on the log (message.send
 * into the log's thread, opened first if the report came before comments existed). Once a
 * trainer's comment follows the report, the item reads "Answered".
 */
export function AnswerPain({ answer, clientName }: { answer: NonNullable<AttentionItem["answer"]>; clientName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const id = useId();
  const [isOpen, setOpen] = useState(false);
  const [text, setText] = useState("");
  // Made once per answer, so a retried send is stored once.
  const [messageId, setMessageId] = useState(() => crypto.randomUUID());
  const [isAnswered, setAnswered] = useState(answer.isAnswered);
  const send = useMutation(
    trpc.message.send.mutationOptions({
      onSuccess: () => {
        setAnswered(true);
        setOpen(false);
        setText("");
        setMessageId(crypto.randomUUID());
        router.refresh();
      },
    }),
  );
  const [openError, setOpenError] = useState<string | null>(null);
  const sent = formErrorsOf(send.error);
  const errors = { fields: sent.fields, message: openError ?? sent.message };

  if (!isOpen) {
    return (
      <div className="flex basis-full items-center gap-3">
        {isAnswered ? <Badge className="bg-emerald-100 text-emerald-900">Answered</Badge> : null}
        <Button type="button" variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={`${isAnswered ? "Answer again" : "Answer"} ${clientName}`}>
          {isAnswered ? "Answer again" : "Answer"}
        </Button>
      </div>
    );
  }
  return (
    <form
      className="basis-full space-y-2"
      onSubmit={async (e) => {
        e.preventDefault();
        setOpenError(null);
        try {
          const threadId = answer.threadId ?? (await queryClient.fetchQuery(trpc.message.forLog.queryOptions(answer.log))).threadId;
          send.mutate({ threadId, id: messageId, body: text });
        } catch (error) {
          setOpenError(formErrorsOf(error).message);
        }
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        Your answer to {clientName}
      </label>
      <textarea
        id={id}
        className={cn(inputClass, "h-24 py-2")}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={errors.fields.body ? true : undefined}
        aria-describedby={errors.fields.body || errors.message ? `${id}-error` : undefined}
      />
      {errors.fields.body || errors.message ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {errors.fields.body ?? errors.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <SubmitButton size="sm" disabled={send.isPending}>
          Send answer
        </SubmitButton>
        <Button type="button" variant="ghost" size="sm" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
