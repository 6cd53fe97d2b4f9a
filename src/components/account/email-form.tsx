"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { RequestLinkForm } from "@/components/forms/request-link-form";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";

type Pending = { newEmail: string; expiresAt: string; isExpired: boolean };

/** The sign-in address, and a change of it that waits for the new address to confirm. */
export function EmailForm({ email, pending }: { email: string; pending: Pending | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const request = useMutation(trpc.account.requestEmailChange.mutationOptions({ onSuccess: () => router.refresh() }));
  const cancel = useMutation(trpc.account.cancelEmailChange.mutationOptions({ onSuccess: () => (request.reset(), router.refresh()) }));
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
      <RequestLinkForm
        aria-label="Change your sign-in address"
        label="New address"
        name="newEmail"
        errorKey="newEmail"
        hint={`We send a link to the new address; ${email} is told too. Nothing changes until the link is opened.`}
        submitLabel="Send a confirmation link"
        variant="secondary"
        isWide={false}
        onSend={(newEmail, clear) => request.mutate({ newEmail }, { onSuccess: clear })}
        isPending={request.isPending}
        error={request.error ?? cancel.error}
      />
    </div>
  );
}
