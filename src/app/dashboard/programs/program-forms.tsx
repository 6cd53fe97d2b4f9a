"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { PrescriptionFields, defaultsOf, draftFrom, type PrescriptionDraft } from "@/components/drills/prescription-fields";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { CheckboxField, Field, TextAreaField } from "@/components/ui/field";
import type { MeasureKind, PrescriptionDefaults } from "@/lib/drills/vocabulary";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

type ClientOption = { id: string; name: string; coachName: string };

/** Apply one program to several selected clients at once: all their assignments, or none. */
export function ApplyToClientsForm({ programId, programName, clients }: { programId: string; programName: string; clients: ClientOption[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [selected, setSelected] = useState<string[]>([]);
  const [startDate, setStartDate] = useState("");
  const apply = useMutation(
    trpc.program.applyTo.mutationOptions({
      onSuccess: () => {
        setSelected([]);
        router.refresh();
      },
    }),
  );
  const { message, fields } = formErrorsOf(apply.error);
  return (
    <form
      aria-label={`Apply ${programName}`}
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        apply.mutate({ programId, clientIds: selected, startDate: startDate || null });
      }}
    >
      <FormAlert message={message} fields={fields} />
      {apply.data && !apply.error ? (
        <Alert tone="success">
          Applied to {apply.data.clients} client{apply.data.clients === 1 ? "" : "s"}: {apply.data.created} new assignment{apply.data.created === 1 ? "" : "s"}
          {apply.data.skipped ? `, ${apply.data.skipped} already assigned kept as they were` : ""}.
        </Alert>
      ) : null}
      <fieldset aria-describedby={fields.clientIds ? `${programId}-clients-error` : undefined}>
        <legend className="text-sm font-medium">Clients</legend>
        <div className="grid max-h-60 gap-x-4 overflow-y-auto sm:grid-cols-2">
          {clients.map((c) => (
            <CheckboxField
              key={c.id}
              label={
                <>
                  {c.name} <span className="text-stone-600">· {c.coachName}</span>
                </>
              }
              checked={selected.includes(c.id)}
              onChange={(e) => setSelected((s) => (e.target.checked ? [...s, c.id] : s.filter((id) => id !== c.id)))}
            />
          ))}
        </div>
        {fields.clientIds ? (
          <p id={`${programId}-clients-error`} className="text-sm text-red-700">
            {fields.clientIds}
          </p>
        ) : null}
      </fieldset>
      <Field label="Start date" type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} error={fields.startDate} hint="Optional: empty starts each client on their own today." className="max-w-xs" />
      <SubmitButton disabled={apply.isPending}>
        {apply.isPending ? "Applying…" : `Apply to ${selected.length || "the selected"} client${selected.length === 1 ? "" : "s"}`}
      </SubmitButton>
    </form>
  );
}

type DrillOption = { id: string; name: string; measure: MeasureKind; perSide: boolean; defaultPrescription: PrescriptionDefaults; isArchived?: boolean };
type ProgramItem = { drillId: string; prescription: PrescriptionDefaults };

/** A named set of drills, each with its prescription (starting from the drill's default). */
export function CreateProgramForm({ drills }: { drills: DrillOption[] }) {
  return <ProgramForm drills={drills} />;
}

/**
 * Change a program's name, description, drills and prescriptions. What was applied from it
 * before was copied into each client's assignments then, so it is not changed here.
 */
export function EditProgramForm({ program, drills }: { program: { id: string; name: string; description: string; items: ProgramItem[] }; drills: DrillOption[] }) {
  return <ProgramForm drills={drills} program={program} />;
}

function ProgramForm({ drills, program }: { drills: DrillOption[]; program?: { id: string; name: string; description: string; items: ProgramItem[] } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const isEdit = !!program;
  const [name, setName] = useState(program?.name ?? "");
  const [description, setDescription] = useState(program?.description ?? "");
  const [items, setItems] = useState<{ drillId: string; draft: PrescriptionDraft }[]>(
    program?.items.map((i) => ({ drillId: i.drillId, draft: draftFrom(i.prescription) })) ?? [],
  );
  const create = useMutation(
    trpc.program.create.mutationOptions({
      onSuccess: () => {
        setName("");
        setDescription("");
        setItems([]);
        router.refresh();
      },
    }),
  );
  const update = useMutation(trpc.program.update.mutationOptions({ onSuccess: () => router.refresh() }));
  const save = isEdit ? update : create;
  const { message, fields } = formErrorsOf(save.error);
  const toggle = (drill: DrillOption, on: boolean) =>
    setItems((list) => (on ? [...list, { drillId: drill.id, draft: draftFrom(drill.defaultPrescription) }] : list.filter((i) => i.drillId !== drill.id)));
  const noteId = program ? `${program.id}-applied-note` : undefined;
  return (
    <form
      aria-label={program ? `Edit ${program.name}` : "New program"}
      aria-describedby={noteId}
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const body = { name, description, items: items.map((i) => ({ drillId: i.drillId, prescription: defaultsOf(i.draft) })) };
        if (program) update.mutate({ programId: program.id, ...body });
        else create.mutate(body);
      }}
    >
      {program ? (
        <p id={noteId} className="rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900">
          Clients you already applied this program to keep the drills and prescriptions they were given. Your changes apply the next time you apply it;
          change a client&apos;s own prescription on their page.
        </p>
      ) : null}
      <FormAlert message={message} fields={fields} />
      {save.isSuccess && !save.error ? <Alert tone="success">{isEdit ? "Program saved." : "Program created."}</Alert> : null}
      <Field label="Program name" value={name} onChange={(e) => setName(e.target.value)} error={fields.name} />
      <TextAreaField label="Description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} error={fields.description} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Drills</legend>
        {fields.items ? <p className="text-sm text-red-700">{fields.items}</p> : null}
        {drills.map((drill) => {
          const index = items.findIndex((i) => i.drillId === drill.id);
          const item = items[index];
          const drillError = index >= 0 ? fields[`items.${index}.drillId`] : undefined;
          return (
            <div key={drill.id} className="rounded-lg border border-stone-200 px-3">
              <CheckboxField label={drill.isArchived ? `${drill.name} (archived: remove it, or restore the drill)` : drill.name} checked={!!item} onChange={(e) => toggle(drill, e.target.checked)} />
              {drillError ? <p className="pb-2 text-sm text-red-700">{drillError}</p> : null}
              {item ? (
                <div className="pb-3">
                  <PrescriptionFields
                    value={item.draft}
                    onChange={(draft) => setItems((list) => list.map((i) => (i.drillId === drill.id ? { ...i, draft } : i)))}
                    measure={drill.measure}
                    perSide={drill.perSide}
                    errors={fields}
                    prefix={`items.${index}.prescription`}
                    dated={false}
                  />
                </div>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <SubmitButton disabled={save.isPending}>
        {isEdit ? (save.isPending ? "Saving…" : "Save program") : save.isPending ? "Creating…" : "Create program"}
      </SubmitButton>
    </form>
  );
}

export function ArchiveProgramButton({ programId, programName }: { programId: string; programName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const archive = useMutation(trpc.program.archive.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-2">
      {archive.error ? <Alert>{formErrorsOf(archive.error).message}</Alert> : null}
      <Button variant="ghost" size="sm" disabled={archive.isPending} onClick={() => archive.mutate({ programId })}>
        Archive {programName}
      </Button>
    </div>
  );
}
