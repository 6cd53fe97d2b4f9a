"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { TypedDateBoundsFor } from "@/server/dates/typed-date";
import { PrescriptionFields, draftFrom, prescriptionOf } from "@/components/drills/prescription-fields";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import type { MeasureKind, Prescription, PrescriptionDefaults } from "@/lib/drills/vocabulary";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
import { SubmitButton } from "@/components/ui/submit-button";

export type DrillOption = { id: string; name: string; measure: MeasureKind; perSide: boolean; defaultPrescription: PrescriptionDefaults };

/** Assign one drill from the library with a prescription (prefilled from the drill's default). */
export function AssignDrillForm({ clientId, drills, today, dateBounds }: { clientId: string; drills: DrillOption[]; today: string; dateBounds: TypedDateBoundsFor }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [drillId, setDrillId] = useState("");
  const drill = drills.find((d) => d.id === drillId);
  const [draft, setDraft] = useState(() => draftFrom({ sets: 1, targetPerSide: null, repMin: null, repMax: null, schedule: { daily: true, beforeRun: false }, startDate: today }));
  const [done, setDone] = useState<string | null>(null);
  const assign = useMutation(
    trpc.assignment.create.mutationOptions({
      onSuccess: () => {
        setDone(`${drill?.name ?? "The drill"} is assigned.`);
        setDrillId("");
        router.refresh();
      },
    }),
  );
  const { message, fields } = formErrorsOf(assign.error);
  return (
    <form
      aria-label="Assign a drill"
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        assign.mutate({ clientId, drillId, prescription: prescriptionOf(draft) });
      }}
    >
      <FormAlert message={message} fields={fields} />
      {done ? <Alert tone="success">{done}</Alert> : null}
      <SelectField
        label="Drill"
        value={drillId}
        error={fields.drillId ?? fields.clientId}
        onChange={(e) => {
          const next = drills.find((d) => d.id === e.target.value);
          setDrillId(e.target.value);
          if (next) setDraft(draftFrom({ ...next.defaultPrescription, startDate: today }));
        }}
      >
        <option value="">Pick a drill…</option>
        {drills.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      {drill ? (
        <PrescriptionFields value={draft} onChange={setDraft} measure={drill.measure} perSide={drill.perSide} errors={fields} prefix="prescription" dated dateBounds={dateBounds} />
      ) : null}
      <SubmitButton disabled={assign.isPending}>
        {assign.isPending ? "Assigning…" : "Assign drill"}
      </SubmitButton>
    </form>
  );
}

/** Change the prescription (a new version), pause, resume or end an assignment. */
export function AssignmentActions({
  assignmentId,
  drillName,
  status,
  prescription,
  measure,
  perSide,
}: {
  assignmentId: string;
  drillName: string;
  status: "active" | "paused" | "ended";
  prescription: Prescription;
  measure: MeasureKind;
  perSide: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [isEditing, setIsEditing] = useState(false);
  const [draft, setDraft] = useState(() => draftFrom(prescription));
  const change = useMutation(
    trpc.assignment.change.mutationOptions({
      onSuccess: () => {
        setIsEditing(false);
        router.refresh();
      },
    }),
  );
  const setStatus = useMutation(trpc.assignment.setStatus.mutationOptions({ onSuccess: () => router.refresh() }));
  const changeErrors = formErrorsOf(change.error);
  const statusError = formErrorsOf(setStatus.error).message;
  if (status === "ended") return null;
  return (
    <div className="space-y-3">
      {statusError ? <Alert>{statusError}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" onClick={() => setIsEditing((v) => !v)} aria-expanded={isEditing}>
          {isEditing ? "Cancel change" : `Change ${drillName}`}
        </Button>
        {status === "active" ? (
          <Button variant="secondary" size="sm" disabled={setStatus.isPending} onClick={() => setStatus.mutate({ assignmentId, action: "pause" })}>
            Pause {drillName}
          </Button>
        ) : (
          <Button variant="secondary" size="sm" disabled={setStatus.isPending} onClick={() => setStatus.mutate({ assignmentId, action: "resume" })}>
            Resume {drillName}
          </Button>
        )}
        <ConfirmPanel
          triggerLabel={`End ${drillName}`}
          triggerVariant="ghost"
          question={`End ${drillName} for this client?`}
          confirmLabel="Yes, end it"
          isPending={setStatus.isPending}
          onConfirm={() => setStatus.mutate({ assignmentId, action: "end" })}
          className="[&[role=group]]:basis-full"
        >
          <p>It leaves their Today; everything they logged for it stays in their history.</p>
        </ConfirmPanel>
      </div>
      {isEditing ? (
        <form
          aria-label={`Change ${drillName}`}
          className="space-y-3 rounded-lg border border-stone-200 p-3"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            change.mutate({ assignmentId, prescription: prescriptionOf(draft) });
          }}
        >
          <FormAlert message={changeErrors.message} fields={changeErrors.fields} />
          <PrescriptionFields value={draft} onChange={setDraft} measure={measure} perSide={perSide} errors={changeErrors.fields} prefix="prescription" dated />
          <SubmitButton size="sm" disabled={change.isPending}>
            {change.isPending ? "Saving…" : "Save as a new version"}
          </SubmitButton>
        </form>
      ) : null}
    </div>
  );
}

/** Apply a whole program to this client (drills they already have are kept as they are). */
export function ApplyProgramForm({ clientId, programs }: { clientId: string; programs: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [programId, setProgramId] = useState(programs[0]?.id ?? "");
  const apply = useMutation(trpc.program.applyTo.mutationOptions({ onSuccess: () => router.refresh() }));
  const { message, fields } = formErrorsOf(apply.error);
  const result = apply.data;
  return (
    <form
      aria-label="Apply a program"
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        apply.mutate({ programId, clientIds: [clientId] });
      }}
    >
      <FormAlert message={message} fields={fields} />
      {result ? (
        <Alert tone="success">
          {result.created === 0
            ? "Nothing new: this client already has every drill of the program."
            : `Assigned ${result.created} drill${result.created === 1 ? "" : "s"}${result.skipped ? `; ${result.skipped} already assigned kept as they were` : ""}.`}
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-end gap-3">
        <SelectField label="Program" value={programId} onChange={(e) => setProgramId(e.target.value)} error={fields.programId ?? fields.clientIds} className="min-w-56 flex-1">
          {programs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SubmitButton disabled={apply.isPending || !programId}>
          {apply.isPending ? "Applying…" : "Apply program"}
        </SubmitButton>
      </div>
    </form>
  );
}

/** Unlock a locked drill early for this client, with the reason kept. */
export function OverrideLockForm({ clientId, drillId, drillName }: { clientId: string; drillId: string; drillName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const unlock = useMutation(trpc.assignment.overrideLock.mutationOptions({ onSuccess: () => router.refresh() }));
  const { message, fields } = formErrorsOf(unlock.error);
  return (
    <form
      aria-label={`Unlock ${drillName} early`}
      className="space-y-2"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        unlock.mutate({ clientId, drillId, reason });
      }}
    >
      <FormAlert message={message} fields={fields} />
      <TextAreaField label={`Why unlock ${drillName} early?`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={fields.reason} className="[&_textarea]:min-h-16" />
      <SubmitButton size="sm" disabled={unlock.isPending}>
        Unlock {drillName}
      </SubmitButton>
    </form>
  );
}

export function RevokeOverrideButton({ clientId, drillId, drillName }: { clientId: string; drillId: string; drillName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const revoke = useMutation(trpc.assignment.revokeOverride.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-2">
      {revoke.error ? <Alert>{formErrorsOf(revoke.error).message}</Alert> : null}
      <Button variant="secondary" size="sm" disabled={revoke.isPending} onClick={() => revoke.mutate({ clientId, drillId })}>
        Lock {drillName} again
      </Button>
    </div>
  );
}
