"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
import { formErrorsOf, useTRPC } from "@/trpc/react";

/** Cancel (free for the client) before the session; attended / no-show once it has started. */
export function BookingActions({ bookingId, label, hasStarted }: { bookingId: string; label: string; hasStarted: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = { onSuccess: () => router.refresh() };
  const cancel = useMutation(trpc.booking.cancel.mutationOptions(refresh));
  const mark = useMutation(trpc.booking.mark.mutationOptions(refresh));
  const error = cancel.error ?? mark.error;
  return (
    <div className="space-y-2">
      {error ? <Alert>{formErrorsOf(error).message}</Alert> : null}
      {hasStarted ? (
        <div className="flex flex-wrap gap-2">
          <Button type="button" size="sm" variant="secondary" disabled={mark.isPending} onClick={() => mark.mutate({ bookingId, status: "attended" })} aria-label={`Mark ${label} attended`}>
            Attended
          </Button>
          <Button type="button" size="sm" variant="secondary" disabled={mark.isPending} onClick={() => mark.mutate({ bookingId, status: "no_show" })} aria-label={`Mark ${label} no-show`}>
            No-show
          </Button>
        </div>
      ) : (
        <ConfirmPanel
          triggerLabel="Cancel"
          triggerAriaLabel={`Cancel ${label}`}
          question={`Cancel ${label}?`}
          isPending={cancel.isPending}
          onConfirm={() => cancel.mutate({ bookingId })}
        >
          <p>Cancelling is free for your client; a credit goes back to them and they get an email.</p>
        </ConfirmPanel>
      )}
    </div>
  );
}
