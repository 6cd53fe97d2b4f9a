"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import type { MasteryRule } from "@/lib/drills/vocabulary";
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
  current: { requiresDrillId: string; rule: MasteryRule } | null;
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
      <SubmitButton variant="secondary" disabled={save.isPending}>
        Save prerequisite
      </SubmitButton>
    </form>
  );
}
