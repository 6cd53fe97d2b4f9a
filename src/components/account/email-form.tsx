"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formErrorsOf, useTRPC } from "@/trpc/react";

type Pending = { newEmail: string; expiresAt: string; isExpired: boolean };

/** The sign-in address, and a change of it that waits for the new address to confirm. */
export function EmailForm({ email, pending }: { email: string; pending: Pending | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [newEmail, setNewEmail] = useState("");
  const request = useMutation(trpc.account.requestEmailChange.mutationOptions({ onSuccess: () => (setNewEmail(""), router.refresh()) }));
  const cancel = useMutation(trpc.account.cancelEmailChange.mutationOptions({ onSuccess: () => (request.reset(), router.refresh()) }));
  const errors = formErrorsOf(request.error ?? cancel.error);
  return (
    <div className="space-y-4">
      <p className="text-sm text-stone-700">
        You sign in with <span className="font-medium text-stone-900">{email}</span>.
      </p>
      {pending ? (
        <div role="status" className="space-y-2 rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900">
          <p>
            {pending.isExpired
              ? `The link to ${pending.newEmail} expired on ${pending.expiresAt}. Ask for a new one below.`
              : `Waiting for ${pending.newEmail} to confirm: open the link sent there, signed in as you are now, by ${pending.expiresAt}. Until then you keep signing in with ${email}.`}
          </p>
          <Button type="button" variant="secondary" size="sm" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
            {cancel.isPending ? "Cancelling…" : "Cancel the change"}
          </Button>
        </div>
      ) : null}
      <form
        aria-label="Change your sign-in address"
        className="space-y-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          request.mutate({ newEmail });
        }}
      >
        {errors.message && !errors.fields.newEmail ? <Alert>{errors.message}</Alert> : null}
        <Field
          label="New address"
          name="newEmail"
          type="email"
          autoComplete="email"
          value={newEmail}
          onChange={(e) => setNewEmail(e.target.value)}
          error={errors.fields.newEmail}
          hint={`We send a link to the new address; ${email} is told too. Nothing changes until the link is opened.`}
        />
        <Button type="submit" variant="secondary" disabled={request.isPending}>
          {request.isPending ? "Sending…" : "Send a confirmation link"}
        </Button>
      </form>
    </div>
  );
}
