"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

export type DeletionPreview = { clientId: string; name: string; sessions: number; runs: number; checkins: number; upcomingBookings: number; subscriptionsToStop: number; payments: number };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The owner deletes a client: what goes and what stays first, then the name typed to confirm. */
export function DeleteClientCard({ preview }: { preview: DeletionPreview }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [isConfirming, setIsConfirming] = useState(false);
  const [typed, setTyped] = useState("");
  const remove = useMutation(trpc.dataRights.deleteClient.mutationOptions({ onSuccess: () => router.push("/dashboard?deleted=1") }));
  const errors = formErrorsOf(remove.error);
  return (
    <Card className="space-y-3 border-red-200">
      <h2 className="text-lg font-semibold">Delete client</h2>
      <p className="text-sm text-stone-700">For a client who asks to be forgotten. This cannot be undone.</p>
      <div className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <h3 className="font-medium">Removed</h3>
          <ul className="list-disc space-y-1 pl-5 text-stone-700">
            <li>Name and email (shown as “Deleted client” from now on)</li>
            <li>
              Everything they logged: {plural(preview.sessions, "session")} with their entries, notes and your reviews, {plural(preview.runs, "run")}, {plural(preview.checkins, "check-in")} with every answer (the health questions too)
            </li>
            <li>Their drills and prescriptions, early unlocks</li>
            <li>Their sign-in, password, calendar feed and emails waiting to be sent</li>
          </ul>
        </div>
        <div>
          <h3 className="font-medium">Kept for the studio’s books</h3>
          <ul className="list-disc space-y-1 pl-5 text-stone-700">
            <li>{plural(preview.payments, "payment")} (invoices and packs): revenue figures stay as they are</li>
            <li>Past bookings and the credit ledger, without their name</li>
          </ul>
          <h3 className="mt-2 font-medium">Stopped</h3>
          <ul className="list-disc space-y-1 pl-5 text-stone-700">
            <li>{plural(preview.upcomingBookings, "upcoming booking")} cancelled by you (credits go back, nothing is charged)</li>
            <li>
              {preview.subscriptionsToStop > 0 ? "Their subscription ends with the period already paid; nothing is charged again" : "No running subscription"}
            </li>
          </ul>
        </div>
      </div>
      {errors.message && !errors.fields.confirmName ? <Alert>{errors.message}</Alert> : null}
      {isConfirming ? (
        <form
          aria-label="Confirm deleting the client"
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            remove.mutate({ clientId: preview.clientId, confirmName: typed });
          }}
        >
          <Field
            label={`Type ${preview.name} to confirm`}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            error={errors.fields.confirmName}
          />
          <div className="flex flex-wrap gap-2">
            <SubmitButton variant="danger" disabled={remove.isPending}>
              {remove.isPending ? "Deleting…" : `Delete ${preview.name} for good`}
            </SubmitButton>
            <Button type="button" variant="ghost" onClick={() => (setIsConfirming(false), setTyped(""), remove.reset())}>
              Keep this client
            </Button>
          </div>
        </form>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setIsConfirming(true)}>
          Delete client…
        </Button>
      )}
    </Card>
  );
}
