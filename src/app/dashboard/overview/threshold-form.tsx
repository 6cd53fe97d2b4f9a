"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

/** The studio's asymmetry threshold: above it, a client appears in the attention queue. */
export function ThresholdForm({ current }: { current: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [value, setValue] = useState(String(current));
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.progression.setAsymmetryThreshold.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        router.refresh();
      },
    }),
  );
  const errors = formErrorsOf(save.error);
  return (
    <form
      aria-label="Asymmetry threshold"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        save.mutate({ asymmetryThresholdPercent: Number(value) });
      }}
    >
      <Field
        label="Flag left/right gaps above (%)"
        inputMode="numeric"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={errors.fields.asymmetryThresholdPercent ?? errors.message ?? undefined}
        className="w-56"
      />
      <SubmitButton variant="secondary" disabled={save.isPending}>
        Save threshold
      </SubmitButton>
      {saved ? <Alert tone="success">Saved: gaps above {value}% are flagged.</Alert> : null}
    </form>
  );
}
