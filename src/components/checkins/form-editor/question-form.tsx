"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { CheckboxField, Field, FieldError, SelectField, TextAreaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { MAX_CHOICES, PAIN_PLACES, PAIN_PLACE_LABELS, QUESTION_KINDS, QUESTION_KIND_LABELS, type FormKind, type PainPlace, type QuestionKind, type QuestionOptions } from "@/lib/checkins/vocabulary";
import type { QuestionInput } from "@/lib/checkins/question-input";
import type { EditorQuestion } from "@/server/checkins/form-editor";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { QuestionPreview } from "./question-preview";

// The form that writes one question: its fields change with its kind, and a preview shows how
// the client will see it. Adds a question to a form, or edits one; a question with answers keeps
// its kind and options (the server refuses a change, the form does not offer one).

type Draft = {
  kind: QuestionKind;
  prompt: string;
  help: string;
  isRequired: boolean;
  isRedFlag: boolean;
  minLabel: string;
  maxLabel: string;
  choices: string[];
  askDetailOnYes: boolean;
  unit: string;
  min: string;
  max: string;
  decimals: "0" | "1" | "2";
  places: PainPlace[];
};

const blank: Draft = {
  kind: "scale",
  prompt: "",
  help: "",
  isRequired: true,
  isRedFlag: false,
  minLabel: "",
  maxLabel: "",
  choices: ["", ""],
  askDetailOnYes: false,
  unit: "",
  min: "0",
  max: "10",
  decimals: "0",
  places: [...PAIN_PLACES],
};

function draftOf(question: EditorQuestion): Draft {
  const o = question.options;
  return {
    ...blank,
    kind: question.kind,
    prompt: question.prompt,
    help: question.help,
    isRequired: question.isRequired,
    isRedFlag: question.isRedFlag,
    ...(o.kind === "scale" ? { minLabel: o.minLabel, maxLabel: o.maxLabel } : {}),
    ...(o.kind === "choice" ? { choices: [...o.choices] } : {}),
    ...(o.kind === "yes_no" ? { askDetailOnYes: o.askDetailOnYes } : {}),
    ...(o.kind === "number" ? { unit: o.unit, min: String(o.min), max: String(o.max), decimals: String(o.decimals) as Draft["decimals"] } : {}),
    ...(o.kind === "pain_map" ? { places: [...o.places] } : {}),
  };
}

/** A typed number, or NaN for an empty box (so the server says "Enter … as a number"). */
const numberOf = (text: string) => (text.trim() === "" ? Number.NaN : Number(text.replace(",", ".")));

function optionsOf(d: Draft): QuestionOptions {
  switch (d.kind) {
    case "scale":
      return { kind: "scale", minLabel: d.minLabel, maxLabel: d.maxLabel };
    case "choice":
      // Empty rows are left out: the trainer adds rows before typing in them.
      return { kind: "choice", choices: d.choices.map((c) => c.trim()).filter(Boolean) };
    case "yes_no":
      return { kind: "yes_no", askDetailOnYes: d.askDetailOnYes };
    case "number":
      return { kind: "number", unit: d.unit, min: numberOf(d.min), max: numberOf(d.max), decimals: Number(d.decimals) as 0 | 1 | 2 };
    case "text":
      return { kind: "text" };
    case "pain_map":
      return { kind: "pain_map", places: PAIN_PLACES.filter((p) => d.places.includes(p)) };
  }
}

const firstOf = (fields: Record<string, string | undefined>, prefix: string) => Object.entries(fields).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1];

export function QuestionForm({ formId, formKind, question, onDone }: { formId: string; formKind: FormKind; question?: EditorQuestion; onDone?: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(question ? draftOf(question) : blank);
  const [saved, setSaved] = useState<string | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(null);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const onSuccess = () => {
    router.refresh();
    if (question) {
      onDone?.();
    } else {
      setDraft({ ...blank, kind: draft.kind });
      setSaved("Question added at the end of the form.");
    }
  };
  const add = useMutation(trpc.checkinForm.addQuestion.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.checkinForm.updateQuestion.mutationOptions({ onSuccess }));
  const mutation = question ? update : add;
  const { message, fields } = formErrorsOf(mutation.error);
  const f = (key: string) => fields[`question.${key}`];
  const isLocked = (question?.answerCount ?? 0) > 0;
  const canBeRedFlag = formKind === "intake" && draft.kind === "yes_no";
  const choicesId = useId();
  const placesId = useId();
  const options = optionsOf(draft);
  const label = question ? "Edit question" : "Add a question";

  return (
    <form
      aria-label={label}
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const body: QuestionInput = { prompt: draft.prompt, help: draft.help, isRequired: draft.isRequired, isRedFlag: canBeRedFlag && draft.isRedFlag, options };
        if (question) update.mutate({ questionId: question.id, question: body });
        else add.mutate({ formId, question: body });
      }}
    >
      <FormAlert message={message} fields={fields} />
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      <SelectField
        label="Kind of question"
        value={draft.kind}
        disabled={isLocked}
        hint={isLocked ? `Answered ${question!.answerCount} times: to ask it another way, remove it and add a new question (its answers stay with this wording).` : undefined}
        onChange={(e) => set("kind", e.target.value as QuestionKind)}
        error={f("options.kind")}
      >
        {QUESTION_KINDS.map((k) => (
          <option key={k} value={k}>
            {QUESTION_KIND_LABELS[k]}
          </option>
        ))}
      </SelectField>
      <Field label="Question" value={draft.prompt} onChange={(e) => set("prompt", e.target.value)} error={f("prompt")} />
      <TextAreaField label="Help (optional)" hint="Shown under the question, e.g. what 0 and 10 mean." value={draft.help} onChange={(e) => set("help", e.target.value)} error={f("help")} className="[&_textarea]:min-h-16" />

      <fieldset disabled={isLocked} className="space-y-3">
        <legend className="sr-only">What the client answers with</legend>
        {draft.kind === "scale" ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Label of 0" placeholder="Awful" value={draft.minLabel} onChange={(e) => set("minLabel", e.target.value)} error={f("options.minLabel")} />
            <Field label="Label of 10" placeholder="Great" value={draft.maxLabel} onChange={(e) => set("maxLabel", e.target.value)} error={f("options.maxLabel")} />
          </div>
        ) : null}
        {draft.kind === "choice" ? (
          <div role="group" aria-labelledby={`${choicesId}-label`} aria-describedby={firstOf(fields, "question.options.choices") ? `${choicesId}-error` : undefined} className="space-y-2">
            <p id={`${choicesId}-label`} className="text-sm font-medium text-stone-800">
              Choices
            </p>
            {draft.choices.map((choice, i) => (
              <div key={i} className="flex items-end gap-2">
                <Field
                  label={`Choice ${i + 1}`}
                  className="flex-1"
                  value={choice}
                  onChange={(e) =>
                    set(
                      "choices",
                      draft.choices.map((c, j) => (j === i ? e.target.value : c)),
                    )
                  }
                />
                {draft.choices.length > 1 ? (
                  <Button
                    type="button"
                    variant="ghost"
                    aria-label={`Remove choice ${i + 1}`}
                    onClick={() =>
                      set(
                        "choices",
                        draft.choices.filter((_, j) => j !== i),
                      )
                    }
                  >
                    Remove
                  </Button>
                ) : null}
              </div>
            ))}
            <FieldError id={`${choicesId}-error`}>{firstOf(fields, "question.options.choices")}</FieldError>
            {draft.choices.length < MAX_CHOICES ? (
              <Button type="button" variant="secondary" size="sm" onClick={() => set("choices", [...draft.choices, ""])}>
                Add a choice
              </Button>
            ) : null}
          </div>
        ) : null}
        {draft.kind === "yes_no" ? <CheckboxField label="Ask for details when the answer is yes" checked={draft.askDetailOnYes} onChange={(e) => set("askDetailOnYes", e.target.checked)} /> : null}
        {draft.kind === "number" ? (
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Field label="Unit" placeholder="kg" value={draft.unit} onChange={(e) => set("unit", e.target.value)} error={f("options.unit")} />
            <Field label="Lowest answer" inputMode="decimal" value={draft.min} onChange={(e) => set("min", e.target.value)} error={f("options.min")} />
            <Field label="Highest answer" inputMode="decimal" value={draft.max} onChange={(e) => set("max", e.target.value)} error={f("options.max")} />
            <SelectField label="Decimals" value={draft.decimals} onChange={(e) => set("decimals", e.target.value as Draft["decimals"])} error={f("options.decimals")}>
              <option value="0">None</option>
              <option value="1">1</option>
              <option value="2">2</option>
            </SelectField>
          </div>
        ) : null}
        {draft.kind === "pain_map" ? (
          <fieldset aria-describedby={firstOf(fields, "question.options.places") ? `${placesId}-error` : undefined} className="space-y-1">
            <legend className="text-sm font-medium text-stone-800">Places on the body map (each asked left and right)</legend>
            <div className="grid grid-cols-2 sm:grid-cols-4">
              {PAIN_PLACES.map((p) => (
                <CheckboxField
                  key={p}
                  label={PAIN_PLACE_LABELS[p]}
                  checked={draft.places.includes(p)}
                  onChange={(e) =>
                    set(
                      "places",
                      e.target.checked ? [...draft.places, p] : draft.places.filter((x) => x !== p),
                    )
                  }
                />
              ))}
            </div>
            <FieldError id={`${placesId}-error`}>{firstOf(fields, "question.options.places")}</FieldError>
          </fieldset>
        ) : null}
        {isLocked ? <FieldError>{f("options")}</FieldError> : null}
      </fieldset>
      {!isLocked ? <FieldError>{f("options")}</FieldError> : null}

      <CheckboxField label="The client must answer it" checked={draft.isRequired} onChange={(e) => set("isRequired", e.target.checked)} />
      {canBeRedFlag ? (
        <CheckboxField
          label="Red flag: a yes holds the client's programme until a trainer has read it and cleared them"
          checked={draft.isRedFlag}
          onChange={(e) => set("isRedFlag", e.target.checked)}
        />
      ) : null}
      <FieldError>{f("isRedFlag")}</FieldError>

      <QuestionPreview prompt={draft.prompt.trim()} help={draft.help.trim()} isRequired={draft.isRequired} options={options} />

      <div className="flex flex-wrap gap-2">
        <SubmitButton disabled={mutation.isPending}>{mutation.isPending ? "Saving…" : question ? "Save question" : "Add question"}</SubmitButton>
        {question ? (
          <Button type="button" variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
