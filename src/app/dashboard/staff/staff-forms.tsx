"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
import { Field, SelectField } from "@/components/ui/field";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

/** Invite by email. Without a mail server the owner is shown the link once, here, to hand over themselves. */
export function InviteTrainerForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [email, setEmail] = useState("");
  const invite = useMutation(
    trpc.staff.invite.mutationOptions({
      onSuccess: () => {
        setEmail("");
        router.refresh();
      },
    }),
  );
  const { message, fields } = formErrorsOf(invite.error);
  const sent = invite.data;
  return (
    <form
      aria-label="Invite a trainer"
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        invite.mutate({ email });
      }}
    >
      <FormAlert message={message} fields={fields} />
      {sent && !invite.error ? (
        <Alert tone="success">
          {sent.inviteLink ? (
            <>
              Invite ready for {sent.email}. There is no mail server, so hand them this link yourself; it works once, for 7 days, and is not
              shown again:{" "}
              <a href={sent.inviteLink} className="my-1 block break-all font-mono text-sm underline" aria-label={`Invite link for ${sent.email}`}>
                {sent.inviteLink}
              </a>
            </>
          ) : (
            <>Invite sent to {sent.email}. The link works once, for 7 days.</>
          )}
        </Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
        <Field label="Trainer's email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={fields.email} autoComplete="off" />
        <SubmitButton disabled={invite.isPending}>
          {invite.isPending ? "Sending…" : "Send invite"}
        </SubmitButton>
      </div>
    </form>
  );
}

/** Resend (a fresh link, the old one stops working) or withdraw a waiting invite. */
export function InviteActions({ inviteId, email }: { inviteId: string; email: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const resend = useMutation(trpc.staff.resendInvite.mutationOptions({ onSuccess: () => router.refresh() }));
  const revoke = useMutation(trpc.staff.revokeInvite.mutationOptions({ onSuccess: () => router.refresh() }));
  const error = formErrorsOf(resend.error ?? revoke.error).message;
  return (
    <div className="space-y-2">
      {error ? <Alert>{error}</Alert> : null}
      {resend.isSuccess && !resend.error ? <Alert tone="success">A new link is on its way to {email}; the old one no longer works.</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" disabled={resend.isPending} onClick={() => resend.mutate({ inviteId })} aria-label={`Send the invite to ${email} again`}>
          {resend.isPending ? "Sending…" : "Send again"}
        </Button>
        <ConfirmPanel
          triggerLabel="Withdraw"
          triggerAriaLabel={`Withdraw the invite to ${email}`}
          question={`Withdraw the invite to ${email}?`}
          confirmLabel="Yes, withdraw it"
          keepLabel="Keep it"
          isPending={revoke.isPending}
          onConfirm={() => revoke.mutate({ inviteId })}
        >
          Its link stops working at once. You can invite the address again later.
        </ConfirmPanel>
      </div>
    </div>
  );
}

/** Make a trainer an owner, or an owner a trainer; the studio always keeps an owner. */
export function RoleButton({ memberId, name, role }: { memberId: string; name: string; role: "owner" | "trainer" }) {
  const trpc = useTRPC();
  const router = useRouter();
  const change = useMutation(trpc.staff.changeRole.mutationOptions({ onSuccess: () => router.refresh() }));
  const next = role === "owner" ? "trainer" : "owner";
  const error = formErrorsOf(change.error).message;
  return (
    <>
      <Button variant="secondary" size="sm" disabled={change.isPending} onClick={() => change.mutate({ memberId, role: next })} aria-label={`Make ${name} ${next === "owner" ? "an owner" : "a trainer"}`}>
        {next === "owner" ? "Make owner" : "Make trainer"}
      </Button>
      {error ? <Alert className="w-full">{error}</Alert> : null}
    </>
  );
}

/**
 * Deactivate a trainer, choosing in the same step who takes over their clients: one coach for
 * all, with another picked for any client. Their sessions end at once.
 */
export function DeactivatePanel({
  memberId,
  name,
  isYou,
  clients,
  coaches,
  beside,
}: {
  beside: React.ReactNode;
  memberId: string;
  name: string;
  isYou: boolean;
  clients: { id: string; name: string }[];
  coaches: { id: string; name: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [coachId, setCoachId] = useState(coaches[0]?.id ?? "");
  const [perClient, setPerClient] = useState<Record<string, string>>({});
  const deactivate = useMutation(
    trpc.staff.deactivate.mutationOptions({
      // Deactivating yourself ends your own session: the refreshed page then asks you to sign in.
      onSuccess: () => router.refresh(),
    }),
  );
  const { message, fields } = formErrorsOf(deactivate.error);
  if (coaches.length === 0) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        {beside}
        <p className="text-sm text-stone-600">Invite another trainer before deactivating {isYou ? "yourself" : name}: someone must take over.</p>
      </div>
    );
  }
  return (
    <ConfirmPanel
      beside={beside}
      triggerLabel="Deactivate"
      triggerAriaLabel={`Deactivate ${name}`}
      triggerVariant="secondary"
      question={`Deactivate ${name}?`}
      confirmLabel={`Deactivate ${name}`}
      keepLabel="Keep them"
      isPending={deactivate.isPending}
      onConfirm={() =>
        deactivate.mutate({
          memberId,
          coachId,
          perClient: Object.entries(perClient)
            .filter(([, id]) => id && id !== coachId)
            .map(([clientId, id]) => ({ clientId, coachId: id })),
        })
      }
    >
      <div className="space-y-3">
        <p>
          {isYou ? "You are" : `${name} is`} signed out everywhere at once and can no longer sign in. Their upcoming sessions are cancelled (any
          credit goes back to the client). Everything their clients logged, and every review, stays.
        </p>
        <FormAlert message={message} fields={fields} />
        <SelectField label={clients.length ? `Who takes over ${clients.length === 1 ? "their client" : `their ${clients.length} clients`}` : "Who becomes the default coach in their place"} value={coachId} onChange={(e) => setCoachId(e.target.value)} error={fields.coachId}>
          {coaches.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        {clients.length > 1 ? (
          <details>
            <summary className="cursor-pointer text-sm text-brand-700">Pick a coach per client</summary>
            <ul className="space-y-2 pt-2" aria-label={`${name}'s clients`}>
              {clients.map((client) => (
                <li key={client.id}>
                  <SelectField label={client.name} value={perClient[client.id] ?? coachId} onChange={(e) => setPerClient({ ...perClient, [client.id]: e.target.value })}>
                    {coaches.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </SelectField>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {fields.perClient ? <p className="text-sm text-red-700">{fields.perClient}</p> : null}
      </div>
    </ConfirmPanel>
  );
}
