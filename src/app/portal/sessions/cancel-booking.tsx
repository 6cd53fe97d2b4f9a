"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
import { formErrorsOf, useTRPC } from "@/trpc/react";

/** Reschedule or cancel one upcoming session; a cancel shows its cost before it is confirmed. */
export function ManageBooking({ bookingId, label }: { bookingId: string; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [isAsking, setIsAsking] = useState(false);
  const preview = useQuery({ ...trpc.portalBooking.preview.queryOptions({ bookingId, action: "cancel" }), enabled: isAsking, staleTime: 0 });
  const cancel = useMutation(trpc.portalBooking.cancel.mutationOptions({ onSuccess: () => router.push("/portal/sessions?done=cancelled") }));

  return (
    <ConfirmPanel
      triggerLabel="Cancel"
      triggerAriaLabel={`Cancel ${label}`}
      beside={
        <Button asChild variant="secondary" size="sm">
          <Link href={`/portal/book?reschedule=${bookingId}`} aria-label={`Reschedule ${label}`}>
            Reschedule
          </Link>
        </Button>
      }
      question={`Cancel ${label}?`}
      confirmLabel={preview.data && !preview.data.isFree ? "Cancel and accept the cost" : "Yes, cancel it"}
      isPending={cancel.isPending}
      isConfirmDisabled={!preview.data}
      onOpenChange={setIsAsking}
      onConfirm={() => cancel.mutate({ bookingId, acceptCost: !preview.data?.isFree })}
    >
      {preview.isPending ? <p className="text-stone-600">Checking the cancellation policy…</p> : null}
      {preview.error ? <Alert>{formErrorsOf(preview.error).message}</Alert> : null}
      {preview.data ? (
        <Alert tone={preview.data.isFree ? "info" : "error"}>
          {preview.data.message}
          {preview.data.consequence === "charge" ? " Nothing is charged online now: the fee is recorded and collected with your next payment." : null}
        </Alert>
      ) : null}
      {cancel.error ? <Alert>{formErrorsOf(cancel.error).message}</Alert> : null}
    </ConfirmPanel>
  );
}
