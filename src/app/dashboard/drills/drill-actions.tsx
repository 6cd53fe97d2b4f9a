"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { CheckboxField, Field, SelectField } from "@/components/ui/field";
import { DEFAULT_PAIN_CONDITION, type MasteryRule } from "@/lib/drills/vocabulary";
import { PAIN_PLACE_LABELS, PAIN_PLACES, type PainCondition, type PainPlace } from "@/lib/checkins/vocabulary";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

export function CopyDrillButton({ drillId, drillName }: { drillId: string; drillName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const copy = useMutation(trpc.drill.copy.mutationOptions({ onSuccess: (drill) => router.push(`/dashboard/drills/${drill.id}`) }));
  return (
    <div className="space-y-2">
      {copy.error ? <Alert>{formErrorsOf(copy.error).message}</Alert> : null}
      <Button onClick={() => copy.mutate({ drillId })} disabled={copy.isPending}>
        {copy.isPending ? "Copying…" : `Copy ${drillName} to adapt it`}
      </Button>
    </div>
  );
}

export function ArchiveDrillButton({ drillId, isArchived }: { drillId: string; isArchived: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const archive = useMutation(trpc.drill.archive.mutationOptions({ onSuccess: () => router.refresh() }));
  const restore = useMutation(trpc.drill.restore.mutationOptions({ onSuccess: () => router.refresh() }));
  const error = formErrorsOf(archive.error ?? restore.error).message;
  return (
    <div className="space-y-2">
      {error ? <Alert>{error}</Alert> : null}
      {isArchived ? (
        <Button variant="secondary" onClick={() => restore.mutate({ drillId })} disabled={restore.isPending}>
          Restore drill
        </Button>
      ) : (
        <Button variant="secondary" onClick={() => archive.mutate({ drillId })} disabled={archive.isPending}>
          Archive drill
        </Button>
      )}
    </div>
  );
}

/** The drill to master first and the studio's mastery rule (in that drill's measure). */
export function PrerequisiteForm({
  drillId,
  current,
  options,
  defaultRule,
}: {
  drillId: string;
  current: { requiresDrillId: string; rule: MasteryRule; painCondition: PainCondition | null } | null;
  options: { id: string; name: string }[];
  /** The studio's mastery rule, for a drill that has no prerequisite yet. */
  defaultRule: MasteryRule;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [requiresDrillId, setRequiresDrillId] = useState(current?.requiresDrillId ?? "");
  const [min, setMin] = useState(String((current?.rule ?? defaultRule).minValuePerSide));
  const [days, setDays] = useState(String((current?.rule ?? defaultRule).requiredDays));
  const [windowDays, setWindowDays] = useState(String((current?.rule ?? defaultRule).windowDays));
  const [hasPain, setHasPain] = useState(current?.painCondition != null);
  const [painMax, setPainMax] = useState(String((current?.painCondition ?? DEFAULT_PAIN_CONDITION).maxScore));
  const [painCheckins, setPainCheckins] = useState(String((current?.painCondition ?? DEFAULT_PAIN_CONDITION).checkins));
  const save = useMutation(trpc.drill.setPrerequisite.mutationOptions({ onSuccess: () => router.refresh() }));
  const { message, fields } = formErrorsOf(save.error);
  return (
    <form
      aria-label="Prerequisite"
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          drillId,
          requiresDrillId: requiresDrillId || null,
          rule: { minValuePerSide: Number(min), requiredDays: Number(days), windowDays: Number(windowDays) },
          // An empty box is sent as NaN, which the server refuses with the field's sentence.
          painCondition: hasPain ? { maxScore: painMax.trim() === "" ? Number.NaN : Number(painMax), checkins: painCheckins.trim() === "" ? Number.NaN : Number(painCheckins) } : null,
        });
      }}
    >
      <FormAlert message={message} fields={fields} />
      {save.isSuccess && !save.error ? <Alert tone="success">Saved.</Alert> : null}
      <SelectField label="Master this drill first" value={requiresDrillId} onChange={(e) => setRequiresDrillId(e.target.value)} error={fields.requiresDrillId}>
        <option value="">No prerequisite</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      {requiresDrillId ? (
        <div className="grid grid-cols-3 gap-3">
          <Field label="Minimum each side" inputMode="decimal" value={min} onChange={(e) => setMin(e.target.value)} error={fields["rule.minValuePerSide"]} />
          <Field label="Days needed" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} error={fields["rule.requiredDays"]} />
          <Field label="Out of the last (days)" inputMode="numeric" value={windowDays} onChange={(e) => setWindowDays(e.target.value)} error={fields["rule.windowDays"]} />
        </div>
      ) : null}
      {requiresDrillId ? (
        <fieldset className="space-y-3 rounded-md border border-stone-200 p-3">
          <legend className="px-1 text-sm font-medium">How the client feels</legend>
          <CheckboxField label="Also wait until pain at the places this drill loads has stayed low" checked={hasPain} onChange={(e) => setHasPain(e.target.checked)} />
          {hasPain ? (
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              <Field label="Highest pain allowed each side (0–9)" inputMode="numeric" value={painMax} onChange={(e) => setPainMax(e.target.value)} error={fields["painCondition.maxScore"]} />
              <Field label="In each of the last check-ins (1–30)" inputMode="numeric" value={painCheckins} onChange={(e) => setPainCheckins(e.target.value)} error={fields["painCondition.checkins"]} />
            </div>
          ) : null}
        </fieldset>
      ) : null}
      <SubmitButton variant="secondary" disabled={save.isPending}>
        Save prerequisite
      </SubmitButton>
    </form>
  );
}

/** The places a drill loads: pain there above the studio's threshold pauses it, and a pain condition on its unlock reads them. */
export function PainPlacesForm({ drillId, current }: { drillId: string; current: PainPlace[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [places, setPlaces] = useState<PainPlace[]>(current);
  const save = useMutation(trpc.drill.setPainPlaces.mutationOptions({ onSuccess: () => router.refresh() }));
  const { message, fields } = formErrorsOf(save.error);
  return (
    <form
      aria-label="Places this drill loads"
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ drillId, places: PAIN_PLACES.filter((p) => places.includes(p)) });
      }}
    >
      <FormAlert message={message} fields={fields} />
      {save.isSuccess && !save.error ? <Alert tone="success">Saved.</Alert> : null}
      <fieldset>
        <legend className="sr-only">Places this drill loads</legend>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {PAIN_PLACES.map((place) => (
            <CheckboxField
              key={place}
              label={PAIN_PLACE_LABELS[place]}
              checked={places.includes(place)}
              onChange={(e) => setPlaces((old) => (e.target.checked ? [...old, place] : old.filter((p) => p !== place)))}
            />
          ))}
        </div>
      </fieldset>
      <SubmitButton variant="secondary" disabled={save.isPending}>
        Save places
      </SubmitButton>
    </form>
  );
}
