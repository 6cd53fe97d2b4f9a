"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

/** The studio's pain threshold: a check-in scoring a drill's place above it pauses the drill. */
export function PainPauseForm({ current }: { current: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [value, setValue] = useState(String(current));
  const [saved, setSaved] = useState<number | null>(null);
  const save = useMutation(
    trpc.progression.setPainPauseAbove.mutationOptions({
      onSuccess: (result) => {
        setSaved(result.painPauseAbove);
        router.refresh();
      },
    }),
  );
  const errors = formErrorsOf(save.error);
  return (
    <form
      aria-label="Pain pause threshold"
      className="flex flex-wrap items-end gap-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(null);
        save.mutate({ painPauseAbove: value.trim() === "" ? Number.NaN : Number(value) });
      }}
    >
      <Field
        label="Pause drills at pain above (1–9)"
        inputMode="numeric"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={errors.fields.painPauseAbove ?? errors.message ?? undefined}
        className="w-56"
      />
      <SubmitButton variant="secondary" disabled={save.isPending}>
        Save pain threshold
      </SubmitButton>
      {saved !== null ? <Alert tone="success">Saved: pain above {saved}/10 pauses the drills that load the place.</Alert> : null}
    </form>
  );
}
