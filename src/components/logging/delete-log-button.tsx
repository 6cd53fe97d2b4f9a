"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { formErrorsOf, useTRPC } from "@/trpc/react";

/** Deletes one of the client's own sessions or runs (the server refuses after 24 hours), after a second tap to confirm. */
export function DeleteLogButton({ kind, id }: { kind: "session" | "run"; id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [isConfirming, setIsConfirming] = useState(false);
  const onSuccess = () => router.refresh();
  const session = useMutation(trpc.session.delete.mutationOptions({ onSuccess }));
  const run = useMutation(trpc.run.delete.mutationOptions({ onSuccess }));
  const error = formErrorsOf(session.error ?? run.error).message;
  const what = kind === "session" ? "session" : "run";
  return (
    <div className="space-y-1">
      {isConfirming ? (
        <div className="flex flex-wrap gap-2">
          <Button
            variant="danger"
            size="sm"
            disabled={session.isPending || run.isPending}
            onClick={() => (kind === "session" ? session.mutate({ sessionId: id }) : run.mutate({ runId: id }))}
          >
            Yes, delete this {what}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setIsConfirming(false)}>
            Keep it
          </Button>
        </div>
      ) : (
        <Button variant="secondary" size="sm" onClick={() => setIsConfirming(true)}>
          Delete {what}
        </Button>
      )}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
