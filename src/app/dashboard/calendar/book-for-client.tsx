"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert, Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

/** The trainer books one of their open times on a client's behalf. */
export function BookForClient({ clients, types }: { clients: { id: string; name: string }[]; types: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [clientId, setClientId] = useState("");
  const [typeId, setTypeId] = useState(types[0]?.id ?? "");
  const [start, setStart] = useState("");
  const [booked, setBooked] = useState(false);
  const slots = useQuery({ ...trpc.booking.slots.queryOptions({ sessionTypeId: typeId, days: 21 }), enabled: !!typeId });
  const book = useMutation(
    trpc.booking.bookForClient.mutationOptions({
      onSuccess: () => {
        setBooked(true);
        setStart("");
        void slots.refetch();
        router.refresh();
      },
      onError: () => void slots.refetch(),
    }),
  );
  const errors = formErrorsOf(book.error);
  if (types.length === 0) return null;
  return (
    <Card>
      <form
        className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          setBooked(false);
          book.mutate({ clientId, sessionTypeId: typeId, start: new Date(start) });
        }}
      >
        <h2 className="text-lg font-semibold sm:col-span-4">Book for a client</h2>
        <div className="space-y-1">
          <label htmlFor={`${id}-client`} className="block text-sm font-medium">
            Client
          </label>
          <select id={`${id}-client`} className={inputClass} value={clientId} onChange={(e) => setClientId(e.target.value)} aria-invalid={errors.fields.clientId ? true : undefined}>
            <option value="">Choose a client</option>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {errors.fields.clientId ? <p className="text-sm text-red-700">{errors.fields.clientId}</p> : null}
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-type`} className="block text-sm font-medium">
            Session type
          </label>
          <select id={`${id}-type`} className={inputClass} value={typeId} onChange={(e) => { setTypeId(e.target.value); setStart(""); }}>
            {types.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-start`} className="block text-sm font-medium">
            Time (your zone)
          </label>
          <select id={`${id}-start`} className={inputClass} value={start} onChange={(e) => setStart(e.target.value)} aria-invalid={errors.fields.start ? true : undefined}>
            <option value="">{slots.isPending ? "Loading…" : slots.data?.days.length ? "Choose a time" : "No free times in 3 weeks"}</option>
            {slots.data?.days.map((day) => (
              <optgroup key={day.date} label={day.label}>
                {day.slots.map((s) => (
                  <option key={s.start.toISOString()} value={s.start.toISOString()}>
                    {day.label.split(" ").slice(0, 3).join(" ")} {s.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {errors.fields.start ? <p className="text-sm text-red-700">{errors.fields.start}</p> : null}
        </div>
        <SubmitButton disabled={!clientId || !start || book.isPending}>
          Book
        </SubmitButton>
        {book.error && !errors.fields.start && !errors.fields.clientId ? <Alert className="sm:col-span-4">{errors.message}</Alert> : null}
        {booked ? <Alert tone="success" className="sm:col-span-4">Booked. Your client has an email with a calendar file.</Alert> : null}
      </form>
    </Card>
  );
}
