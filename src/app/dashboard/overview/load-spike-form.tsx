"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

/** The studio's load-spike ratio (the owner's): the last 7 days of running above it puts a client in the attention queue. */
export function LoadSpikeForm({ current }: { current: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [value, setValue] = useState(String(current));
  const [saved, setSaved] = useState<number | null>(null);
  const save = useMutation(
    trpc.progression.setLoadSpikeRatio.mutationOptions({
      onSuccess: (result) => {
        setSaved(result.loadSpikeRatio);
        router.refresh();
      },
    }),
  );
  const errors = formErrorsOf(save.error);
  return (
    <form
      aria-label="Running load spike ratio"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(null);
        // An empty box is not 0: it is sent as NaN and refused with the sentence.
        save.mutate({ loadSpikeRatio: value.trim() === "" ? Number.NaN : Number(value.replace(",", ".")) });
      }}
    >
      <Field
        label="Flag a week above (× a usual week)"
        inputMode="decimal"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={errors.fields.loadSpikeRatio ?? errors.message ?? undefined}
        className="w-56"
      />
      <SubmitButton variant="secondary" disabled={save.isPending}>
        Save ratio
      </SubmitButton>
      {saved !== null ? <Alert tone="success">Saved: a week above {saved}× a usual one is flagged.</Alert> : null}
    </form>
  );
}
