"use client";

import { useId } from "react";
import { FieldError, inputClass } from "@/components/ui/field";
import type { AnswerValue } from "@/lib/checkins/answers";
import { PAIN_MAX, PAIN_PLACE_LABELS, PAIN_SIDES, describePainPlace, type CheckinQuestion, type PainScore } from "@/lib/checkins/vocabulary";
import { cn } from "@/lib/cn";

// One control per kind of question, each a fieldset named by its prompt (a screen reader reads
// the question with its answer), big enough to tap with a thumb.

type Props = { question: CheckinQuestion; value: AnswerValue | undefined; onChange: (value: AnswerValue) => void; error?: string };

export function QuestionInput(props: Props) {
  const { question, error } = props;
  const id = useId();
  return (
    <fieldset className="space-y-3" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-base font-medium text-stone-900">
        {question.prompt}
        {!question.isRequired ? <span className="font-normal text-stone-600"> (optional)</span> : null}
      </legend>
      {question.help ? <p className="text-sm text-stone-600">{question.help}</p> : null}
      <Control {...props} />
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </fieldset>
  );
}

function Control({ question, value, onChange }: Props) {
  const options = question.options;
  switch (options.kind) {
    case "yes_no": {
      const current = value?.kind === "yes_no" ? value : undefined;
      return (
        <div className="space-y-3">
          <div className="grid grid-cols-2 gap-3">
            {[true, false].map((answer) => (
              <button
                key={String(answer)}
                type="button"
                aria-pressed={current?.value === answer}
                onClick={() => onChange({ kind: "yes_no", value: answer, ...(answer && current?.detail ? { detail: current.detail } : {}) })}
                className={cn(
                  "h-14 rounded-lg border text-base font-semibold transition-colors",
                  current?.value === answer ? "border-brand-700 bg-brand-700 text-white" : "border-stone-300 bg-white text-stone-900 hover:bg-stone-100",
                )}
              >
                {answer ? "Yes" : "No"}
              </button>
            ))}
          </div>
          {current?.value && options.askDetailOnYes ? (
            <DetailField value={current.detail ?? ""} onChange={(detail) => onChange({ kind: "yes_no", value: true, detail })} />
          ) : null}
        </div>
      );
    }
    case "pain_map":
      return <PainMap places={options.places} value={value?.kind === "pain_map" ? value.value : []} onChange={(scores) => onChange({ kind: "pain_map", value: scores })} />;
    case "scale":
      return (
        <div className="space-y-1">
          <select aria-label={question.prompt} className={inputClass} value={value?.kind === "scale" ? String(value.value) : ""} onChange={(e) => onChange({ kind: "scale", value: Number(e.target.value) })}>
            <option value="" disabled>
              Pick 0 to 10
            </option>
            {Array.from({ length: 11 }, (_, n) => (
              <option key={n} value={n}>
                {n === 0 ? `0 (${options.minLabel})` : n === 10 ? `10 (${options.maxLabel})` : n}
              </option>
            ))}
          </select>
        </div>
      );
    case "choice":
      return (
        <div className="grid gap-2">
          {options.choices.map((choice) => (
            <button
              key={choice}
              type="button"
              aria-pressed={value?.kind === "choice" && value.value === choice}
              onClick={() => onChange({ kind: "choice", value: choice })}
              className={cn("min-h-12 rounded-lg border px-4 text-left text-base", value?.kind === "choice" && value.value === choice ? "border-brand-700 bg-brand-700 text-white" : "border-stone-300 bg-white")}
            >
              {choice}
            </button>
          ))}
        </div>
      );
    case "number":
      return (
        <div className="flex items-center gap-2">
          <input
            type="number"
            inputMode="decimal"
            aria-label={question.prompt}
            className={cn(inputClass, "max-w-40")}
            min={options.min}
            max={options.max}
            step={10 ** -options.decimals}
            value={value?.kind === "number" ? value.value : ""}
            onChange={(e) => (e.target.value === "" ? undefined : onChange({ kind: "number", value: Number(e.target.value) }))}
          />
          {options.unit ? <span className="text-stone-700">{options.unit}</span> : null}
        </div>
      );
    case "text":
      return (
        <textarea
          aria-label={question.prompt}
          className={cn(inputClass, "h-auto min-h-24 py-2")}
          maxLength={500}
          value={value?.kind === "text" ? value.value : ""}
          onChange={(e) => onChange({ kind: "text", value: e.target.value })}
        />
      );
  }
}

function DetailField({ value, onChange }: { value: string; onChange: (detail: string) => void }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        Tell your coach more: what, where, since when
      </label>
      <textarea id={id} className={cn(inputClass, "h-auto min-h-20 py-2")} maxLength={500} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** The usual running places, left and right, each scored 0 (nothing) to 10; only what hurts is sent. */
function PainMap({ places, value, onChange }: { places: readonly PainScore["place"][]; value: readonly PainScore[]; onChange: (scores: PainScore[]) => void }) {
  const scoreOf = (place: PainScore["place"], side: PainScore["side"]) => value.find((s) => s.place === place && s.side === side)?.score ?? 0;
  const set = (place: PainScore["place"], side: PainScore["side"], score: number) => {
    const others = value.filter((s) => !(s.place === place && s.side === side));
    onChange(score > 0 ? [...others, { place, side, score }] : others);
  };
  return (
    <div className="grid grid-cols-[1fr_auto_auto] items-center gap-x-3 gap-y-2">
      <span className="text-sm font-medium text-stone-600">Where</span>
      <span className="w-20 text-center text-sm font-medium text-stone-600">Left</span>
      <span className="w-20 text-center text-sm font-medium text-stone-600">Right</span>
      {places.map((place) => (
        <div key={place} className="contents">
          <span className="text-base">{PAIN_PLACE_LABELS[place]}</span>
          {PAIN_SIDES.map((side) => (
            <select
              key={side}
              aria-label={`Pain in the ${describePainPlace(place, side)}`}
              className={cn(inputClass, "w-20", scoreOf(place, side) > 0 ? "border-red-400 bg-red-50 font-semibold" : "")}
              value={scoreOf(place, side)}
              onChange={(e) => set(place, side, Number(e.target.value))}
            >
              {Array.from({ length: PAIN_MAX + 1 }, (_, n) => (
                <option key={n} value={n}>
                  {n === 0 ? "0" : `${n}/10`}
                </option>
              ))}
            </select>
          ))}
        </div>
      ))}
    </div>
  );
}
