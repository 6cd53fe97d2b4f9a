"use client";

import { useId } from "react";
import { cn } from "@/lib/cn";
import { PAIN_MAX, PAIN_PLACE_LABELS, PAIN_PLACES, PAIN_SIDES, type CheckinQuestion, type PainPlace, type PainSide } from "@/lib/checkins/vocabulary";
import { markName, type Draft, type PainMark } from "./answer-drafts";

// Pain by place and side, from the foot up to the lower back as a runner feels it: tap a place
// and side to mark it, then pick how much it hurts. Nothing marked is the answer "nothing hurts".

type PainDraft = Extract<Draft, { kind: "pain_map" }>;

export function PainMapInput({ question, draft, onChange }: { question: CheckinQuestion; draft: PainDraft; onChange: (next: PainDraft) => void }) {
  const places = question.options.kind === "pain_map" ? PAIN_PLACES.filter((p) => (question.options as { places: PainPlace[] }).places.includes(p)) : [];
  const markOf = (place: PainPlace, side: PainSide) => draft.marks.find((m) => m.place === place && m.side === side);
  const toggle = (place: PainPlace, side: PainSide) =>
    onChange({ kind: "pain_map", marks: markOf(place, side) ? draft.marks.filter((m) => !(m.place === place && m.side === side)) : [...draft.marks, { place, side, score: null }] });
  const score = (mark: PainMark, value: number) => onChange({ kind: "pain_map", marks: draft.marks.map((m) => (m === mark ? { ...m, score: value } : m)) });

  return (
    <div className="space-y-3">
      <p role="status" className="text-sm text-stone-700">
        {draft.marks.length === 0 ? "Nothing marked: nothing hurts." : `${draft.marks.length} ${draft.marks.length === 1 ? "place" : "places"} marked.`}
      </p>
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200" aria-label="Body map">
        {places.map((place) => (
          <li key={place} className="space-y-2 p-2">
            <div className="grid grid-cols-[1fr_auto_auto] items-center gap-2">
              <span className="font-medium text-stone-900">{PAIN_PLACE_LABELS[place]}</span>
              {PAIN_SIDES.map((side) => {
                const isMarked = Boolean(markOf(place, side));
                return (
                  <button
                    key={side}
                    type="button"
                    aria-pressed={isMarked}
                    aria-label={markName(place, side)}
                    onClick={() => toggle(place, side)}
                    className={cn(
                      "h-11 min-w-20 rounded-lg border px-3 text-sm font-semibold focus-visible:ring-2 focus-visible:ring-brand-700 focus-visible:outline-none",
                      isMarked ? "border-red-700 bg-red-700 text-white" : "border-stone-300 bg-white text-stone-900",
                    )}
                  >
                    {side === "left" ? "Left" : "Right"}
                  </button>
                );
              })}
            </div>
            {PAIN_SIDES.map((side) => {
              const mark = markOf(place, side);
              return mark ? <ScorePicker key={side} mark={mark} onPick={(value) => score(mark, value)} /> : null;
            })}
          </li>
        ))}
      </ul>
      {draft.marks.length > 0 ? (
        <button type="button" className="min-h-11 text-sm font-medium text-brand-700 underline" onClick={() => onChange({ kind: "pain_map", marks: [] })}>
          Nothing hurts: clear the marks
        </button>
      ) : null}
    </div>
  );
}

/** 0–10 for one marked place and side: "Left knee pain score". */
function ScorePicker({ mark, onPick }: { mark: PainMark; onPick: (value: number) => void }) {
  const name = useId();
  return (
    <fieldset className="space-y-1 rounded-lg bg-red-50 p-2">
      <legend className="px-1 text-sm font-medium text-red-900">{markName(mark.place, mark.side)} pain score</legend>
      <div className="grid grid-cols-6 gap-1.5">
        {Array.from({ length: PAIN_MAX + 1 }, (_, n) => (
          <label
            key={n}
            className={cn(
              "flex h-11 cursor-pointer items-center justify-center rounded-md border text-sm font-semibold has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-700",
              mark.score === n ? "border-red-800 bg-red-800 text-white" : "border-stone-300 bg-white text-stone-900",
            )}
          >
            <input type="radio" className="sr-only" name={name} value={n} checked={mark.score === n} onChange={() => onPick(n)} aria-label={String(n)} />
            {n}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
