"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

type Exception = { id: string; date: string; kind: "day_off" } | { id: string; date: string; kind: "extra"; start: string; end: string };

/** Dated changes to the week: a day off, or extra hours on one date. */
export function ExceptionsForm({ exceptions, today, lastDate }: { exceptions: Exception[]; today: string; lastDate: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [kind, setKind] = useState<"day_off" | "extra">("day_off");
  const add = useMutation(trpc.booking.addException.mutationOptions({ onSuccess: () => router.refresh() }));
  const remove = useMutation(trpc.booking.removeException.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = formErrorsOf(add.error);
  const upcoming = exceptions.filter((e) => e.date >= today);
  return (
    <Card className="space-y-4">
      <h2 className="text-lg font-semibold">Days off and extra hours</h2>
      {upcoming.length === 0 ? <p className="text-sm text-stone-600">None coming up.</p> : null}
      <ul className="space-y-1 text-sm">
        {upcoming.map((e) => (
          <li key={e.id} className="flex items-center gap-3">
            <span>
              {e.date}: {e.kind === "day_off" ? "day off" : `extra hours ${e.start}–${e.end}`}
            </span>
            <Button type="button" size="sm" variant="ghost" onClick={() => remove.mutate({ exceptionId: e.id })}>
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <form
        noValidate
        className="grid gap-3 sm:grid-cols-4 sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const date = String(f.get("date") ?? "");
          add.mutate(kind === "day_off" ? { date, kind } : { date, kind, start: String(f.get("start") ?? ""), end: String(f.get("end") ?? "") });
        }}
      >
        <Field label="Date" name="date" type="date" min={today} max={lastDate} error={errors.fields.date} />
        <div className="space-y-1">
          <label htmlFor={`${id}-kind`} className="block text-sm font-medium">
            Change
          </label>
          <select id={`${id}-kind`} className={inputClass} value={kind} onChange={(e) => setKind(e.target.value as "day_off" | "extra")}>
            <option value="day_off">Day off</option>
            <option value="extra">Extra hours</option>
          </select>
        </div>
        {kind === "extra" ? (
          <>
            <Field label="From" name="start" type="time" defaultValue="09:00" error={errors.fields.start} />
            <Field label="Until" name="end" type="time" defaultValue="12:00" error={errors.fields.end} />
          </>
        ) : null}
        {add.error && Object.keys(errors.fields).length === 0 ? <Alert className="sm:col-span-4">{errors.message}</Alert> : null}
        <SubmitButton variant="secondary" disabled={add.isPending}>
          Add
        </SubmitButton>
      </form>
    </Card>
  );
}
