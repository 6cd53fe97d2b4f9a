"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { formErrorsOf, useTRPC } from "@/trpc/react";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
type Window = { weekday: number; start: string; end: string };

/** Weekly hours as wall time in the trainer's zone; a 09:00 start stays 09:00 across DST. */
export function AvailabilityForm({ timeZone, weekly, zones }: { timeZone: string; weekly: Window[]; zones: string[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [zone, setZone] = useState(timeZone);
  const [windows, setWindows] = useState<Window[]>(weekly);
  const [saved, setSaved] = useState(false);
  const save = useMutation(trpc.booking.setAvailability.mutationOptions({ onSuccess: () => { setSaved(true); router.refresh(); } }));
  const errors = formErrorsOf(save.error);
  const update = (index: number, patch: Partial<Window>) => setWindows((all) => all.map((w, i) => (i === index ? { ...w, ...patch } : w)));
  return (
    <Card className="space-y-4">
      <h2 className="text-lg font-semibold">Weekly hours</h2>
      <div className="space-y-1">
        <label htmlFor={`${id}-zone`} className="block text-sm font-medium">
          Your time zone
        </label>
        <input id={`${id}-zone`} list={`${id}-zones`} className={inputClass} value={zone} onChange={(e) => setZone(e.target.value)} aria-invalid={errors.fields.timeZone ? true : undefined} />
        <datalist id={`${id}-zones`}>
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        {errors.fields.timeZone ? <p className="text-sm text-red-700">{errors.fields.timeZone}</p> : null}
      </div>
      <ul className="space-y-2" aria-label="Weekly hours">
        {windows.map((w, i) => (
          <li key={i} className="grid grid-cols-2 items-end gap-2 sm:grid-cols-[1fr_1fr_1fr_auto]">
            <div className="col-span-2 space-y-1 sm:col-span-1">
              <label htmlFor={`${id}-day-${i}`} className="block text-sm font-medium">
                Day
              </label>
              <select id={`${id}-day-${i}`} className={inputClass} value={w.weekday} onChange={(e) => update(i, { weekday: Number(e.target.value) })}>
                {WEEKDAYS.map((d, n) => (
                  <option key={d} value={n + 1}>
                    {d}
                  </option>
                ))}
              </select>
            </div>
            <Field label="From" type="time" value={w.start} onChange={(e) => update(i, { start: e.target.value })} />
            <Field label="Until" type="time" value={w.end === "24:00" ? "23:59" : w.end} onChange={(e) => update(i, { end: e.target.value })} />
            <Button type="button" variant="ghost" size="sm" onClick={() => setWindows((all) => all.filter((_, n) => n !== i))} aria-label={`Remove ${WEEKDAYS[w.weekday - 1]} ${w.start}–${w.end}`}>
              Remove
            </Button>
          </li>
        ))}
      </ul>
      {errors.fields.weekly ? <p className="text-sm text-red-700">{errors.fields.weekly}</p> : null}
      {save.error && !errors.fields.weekly && !errors.fields.timeZone ? <Alert>{errors.message}</Alert> : null}
      {saved ? <Alert tone="success">Saved. Clients see the new times straight away.</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={() => setWindows((all) => [...all, { weekday: 1, start: "09:00", end: "17:00" }])}>
          Add hours
        </Button>
        <Button type="button" onClick={() => { setSaved(false); save.mutate({ timeZone: zone, weekly: windows }); }} disabled={save.isPending}>
          Save weekly hours
        </Button>
      </div>
    </Card>
  );
}
