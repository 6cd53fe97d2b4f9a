"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

/** A client deletes their own account: what goes and what stays, then their name typed to confirm. */
export function DeleteAccountCard({ name }: { name: string }) {
  const trpc = useTRPC();
  const [isConfirming, setIsConfirming] = useState(false);
  const [typed, setTyped] = useState("");
  const remove = useMutation(trpc.account.deleteMine.mutationOptions());
  const errors = formErrorsOf(remove.error);
  if (remove.isSuccess) {
    return (
      <Card className="space-y-2">
        <h2 className="text-lg font-semibold">Your account is deleted</h2>
        <p className="text-sm text-stone-700">Everything you logged is gone and you are signed out on every device. Your coach has been told.</p>
        <Link href="/" className="text-sm text-brand-700 underline">
          Leave Stride
        </Link>
      </Card>
    );
  }
  return (
    <Card className="space-y-3 border-red-200">
      <h2 className="text-lg font-semibold">Delete my account</h2>
      <p className="text-sm text-stone-700">
        Removes your name, email, sign-in and everything you logged (sessions, runs, your drills and your coach’s feedback). Upcoming
        bookings are cancelled with any credit returned, and a running membership ends with the period already paid. The studio keeps
        its records of payments, without your name. Your coach is told. This cannot be undone: download your data first under “My data”.
      </p>
      {errors.message && !errors.fields.confirmName ? <Alert>{errors.message}</Alert> : null}
      {isConfirming ? (
        <form
          aria-label="Confirm deleting your account"
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            remove.mutate({ confirmName: typed });
          }}
        >
          <Field label={`Type ${name} to confirm`} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" error={errors.fields.confirmName} />
          <div className="flex flex-wrap gap-2">
            <SubmitButton variant="danger" disabled={remove.isPending}>
              {remove.isPending ? "Deleting…" : "Delete my account for good"}
            </SubmitButton>
            <Button type="button" variant="ghost" onClick={() => (setIsConfirming(false), setTyped(""), remove.reset())}>
              Keep my account
            </Button>
          </div>
        </form>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setIsConfirming(true)}>
          Delete my account…
        </Button>
      )}
    </Card>
  );
}
