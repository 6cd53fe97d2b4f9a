"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, Badge, Card } from "@/components/ui/card";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
import { TextAreaField } from "@/components/ui/field";
import { describePainPlace } from "@/lib/checkins/vocabulary";
import { cn } from "@/lib/cn";
import type { IntakeAnswerView } from "@/server/checkins/intake-service";
import { formErrorsOf, useTRPC } from "@/trpc/react";

const dayMonth = (at: Date | string, timeZone: string) => new Date(at).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone });

function AnswerText({ answer }: { answer: IntakeAnswerView }) {
  switch (answer.kind) {
    case "yes_no":
      return <>{answer.yes ? "Yes" : "No"}</>;
    case "pain_map":
      return <>{answer.pain.length === 0 ? "Nothing hurts" : answer.pain.map((p) => `${describePainPlace(p.place, p.side)} ${p.score}/10`).join(", ")}</>;
    case "scale":
    case "number":
      return <>{answer.number ?? "—"}</>;
    default:
      return <>{answer.text || "—"}</>;
  }
}

/**
 * The client's health answers on their page: red flags first in the eye (with what the client
 * wrote), pain by place and side, and, while the programme is held, "Cleared to train" with a
 * note the client reads in their conversation.
 */
export function HealthAnswersCard({ clientId, clientName, timeZone }: { clientId: string; clientName: string; timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const intake = useQuery(trpc.intake.forClient.queryOptions({ clientId }));
  const [note, setNote] = useState("");
  const clear = useMutation(trpc.intake.clear.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.intake.forClient.queryKey({ clientId }) }) }));
  const errors = formErrorsOf(clear.error);
  const data = intake.data;
  return (
    <section aria-labelledby="health-heading">
      <Card className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="health-heading" className="text-xl font-semibold">
            Health answers
          </h2>
          {data?.status === "held" ? <Badge className="bg-red-700 text-white">Drills on hold</Badge> : null}
          {data?.status === "cleared" ? <Badge className="bg-emerald-100 text-emerald-900">Cleared to train</Badge> : null}
        </div>
        {intake.error ? <Alert>{formErrorsOf(intake.error).message}</Alert> : null}
        {!data && !intake.error ? <p className="text-stone-600">Loading…</p> : null}
        {data?.status === "not_asked" ? <p className="text-stone-600">Your studio asks new clients no health questions.</p> : null}
        {data?.status === "to_answer" ? <p className="text-stone-600">Not answered yet: {clientName} is asked the health questions when they first open their Today.</p> : null}
        {data && "answers" in data ? (
          <>
            <p className="text-sm text-stone-600">
              {data.formTitle}, answered on {dayMonth(data.answeredAt, timeZone)}.
            </p>
            {data.status === "held" ? <Alert>{clientName} answered yes to a health question. Their drills wait until you have read the answers and cleared them.</Alert> : null}
            <ul className="divide-y divide-stone-200" aria-label="Health answers">
              {data.answers.map((a) => (
                <li key={a.questionId} className={cn("space-y-1 py-2", a.isFlagged ? "-mx-2 rounded-md bg-red-50 px-2" : "")} aria-label={a.isFlagged ? `Red flag: ${a.prompt}` : a.prompt}>
                  <p className="text-sm text-stone-700">{a.prompt}</p>
                  <p className={cn("font-medium", a.isFlagged || (a.kind === "pain_map" && a.pain.length > 0) ? "text-red-800" : "text-stone-900")}>
                    {a.isFlagged ? <Badge className="mr-2 bg-red-700 text-white">Red flag</Badge> : null}
                    <AnswerText answer={a} />
                  </p>
                  {a.kind === "yes_no" && a.yes && a.text ? <p className="text-sm text-red-900">“{a.text}”</p> : null}
                </li>
              ))}
            </ul>
            {data.cleared ? (
              <p className="text-sm text-emerald-900" role="status">
                Cleared by {data.cleared.byName ?? "a trainer"} on {dayMonth(data.cleared.at, timeZone)}
                {data.cleared.note ? `: ${data.cleared.note}` : "."}
              </p>
            ) : null}
            {data.status === "held" ? (
              <>
                {errors.message ? <Alert>{errors.message}</Alert> : null}
                <ConfirmPanel
                  triggerLabel="Cleared to train"
                  triggerVariant="primary"
                  question={`Clear ${clientName} to train?`}
                  confirmLabel="Yes, clear them"
                  keepLabel="Not yet"
                  isPending={clear.isPending}
                  onConfirm={() => clear.mutate({ clientId, note })}
                >
                  <p>Their drills appear on their Today at once, and they get a message from you saying so, with your note.</p>
                  <TextAreaField label="Note for the client (optional)" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} error={errors.fields.note} />
                </ConfirmPanel>
              </>
            ) : null}
          </>
        ) : null}
      </Card>
    </section>
  );
}
