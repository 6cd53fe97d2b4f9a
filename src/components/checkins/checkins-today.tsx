"use client";

import Link from "next/link";
import { useState } from "react";
import { Badge, Card } from "@/components/ui/card";
import { usePending } from "@/components/logging/use-sync";
import { formatLocalDay } from "@/lib/checkins/answer-wording";
import { checkinResponsePath } from "@/lib/thread-links";
import type { DueCheckins, OpenCheckin } from "@/server/checkins/answer-service";
import { AnswerDone, AnswerForm, type AnswerOutcome } from "./answer-form";

// Today's check-ins, above the drills: each open one a card answered in a few taps, each
// answered one collapsed to "Answered at 07:12". A card keeps what its answers did (a drill
// paused) when the page refreshes under it: cards are keyed by schedule and due day.

type Item = { key: string; formTitle: string; dueOn: string; open: OpenCheckin | null; answeredLabel: string | null; responseId: string | null };

const keyOf = (scheduleId: string, dueOn: string) => `${scheduleId}:${dueOn}`;

export function CheckinsToday({ due }: { due: DueCheckins }) {
  const { items: pending } = usePending();
  const [outcomes, setOutcomes] = useState<Record<string, AnswerOutcome>>({});
  const items: Item[] = [
    ...due.open.map((o) => ({ key: keyOf(o.scheduleId, o.dueOn), formTitle: o.formTitle, dueOn: o.dueOn, open: o, answeredLabel: null, responseId: null })),
    ...due.answered.map((a) => ({ key: keyOf(a.scheduleId, a.dueOn), formTitle: a.formTitle, dueOn: a.dueOn, open: null, answeredLabel: a.label, responseId: a.responseId })),
  ];
  if (items.length === 0) return null;
  // Answers waiting on this phone (sent from this card before the page was reloaded, say).
  const waiting = new Set(
    pending
      .filter((i) => i.kind === "checkin" && !i.refusal)
      .map((i) => {
        const p = i.payload as { scheduleId?: string; dueOn?: string };
        return keyOf(p.scheduleId ?? "", p.dueOn ?? "");
      }),
  );
  return (
    <section aria-labelledby="checkins-heading" className="space-y-3">
      <h2 id="checkins-heading" className="text-lg font-semibold">
        Check-ins
      </h2>
      <ul className="space-y-3" aria-label="Check-ins">
        {items.map((item) => {
          const local = outcomes[item.key];
          // What this card said after sending wins (it knows what was paused); then the server's word; then the queue's.
          const outcome: AnswerOutcome | null =
            local && local.kind !== "waiting" ? local : item.answeredLabel ? { kind: "answered", label: item.answeredLabel, paused: [] } : local || waiting.has(item.key) ? { kind: "waiting" } : null;
          return (
            <li key={item.key}>
              <Card role="article" aria-label={item.formTitle} className="space-y-3 p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="text-lg font-semibold">{item.formTitle}</h3>
                  {outcome?.kind === "answered" || outcome?.kind === "kept" ? (
                    <Badge className="bg-green-700 text-white">
                      <span aria-hidden="true">✓ </span>Answered
                    </Badge>
                  ) : null}
                </div>
                {item.open && !item.open.isToday ? (
                  <p className="text-sm text-stone-600">
                    Due {formatLocalDay(item.open.dueOn)} · answer it by the end of {formatLocalDay(item.open.answerableUntil)}
                  </p>
                ) : null}
                {outcome ? (
                  <AnswerDone outcome={outcome} />
                ) : item.open ? (
                  <AnswerForm checkin={item.open} timeZone={due.timeZone} onAnswered={(o) => setOutcomes((all) => ({ ...all, [item.key]: o }))} />
                ) : null}
                {item.responseId ? (
                  <Link href={checkinResponsePath("client", { clientId: "", checkinResponseId: item.responseId })} className="inline-block text-sm text-brand-700 underline">
                    Your answers and comments
                  </Link>
                ) : null}
              </Card>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
