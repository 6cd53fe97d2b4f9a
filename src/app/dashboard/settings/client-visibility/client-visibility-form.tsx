"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, Card } from "@/components/ui/card";
import { CLIENT_VISIBILITIES, clientVisibilityChoices, type ClientVisibility } from "@/lib/client-visibility";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

/** The owner's choice of whether trainers see every client or only the clients they coach. */
export function ClientVisibilityForm({ current }: { current: ClientVisibility }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [choice, setChoice] = useState<ClientVisibility>(current);
  const save = useMutation(trpc.clientVisibility.set.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = formErrorsOf(save.error);
  const fieldError = errors.fields.clientVisibility ?? errors.message;
  return (
    <Card>
      <form
        aria-label="Who sees which clients"
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          save.reset();
          save.mutate({ clientVisibility: choice });
        }}
      >
        <fieldset className="space-y-3" aria-describedby={fieldError ? "client-visibility-error" : undefined}>
          <legend className="font-medium">Trainers see</legend>
          {CLIENT_VISIBILITIES.map((value) => (
            <label
              key={value}
              className="flex cursor-pointer gap-3 rounded-lg border border-stone-200 p-3 has-[:checked]:border-stone-900 has-[:checked]:bg-stone-50"
            >
              <input type="radio" name="client-visibility" value={value} checked={choice === value} onChange={() => setChoice(value)} className="mt-1 size-4" />
              <span>
                <span className="block font-medium">{clientVisibilityChoices[value].label}</span>
                <span className="block text-sm text-stone-600">{clientVisibilityChoices[value].hint}</span>
              </span>
            </label>
          ))}
          {fieldError ? (
            <p id="client-visibility-error" className="text-sm text-red-700">
              {fieldError}
            </p>
          ) : null}
        </fieldset>
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton disabled={save.isPending}>
            Save
          </SubmitButton>
          {save.data ? <Alert tone="success">{save.data.message}</Alert> : null}
        </div>
      </form>
    </Card>
  );
}
