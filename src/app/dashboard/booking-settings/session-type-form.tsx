"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { CURRENCIES, minorToDecimalString, type Currency } from "@/lib/money";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

export type SessionTypeValues = {
  id?: string;
  name: string;
  durationMinutes: number;
  location: string | null;
  onlineUrl: string | null;
  priceKind: "money" | "credits";
  priceAmountMinor: number | null;
  priceCurrency: string | null;
  priceCredits: number | null;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  maxDaysAhead: number;
  cancelFreeUntilHours: number;
};

const num = (value: FormDataEntryValue | null) => (value === null || value === "" ? Number.NaN : Number(value));

/** Create or change a session type: length, place, price (money or credits) and booking rules. */
export function SessionTypeForm({
  initial,
  onDone,
  defaultCancelFreeUntilHours = 24,
  defaultCurrency = "GBP",
}: {
  initial?: SessionTypeValues;
  onDone?: () => void;
  /** The studio's defaults, for a new type. */
  defaultCancelFreeUntilHours?: number;
  defaultCurrency?: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [priceKind, setPriceKind] = useState<"money" | "credits">(initial?.priceKind ?? "credits");
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.booking.saveSessionType.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        router.refresh();
        onDone?.();
      },
    }),
  );
  const archive = useMutation(trpc.booking.archiveSessionType.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = formErrorsOf(save.error);
  return (
    <Card>
      <form
        noValidate
        className="grid gap-3 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          const f = new FormData(e.currentTarget);
          save.mutate({
            id: initial?.id,
            name: String(f.get("name") ?? ""),
            durationMinutes: num(f.get("durationMinutes")),
            location: String(f.get("location") ?? ""),
            onlineUrl: String(f.get("onlineUrl") ?? ""),
            price:
              priceKind === "credits"
                ? { kind: "credits", credits: num(f.get("credits")) }
                : { kind: "money", amount: String(f.get("amount") ?? ""), currency: String(f.get("currency") ?? "") as Currency },
            bufferAfterMinutes: num(f.get("bufferAfterMinutes")),
            minNoticeMinutes: Math.round(num(f.get("minNoticeHours")) * 60),
            maxDaysAhead: num(f.get("maxDaysAhead")),
            cancelFreeUntilHours: num(f.get("cancelFreeUntilHours")),
          });
        }}
      >
        <h2 className="text-lg font-semibold sm:col-span-2">{initial?.id ? `Change “${initial.name}”` : "New session type"}</h2>
        <Field label="Name" name="name" defaultValue={initial?.name} error={errors.fields.name} className="sm:col-span-2" />
        <Field label="Length (minutes)" name="durationMinutes" type="number" min={5} defaultValue={initial?.durationMinutes ?? 60} error={errors.fields.durationMinutes} />
        <Field label="Break after (minutes)" name="bufferAfterMinutes" type="number" min={0} defaultValue={initial?.bufferAfterMinutes ?? 15} error={errors.fields.bufferAfterMinutes} />
        <Field label="Place (address)" name="location" defaultValue={initial?.location ?? ""} error={errors.fields.location} hint="Leave empty for online sessions." />
        <Field label="Online link" name="onlineUrl" type="url" defaultValue={initial?.onlineUrl ?? ""} error={errors.fields.onlineUrl} hint="A video-call link, for online sessions." />
        <fieldset className="space-y-2 sm:col-span-2">
          <legend className="text-sm font-medium">Price</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name={`${id}-kind`} checked={priceKind === "credits"} onChange={() => setPriceKind("credits")} /> In session credits
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name={`${id}-kind`} checked={priceKind === "money"} onChange={() => setPriceKind("money")} /> In money
            </label>
          </div>
          {priceKind === "credits" ? (
            <Field label="Credits per session" name="credits" type="number" min={1} defaultValue={initial?.priceCredits ?? 1} error={errors.fields.price ?? errors.fields["price.credits"]} />
          ) : (
            <div className="grid grid-cols-[2fr_1fr] gap-3">
              <Field
                label="Amount"
                name="amount"
                inputMode="decimal"
                defaultValue={initial?.priceAmountMinor != null ? minorToDecimalString(initial.priceAmountMinor, initial.priceCurrency ?? "GBP") : ""}
                error={errors.fields.price ?? errors.fields["price.amount"]}
                hint="For example 40, 40.50 or 40,50"
              />
              <div className="space-y-1">
                <label htmlFor={`${id}-currency`} className="block text-sm font-medium">
                  Currency
                </label>
                <select id={`${id}-currency`} name="currency" defaultValue={initial?.priceCurrency ?? defaultCurrency} className={inputClass}>
                  {CURRENCIES.map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              </div>
            </div>
          )}
        </fieldset>
        <Field label="Minimum notice (hours)" name="minNoticeHours" type="number" min={0} step="0.5" defaultValue={(initial?.minNoticeMinutes ?? 720) / 60} error={errors.fields.minNoticeMinutes} />
        <Field label="Bookable up to (days ahead)" name="maxDaysAhead" type="number" min={1} defaultValue={initial?.maxDaysAhead ?? 56} error={errors.fields.maxDaysAhead} />
        <Field
          label="Free to cancel until (hours before)"
          name="cancelFreeUntilHours"
          type="number"
          min={0}
          defaultValue={initial?.cancelFreeUntilHours ?? defaultCancelFreeUntilHours}
          error={errors.fields.cancelFreeUntilHours}
          hint="Later cancellations use up the credit, or owe the price."
        />
        {save.error && Object.keys(errors.fields).length === 0 ? <Alert className="sm:col-span-2">{errors.message}</Alert> : null}
        {saved ? <Alert tone="success" className="sm:col-span-2">Saved. New bookings use these settings.</Alert> : null}
        <div className="flex flex-wrap gap-2 sm:col-span-2">
          <SubmitButton disabled={save.isPending}>
            {initial?.id ? "Save changes" : "Add session type"}
          </SubmitButton>
          {initial?.id ? (
            <Button type="button" variant="ghost" onClick={() => archive.mutate({ sessionTypeId: initial.id! })} disabled={archive.isPending}>
              Stop offering it
            </Button>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
