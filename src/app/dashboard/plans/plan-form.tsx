"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { CURRENCIES, describeCharge, needsPriceConfirmation, parseMoney, type Currency } from "@/lib/money";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

type PlanValues = {
  id?: string;
  kind: "subscription" | "pack";
  name: string;
  description: string;
  price: string;
  currency: string;
  interval: "month" | "year" | null;
  credits: number | null;
  isActive?: boolean;
  confirmPrice?: boolean;
};

/** The typed price as it will be charged, or null while it is not a price yet. */
function chargeOf(v: PlanValues): { minor: number; words: string } | null {
  try {
    const minor = parseMoney(v.price, v.currency);
    return { minor, words: describeCharge(minor, v.currency, v.kind === "subscription" ? v.interval : null) };
  } catch {
    return null;
  }
}

const EMPTY: PlanValues = { kind: "subscription", name: "", description: "", price: "", currency: "GBP", interval: "month", credits: 5 };

function Select({ label, error, children, ...props }: React.SelectHTMLAttributes<HTMLSelectElement> & { label: string; error?: string }) {
  return (
    <label className="block space-y-1 text-sm font-medium text-stone-800">
      <span className="block">{label}</span>
      <select className={inputClass} aria-invalid={error ? true : undefined} {...props}>
        {children}
      </select>
      {error ? <span className="block text-sm font-normal text-red-700">{error}</span> : null}
    </label>
  );
}

/** Create a plan (no `plan`) or edit one; prices are typed as decimals and stored as minor units. */
export function PlanForm({ plan, defaultCurrency = EMPTY.currency }: { plan?: PlanValues; /** The studio's currency, for a new plan. */ defaultCurrency?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const empty = { ...EMPTY, currency: defaultCurrency };
  const [v, setV] = useState<PlanValues>(plan ?? empty);
  const onSuccess = () => {
    if (!plan) setV(empty);
    router.refresh();
  };
  const create = useMutation(trpc.billing.createPlan.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.billing.updatePlan.mutationOptions({ onSuccess }));
  const mutation = plan ? update : create;
  const errors = formErrorsOf(mutation.error);
  // A change to what is charged needs a fresh confirmation.
  const set = <K extends keyof PlanValues>(key: K, value: PlanValues[K]) =>
    setV((old) => ({ ...old, [key]: value, ...(["price", "currency", "interval", "kind"].includes(key) ? { confirmPrice: false } : {}) }));
  const charge = chargeOf(v);
  const asksToConfirm = charge !== null && needsPriceConfirmation(charge.minor, v.currency as Currency) && (v.isActive ?? true);
  return (
    <form
      className="grid gap-3 sm:grid-cols-2"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const common = {
          name: v.name,
          description: v.description,
          price: v.price,
          currency: v.currency as (typeof CURRENCIES)[number],
          interval: v.kind === "subscription" ? v.interval : null,
          credits: v.kind === "pack" ? v.credits : null,
          confirmPrice: asksToConfirm && v.confirmPrice === true,
        };
        if (plan?.id) update.mutate({ ...common, planId: plan.id, isActive: v.isActive ?? true });
        else create.mutate({ ...common, kind: v.kind });
      }}
    >
      {mutation.isSuccess ? (
        <Alert tone="success" className="sm:col-span-2">
          {plan ? "Saved." : "Plan added."}
        </Alert>
      ) : null}
      {errors.message && !Object.values(errors.fields).some(Boolean) ? <Alert className="sm:col-span-2">{errors.message}</Alert> : null}
      {!plan ? (
        <Select label="Kind" value={v.kind} onChange={(e) => set("kind", e.target.value as PlanValues["kind"])}>
          <option value="subscription">Subscription</option>
          <option value="pack">Session pack</option>
        </Select>
      ) : null}
      <Field label="Name" value={v.name} onChange={(e) => set("name", e.target.value)} error={errors.fields.name} />
      <Field
        label="Price"
        inputMode="decimal"
        value={v.price}
        onChange={(e) => {
          // A retyped price is judged afresh: the old refusal would hide the amount as it will be charged.
          if (errors.fields.price) mutation.reset();
          set("price", e.target.value);
        }}
        error={errors.fields.price}
        hint={charge ? `Clients will be charged ${charge.words}.` : "For example 49, 49.99 or 49,99"}
      />
      <Select label="Currency" value={v.currency} onChange={(e) => set("currency", e.target.value)} error={errors.fields.currency}>
        {CURRENCIES.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </Select>
      {v.kind === "subscription" ? (
        <Select label="Billed" value={v.interval ?? "month"} onChange={(e) => set("interval", e.target.value as "month" | "year")} error={errors.fields.interval}>
          <option value="month">Monthly</option>
          <option value="year">Yearly</option>
        </Select>
      ) : (
        <Field
          label="Sessions in the pack"
          type="number"
          min={1}
          max={100}
          value={v.credits ?? ""}
          onChange={(e) => set("credits", e.target.value === "" ? null : Number(e.target.value))}
          error={errors.fields.credits}
        />
      )}
      {asksToConfirm ? (
        <label className="flex items-start gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 sm:col-span-2">
          <input type="checkbox" className="mt-0.5 size-5 shrink-0" checked={v.confirmPrice === true} onChange={(e) => setV((old) => ({ ...old, confirmPrice: e.target.checked }))} />
          <span>
            That is far more than clients usually pay. Yes, charge <strong>{charge.words}</strong>.
          </span>
        </label>
      ) : null}
      <Field label="Description (optional)" className="sm:col-span-2" value={v.description} onChange={(e) => set("description", e.target.value)} error={errors.fields.description} />
      {plan ? (
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" className="size-5" checked={v.isActive ?? true} onChange={(e) => set("isActive", e.target.checked)} />
          On sale (shown on the plans page)
        </label>
      ) : null}
      <div className="sm:col-span-2">
        <SubmitButton disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : plan ? `Save ${plan.name}` : "Add plan"}
        </SubmitButton>
      </div>
    </form>
  );
}

export function DefaultCoachForm({ coaches, defaultCoachId }: { coaches: { id: string; name: string }[]; defaultCoachId: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [memberId, setMemberId] = useState(defaultCoachId ?? "");
  const save = useMutation(trpc.billing.setDefaultCoach.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = formErrorsOf(save.error);
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ memberId });
      }}
    >
      <Select label="Who coaches clients who sign up on the plans page" value={memberId} onChange={(e) => setMemberId(e.target.value)} error={errors.fields.memberId ?? errors.message ?? undefined}>
        {coaches.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
      <SubmitButton variant="secondary" disabled={save.isPending}>
        Save
      </SubmitButton>
      {save.isSuccess ? <span role="status" className="text-sm text-emerald-800">Saved.</span> : null}
    </form>
  );
}
