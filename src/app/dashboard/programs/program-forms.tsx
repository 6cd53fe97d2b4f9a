"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CheckboxField, FormAlert, TextAreaField } from "@/components/drills/fields";
import { PrescriptionFields, defaultsOf, draftFrom, type PrescriptionDraft } from "@/components/drills/prescription-fields";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import type { MeasureKind, PrescriptionDefaults } from "@/server/drills/types";
import { formErrorsOf, useTRPC } from "@/trpc/react";

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
      <Button type="submit" disabled={apply.isPending}>
        {apply.isPending ? "Applying…" : `Apply to ${selected.length || "the selected"} client${selected.length === 1 ? "" : "s"}`}
      </Button>
    </form>
  );
}

type DrillOption = { id: string; name: string; measure: MeasureKind; perSide: boolean; defaultPrescription: PrescriptionDefaults };

/** A named set of drills, each with its prescription (starting from the drill's default). */
export function CreateProgramForm({ drills }: { drills: DrillOption[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [items, setItems] = useState<{ drillId: string; draft: PrescriptionDraft }[]>([]);
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
  const { message, fields } = formErrorsOf(create.error);
  const toggle = (drill: DrillOption, on: boolean) =>
    setItems((list) => (on ? [...list, { drillId: drill.id, draft: draftFrom(drill.defaultPrescription) }] : list.filter((i) => i.drillId !== drill.id)));
  return (
    <form
      aria-label="New program"
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ name, description, items: items.map((i) => ({ drillId: i.drillId, prescription: defaultsOf(i.draft) })) });
      }}
    >
      <FormAlert message={message} fields={fields} />
      {create.isSuccess && !create.error ? <Alert tone="success">Program created.</Alert> : null}
      <Field label="Program name" value={name} onChange={(e) => setName(e.target.value)} error={fields.name} />
      <TextAreaField label="Description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} error={fields.description} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Drills</legend>
        {fields.items ? <p className="text-sm text-red-700">{fields.items}</p> : null}
        {drills.map((drill) => {
          const index = items.findIndex((i) => i.drillId === drill.id);
          const item = items[index];
          return (
            <div key={drill.id} className="rounded-lg border border-stone-200 px-3">
              <CheckboxField label={drill.name} checked={!!item} onChange={(e) => toggle(drill, e.target.checked)} />
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
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create program"}
      </Button>
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
