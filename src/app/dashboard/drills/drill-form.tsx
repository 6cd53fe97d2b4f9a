"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { PrescriptionFields, defaultsOf, draftFrom } from "@/components/drills/prescription-fields";
import { Alert } from "@/components/ui/card";
import { CheckboxField, Field, SelectField, TextAreaField } from "@/components/ui/field";
import { measureLabels } from "@/lib/drills/describe";
import { drillLevels, measureKinds, type DrillLevel, type Equipment, type MeasureKind, type PrescriptionDefaults } from "@/lib/drills/vocabulary";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

export type DrillFormValues = {
  name: string;
  purpose: string;
  steps: string[];
  cues: string[];
  equipment: Equipment[];
  level: DrillLevel;
  measure: MeasureKind;
  perSide: boolean;
  recordsContactFeel: boolean;
  videoUrl: string | null;
  defaultPrescription: PrescriptionDefaults;
};

const blank: DrillFormValues = {
  name: "",
  purpose: "",
  steps: [],
  cues: [],
  equipment: [],
  level: "foundation",
  measure: "reps",
  perSide: true,
  recordsContactFeel: false,
  videoUrl: null,
  defaultPrescription: { sets: 1, targetPerSide: null, repMin: null, repMax: null, schedule: { daily: true, beforeRun: false } },
};

const toLines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);
// One piece of equipment per line; "(optional)" at the end marks it optional.
const toEquipment = (text: string): Equipment[] =>
  toLines(text).map((line) => {
    const isOptional = /\(optional\)\s*$/i.test(line);
    return { name: line.replace(/\(optional\)\s*$/i, "").trim(), isOptional, note: "" };
  });
const fromEquipment = (items: Equipment[]) => items.map((e) => `${e.name}${e.isOptional ? " (optional)" : ""}`).join("\n");

const firstOf = (fields: Record<string, string | undefined>, prefix: string) =>
  Object.entries(fields).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1];

/** Create a drill, or edit one of the studio's own. */
export function DrillForm({ drillId, initial }: { drillId?: string; initial?: DrillFormValues }) {
  const trpc = useTRPC();
  const router = useRouter();
  const start = initial ?? blank;
  const [name, setName] = useState(start.name);
  const [purpose, setPurpose] = useState(start.purpose);
  const [steps, setSteps] = useState(start.steps.join("\n"));
  const [cues, setCues] = useState(start.cues.join("\n"));
  const [equipment, setEquipment] = useState(fromEquipment(start.equipment));
  const [level, setLevel] = useState<DrillLevel>(start.level);
  const [measure, setMeasure] = useState<MeasureKind>(start.measure);
  const [perSide, setPerSide] = useState(start.perSide);
  const [recordsContactFeel, setRecordsContactFeel] = useState(start.recordsContactFeel);
  const [videoUrl, setVideoUrl] = useState(start.videoUrl ?? "");
  const [draft, setDraft] = useState(() => draftFrom(start.defaultPrescription));
  const [saved, setSaved] = useState(false);

  const create = useMutation(trpc.drill.create.mutationOptions({ onSuccess: (drill) => router.push(`/dashboard/drills/${drill.id}`) }));
  const update = useMutation(
    trpc.drill.update.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        router.refresh();
      },
    }),
  );
  const mutation = drillId ? update : create;
  const errors = formErrorsOf(mutation.error);
  // Update nests the drill under `drill.`; read both the same way.
  const fields = Object.fromEntries(Object.entries(errors.fields).map(([k, v]) => [k.replace(/^drill\./, ""), v]));

  const values = () => ({
    name,
    purpose,
    steps: toLines(steps),
    cues: toLines(cues),
    equipment: toEquipment(equipment),
    level,
    measure,
    perSide,
    recordsContactFeel: measure === "contacts" && recordsContactFeel,
    videoUrl: videoUrl.trim() === "" ? null : videoUrl.trim(),
    defaultPrescription: defaultsOf(draft),
  });

  return (
    <form
      aria-label={drillId ? "Edit drill" : "New drill"}
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        if (drillId) update.mutate({ drillId, drill: values() });
        else create.mutate(values());
      }}
    >
      <FormAlert message={errors.message} fields={errors.fields} />
      {saved && !mutation.error ? <Alert tone="success">Saved.</Alert> : null}
      <Field label="Name" value={name} onChange={(e) => setName(e.target.value)} error={fields.name} required />
      <TextAreaField label="Purpose" hint="Why a runner does it, in a sentence or two." rows={2} value={purpose} onChange={(e) => setPurpose(e.target.value)} error={fields.purpose} />
      <TextAreaField label="Steps" hint="One step per line, in order." rows={5} value={steps} onChange={(e) => setSteps(e.target.value)} error={firstOf(fields, "steps")} />
      <TextAreaField label="Cues" hint="One cue per line: what to keep in mind." rows={3} value={cues} onChange={(e) => setCues(e.target.value)} error={firstOf(fields, "cues")} />
      <TextAreaField label="Equipment" hint='One item per line; add "(optional)" to an item the drill can do without.' rows={2} value={equipment} onChange={(e) => setEquipment(e.target.value)} error={firstOf(fields, "equipment")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Level" value={level} onChange={(e) => setLevel(e.target.value as DrillLevel)} error={fields.level}>
          {drillLevels.map((l) => (
            <option key={l} value={l}>
              {l[0]!.toUpperCase() + l.slice(1)}
            </option>
          ))}
        </SelectField>
        <SelectField label="Measured as" value={measure} onChange={(e) => setMeasure(e.target.value as MeasureKind)} error={fields.measure}>
          {measureKinds.map((m) => (
            <option key={m} value={m}>
              {measureLabels[m]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="flex flex-wrap gap-x-6">
        <CheckboxField label="Done on each side (left and right)" checked={perSide} onChange={(e) => setPerSide(e.target.checked)} />
        {measure === "contacts" ? (
          <CheckboxField label="Also rate how short the contact felt" checked={recordsContactFeel} onChange={(e) => setRecordsContactFeel(e.target.checked)} />
        ) : null}
      </div>
      <Field label="Video link" type="url" placeholder="https://" value={videoUrl} onChange={(e) => setVideoUrl(e.target.value)} error={fields.videoUrl} hint="Optional." />
      <fieldset className="space-y-2 rounded-lg border border-stone-200 p-3">
        <legend className="px-1 text-sm font-semibold">Default prescription</legend>
        <PrescriptionFields value={draft} onChange={setDraft} measure={measure} perSide={perSide} errors={fields} prefix="defaultPrescription" dated={false} />
      </fieldset>
      <SubmitButton disabled={mutation.isPending}>
        {mutation.isPending ? "Saving…" : drillId ? "Save changes" : "Create drill"}
      </SubmitButton>
    </form>
  );
}
