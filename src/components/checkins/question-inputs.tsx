"use client";

import { useId } from "react";
import { FieldError, inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { MAX_TEXT_ANSWER_LENGTH, type CheckinQuestion } from "@/lib/checkins/vocabulary";
import { asksDetail, type Draft } from "./answer-drafts";
import { PainMapInput } from "./pain-map-input";

// One control per kind of question, each answered in a tap or two at phone width: numbers and
// choices are big buttons (radios underneath, so a screen reader hears one group per question).
// Today's check-ins and the intake's health questions both answer with these.

/** What the box under a "yes" asks for, unless the form says it in its own words. */
const DETAIL_LABEL = "Tell your coach more";

type Props<K extends Draft["kind"]> = { question: CheckinQuestion; draft: Extract<Draft, { kind: K }>; onChange: (next: Extract<Draft, { kind: K }>) => void; error?: string };

const optionClass = (isChosen: boolean) =>
  cn(
    "flex min-h-12 cursor-pointer items-center justify-center rounded-lg border px-2 text-base font-semibold has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-700",
    isChosen ? "border-brand-700 bg-brand-700 text-white" : "border-stone-300 bg-white text-stone-900",
  );

/** The prompt as the group's name, with its help and error below it. */
function Question({ question, error, describe, children }: { question: CheckinQuestion; error?: string; describe?: string; children: React.ReactNode }) {
  const id = useId();
  const described = [question.help ? `${id}-help` : null, describe ?? null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={described}>
      <legend className="text-base font-medium text-stone-900">
        {question.prompt}
        {question.isRequired ? null : <span className="font-normal text-stone-600"> (optional)</span>}
      </legend>
      {question.help ? (
        <p id={`${id}-help`} className="text-sm text-stone-600">
          {question.help}
        </p>
      ) : null}
      {children}
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </fieldset>
  );
}

/** 0–10 as eleven buttons, the ends labelled with the question's words. */
export function ScaleInput({ question, draft, onChange, error }: Props<"scale">) {
  const name = useId();
  const ends = question.options.kind === "scale" ? question.options : { minLabel: "", maxLabel: "" };
  return (
    <Question question={question} error={error} describe={`${name}-ends`}>
      <div className="grid grid-cols-6 gap-2">
        {Array.from({ length: 11 }, (_, n) => (
          <label key={n} className={optionClass(draft.value === n)}>
            <input type="radio" className="sr-only" name={name} value={n} checked={draft.value === n} onChange={() => onChange({ kind: "scale", value: n })} aria-label={String(n)} />
            {n}
          </label>
        ))}
      </div>
      <p id={`${name}-ends`} className="flex justify-between gap-4 text-sm text-stone-600">
        <span>0 is {ends.minLabel.toLowerCase() || "the least"}</span>
        <span className="text-right">10 is {ends.maxLabel.toLowerCase() || "the most"}</span>
      </p>
    </Question>
  );
}

/** One of the question's choices, each a button. */
export function ChoiceInput({ question, draft, onChange, error }: Props<"choice">) {
  const name = useId();
  const choices = question.options.kind === "choice" ? question.options.choices : [];
  return (
    <Question question={question} error={error}>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {choices.map((choice) => (
          <label key={choice} className={optionClass(draft.value === choice)}>
            <input type="radio" className="sr-only" name={name} value={choice} checked={draft.value === choice} onChange={() => onChange({ kind: "choice", value: choice })} />
            {choice}
          </label>
        ))}
      </div>
    </Question>
  );
}

/** Yes or no; a box for the details when the question asks for them on "yes". */
export function YesNoInput({ question, draft, onChange, error, detailLabel = DETAIL_LABEL }: Props<"yes_no"> & { detailLabel?: string }) {
  const name = useId();
  return (
    <Question question={question} error={error}>
      <div className="grid grid-cols-2 gap-2">
        {([true, false] as const).map((value) => (
          <label key={String(value)} className={optionClass(draft.value === value)}>
            <input type="radio" className="sr-only" name={name} checked={draft.value === value} onChange={() => onChange({ ...draft, value })} />
            {value ? "Yes" : "No"}
          </label>
        ))}
      </div>
      {draft.value && asksDetail(question) ? (
        <div className="space-y-1">
          <label htmlFor={`${name}-detail`} className="block text-sm font-medium text-stone-800">
            {detailLabel}
          </label>
          <textarea id={`${name}-detail`} className={cn(inputClass, "h-20 py-2")} maxLength={MAX_TEXT_ANSWER_LENGTH} value={draft.detail} onChange={(e) => onChange({ ...draft, detail: e.target.value })} />
        </div>
      ) : null}
    </Question>
  );
}

/** A number, with the question's unit beside it. */
export function NumberInput({ question, draft, onChange, error }: Props<"number">) {
  const id = useId();
  const options = question.options.kind === "number" ? question.options : null;
  return (
    <Question question={question} error={error}>
      <div className="flex items-center gap-2">
        <input
          id={id}
          aria-label={options?.unit ? `${question.prompt} (${options.unit})` : question.prompt}
          type="text"
          inputMode={options && options.decimals > 0 ? "decimal" : "numeric"}
          className={cn(inputClass, "w-32")}
          value={draft.text}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange({ kind: "number", text: e.target.value })}
        />
        {options?.unit ? <span className="text-base text-stone-700">{options.unit}</span> : null}
      </div>
    </Question>
  );
}

/** A short answer in words. */
export function TextInput({ question, draft, onChange, error }: Props<"text">) {
  return (
    <Question question={question} error={error}>
      <textarea aria-label={question.prompt} rows={2} maxLength={MAX_TEXT_ANSWER_LENGTH} className={cn(inputClass, "h-auto py-2")} value={draft.value} aria-invalid={error ? true : undefined} onChange={(e) => onChange({ kind: "text", value: e.target.value })} />
    </Question>
  );
}

/** The control for a question of any kind; `detailLabel` names the box under a "yes" in the form's own words. */
export function QuestionInput({ question, draft, onChange, error, detailLabel }: { question: CheckinQuestion; draft: Draft; onChange: (next: Draft) => void; error?: string; detailLabel?: string }) {
  switch (draft.kind) {
    case "scale":
      return <ScaleInput question={question} draft={draft} onChange={onChange} error={error} />;
    case "choice":
      return <ChoiceInput question={question} draft={draft} onChange={onChange} error={error} />;
    case "yes_no":
      return <YesNoInput question={question} draft={draft} onChange={onChange} error={error} detailLabel={detailLabel} />;
    case "number":
      return <NumberInput question={question} draft={draft} onChange={onChange} error={error} />;
    case "text":
      return <TextInput question={question} draft={draft} onChange={onChange} error={error} />;
    case "pain_map":
      return (
        <Question question={question} error={error}>
          <PainMapInput question={question} draft={draft} onChange={onChange} />
        </Question>
      );
  }
}
