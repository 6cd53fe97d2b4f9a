"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { formatDayLabel, formatTime } from "@/components/booking/format";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { formErrorsOf, useTRPC } from "@/trpc/react";

export type BookableType = {
  id: string;
  name: string;
  trainerName: string;
  durationMinutes: number;
  where: string | null;
  price: string;
  isCredits: boolean;
  policy: string;
};

const DAYS = 14;

function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Pick a session type, then one of its open times (in the client's zone), then confirm. */
export function BookFlow({
  types,
  timeZone,
  today,
  creditBalance,
  reschedule,
}: {
  types: BookableType[];
  timeZone: string;
  today: string;
  creditBalance: number;
  reschedule?: { bookingId: string; sessionTypeId: string; current: string };
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [typeId, setTypeId] = useState<string | null>(reschedule?.sessionTypeId ?? (types.length === 1 ? types[0]!.id : null));
  const [from, setFrom] = useState(today);
  const [picked, setPicked] = useState<Date | null>(null);
  const [taken, setTaken] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const type = types.find((t) => t.id === typeId) ?? null;

  const slots = useQuery({ ...trpc.portalBooking.slots.queryOptions({ sessionTypeId: typeId ?? "", from, days: DAYS }), enabled: !!typeId });
  const onDone = (done: string) => router.push(`/portal/sessions?done=${done}`);
  const onError = (error: unknown) => {
    // Someone else took the time a moment ago: say so, and show the next free times from that day.
    if (error instanceof TRPCClientError && error.data?.code === "CONFLICT") {
      setTaken(error.message);
      if (picked) setFrom(localDateOf(picked, timeZone));
      setPicked(null);
      void slots.refetch();
    }
  };
  const book = useMutation(trpc.portalBooking.book.mutationOptions({ onSuccess: () => onDone("booked"), onError }));
  const move = useMutation(trpc.portalBooking.reschedule.mutationOptions({ onSuccess: () => onDone("moved"), onError }));
  const pending = book.isPending || move.isPending;
  const error = book.error ?? move.error;

  useEffect(() => {
    if (taken) alertRef.current?.focus();
  }, [taken]);

  const confirm = () => {
    if (!type || !picked) return;
    setTaken(null);
    if (reschedule) move.mutate({ bookingId: reschedule.bookingId, start: picked });
    else book.mutate({ sessionTypeId: type.id, start: picked });
  };

  return (
    <div className="space-y-5">
      {reschedule ? (
        <Alert tone="info">Moving your session currently at {reschedule.current}. Pick a new time below.</Alert>
      ) : (
        <fieldset className="space-y-2">
          <legend className="mb-2 font-semibold">1. Choose a session</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {types.map((t) => (
              <label
                key={t.id}
                className="flex cursor-pointer gap-3 rounded-xl border border-stone-200 bg-white p-4 has-checked:border-brand-700 has-checked:ring-2 has-checked:ring-brand-700"
              >
                <input
                  type="radio"
                  name="sessionType"
                  value={t.id}
                  checked={typeId === t.id}
                  onChange={() => {
                    setTypeId(t.id);
                    setPicked(null);
                    setTaken(null);
                  }}
                  className="mt-1"
                />
                <span className="space-y-1">
                  <span className="block font-medium">{t.name}</span>
                  <span className="block text-sm text-stone-600">
                    {t.durationMinutes} min with {t.trainerName} · {t.price}
                  </span>
                  {t.where ? <span className="block text-sm text-stone-600">{t.where}</span> : null}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}

      {type ? (
        <section aria-labelledby="times-heading" className="space-y-3">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id="times-heading" className="mr-auto font-semibold">
              {reschedule ? "Pick a new time" : "2. Pick a time"} <span className="font-normal text-stone-600">({timeZone} time)</span>
            </h2>
            <Button type="button" variant="secondary" size="sm" disabled={from <= today} onClick={() => setFrom(shiftDate(from, -DAYS) < today ? today : shiftDate(from, -DAYS))}>
              Earlier dates
            </Button>
            <Button type="button" variant="secondary" size="sm" onClick={() => setFrom(shiftDate(from, DAYS))}>
              Later dates
            </Button>
          </div>
          {taken ? (
            <div ref={alertRef} tabIndex={-1}>
              <Alert>{taken} The next free times are below.</Alert>
            </div>
          ) : null}
          {slots.isPending ? <p className="text-stone-600">Loading free times…</p> : null}
          {slots.error ? <Alert>{formErrorsOf(slots.error).message}</Alert> : null}
          {slots.data && slots.data.days.length === 0 ? (
            <p className="text-stone-600">No free times in these two weeks. Try later dates.</p>
          ) : null}
          <div className="space-y-4">
            {slots.data?.days.map((day) => (
              <div key={day.date}>
                <h3 className="mb-2 text-sm font-semibold text-stone-800">{day.label}</h3>
                <ul className="flex flex-wrap gap-2" aria-label={`Free times on ${day.label}`}>
                  {day.slots.map((slot) => {
                    const isPicked = picked?.getTime() === slot.start.getTime();
                    return (
                      <li key={slot.start.toISOString()}>
                        <Button
                          type="button"
                          size="sm"
                          variant={isPicked ? "primary" : "secondary"}
                          aria-pressed={isPicked}
                          aria-label={`${day.label} ${slot.label}`}
                          onClick={() => {
                            setPicked(slot.start);
                            setTaken(null);
                          }}
                        >
                          {slot.label}
                        </Button>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </div>
        </section>
      ) : null}

      {type && picked ? (
        <Card className="sticky bottom-[calc(var(--app-bar-space,0px)_+_0.75rem)] space-y-3 border-brand-700">
          <h2 className="font-semibold">{reschedule ? "Move your session" : "3. Confirm"}</h2>
          <p>
            <strong>{type.name}</strong> with {type.trainerName} on {formatDayLabel(picked, timeZone)} at {formatTime(picked, timeZone)} ({timeZone} time).
          </p>
          {reschedule ? null : (
            <p className="text-sm text-stone-700">
              Price: {type.price}
              {type.isCredits ? ` (you have ${creditBalance} credit${creditBalance === 1 ? "" : "s"})` : ", paid to your coach"}. {type.policy}
            </p>
          )}
          {error && !taken ? <Alert>{formErrorsOf(error).message}</Alert> : null}
          <Button type="button" onClick={confirm} disabled={pending}>
            {pending ? "Booking…" : reschedule ? "Move my session here" : "Book this session"}
          </Button>
        </Card>
      ) : null}
    </div>
  );
}

function localDateOf(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).format(instant);
}
