"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

/** A client's session credits: balance, the ledger with reasons, and granting by hand. */
export function CreditsCard({ clientId }: { clientId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const credits = useQuery(trpc.credit.forClient.queryOptions({ clientId }));
  const grant = useMutation(
    trpc.credit.grant.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.credit.forClient.queryKey({ clientId }) }) }),
  );
  const errors = formErrorsOf(grant.error);
  return (
    <Card className="space-y-3">
      <h2 className="text-lg font-semibold">Session credits</h2>
      {credits.data ? (
        <p>
          Balance: <strong>{credits.data.balance}</strong> credit{credits.data.balance === 1 ? "" : "s"}
        </p>
      ) : (
        <p className="text-stone-600">Loading…</p>
      )}
      {credits.data?.entries.length ? (
        <ul className="max-h-48 space-y-1 overflow-y-auto text-sm text-stone-700" aria-label="Credit history">
          {credits.data.entries.map((e) => (
            <li key={e.id}>
              {e.createdAt.toISOString().slice(0, 10)} · {e.delta > 0 ? `+${e.delta}` : e.delta} · {e.kind} · {e.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <form
        noValidate
        className="grid gap-3 sm:grid-cols-[8rem_1fr_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const amount = String(f.get("amount") ?? "");
          grant.mutate({ clientId, amount: amount === "" ? Number.NaN : Number(amount), reason: String(f.get("reason") ?? "") });
        }}
      >
        <Field label="Credits to add" name="amount" type="number" min={1} defaultValue={1} error={errors.fields.amount} />
        <Field label="Reason" name="reason" placeholder="For example: welcome credits" error={errors.fields.reason} />
        <SubmitButton variant="secondary" disabled={grant.isPending}>
          Grant
        </SubmitButton>
      </form>
      {grant.error && !errors.fields.amount && !errors.fields.reason ? <Alert>{errors.message}</Alert> : null}
    </Card>
  );
}
