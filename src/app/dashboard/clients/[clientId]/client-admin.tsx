"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SelectField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
import { SubmitButton } from "@/components/ui/submit-button";

/** Coach (owner only), invite resend, archive and restore. */
export function ClientAdmin({
  clientId,
  status,
  coachId,
  coaches,
  isOwner,
}: {
  clientId: string;
  status: "invited" | "active" | "archived";
  coachId: string;
  coaches: { id: string; name: string }[];
  isOwner: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [coach, setCoach] = useState(coachId);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (text: string) => () => {
    setNotice(text);
    router.refresh();
  };
  const reassign = useMutation(trpc.client.reassignCoach.mutationOptions({ onSuccess: done("Coach changed.") }));
  const resend = useMutation(trpc.client.resendInvite.mutationOptions({ onSuccess: done("A new invite link is on its way; the old one no longer works.") }));
  const archive = useMutation(trpc.client.archive.mutationOptions({ onSuccess: done("Archived. They can no longer sign in; their history is kept.") }));
  const restore = useMutation(trpc.client.restore.mutationOptions({ onSuccess: done("Restored.") }));
  const error = [reassign, resend, archive, restore].map((m) => formErrorsOf(m.error)).find((e) => e.message);
  return (
    <div className="space-y-3">
      {error?.message && !error.fields.coachId ? <Alert>{error.message}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {isOwner ? (
        <form
          aria-label="Change coach"
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            setNotice(null);
            reassign.mutate({ clientId, coachId: coach });
          }}
        >
          <SelectField label="New coach" value={coach} onChange={(e) => setCoach(e.target.value)} error={formErrorsOf(reassign.error).fields.coachId} className="min-w-48 flex-1">
            {coaches.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <SubmitButton variant="secondary" disabled={reassign.isPending || coach === coachId}>
            Change coach
          </SubmitButton>
        </form>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {status === "invited" ? (
          <Button variant="secondary" disabled={resend.isPending} onClick={() => resend.mutate({ clientId })}>
            Send a new invite
          </Button>
        ) : null}
        {status === "archived" ? (
          <Button variant="secondary" disabled={restore.isPending} onClick={() => restore.mutate({ clientId })}>
            Restore client
          </Button>
        ) : (
          <ConfirmPanel
            triggerLabel="Archive client"
            triggerVariant="ghost"
            question="Archive this client?"
            confirmLabel="Yes, archive"
            isPending={archive.isPending}
            onConfirm={() => archive.mutate({ clientId })}
            className="[&[role=group]]:basis-full"
          >
            <p>They will no longer be able to sign in; everything they logged is kept, and you can restore them later.</p>
          </ConfirmPanel>
        )}
      </div>
    </div>
  );
}
