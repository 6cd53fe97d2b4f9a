"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { Alert } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * Invite by email: the client gets a single-use link valid for 7 days. Without a mail server
 * the inviting trainer is shown that link once, here, to hand over themselves.
 */
export function InviteClientForm({ coaches, myMemberId, isOwner }: { coaches: { id: string; name: string }[]; myMemberId: string; isOwner: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [coachId, setCoachId] = useState(myMemberId);
  const invite = useMutation(
    trpc.client.invite.mutationOptions({
      onSuccess: () => {
        setName("");
        setEmail("");
        router.refresh();
      },
    }),
  );
  const { message, fields } = formErrorsOf(invite.error);
  const sent = invite.data;
  return (
    <form
      aria-label="Invite a client"
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        invite.mutate({ name, email, coachId: isOwner ? coachId : null });
      }}
    >
      <FormAlert message={message} fields={fields} />
      {sent && !invite.error ? (
        <Alert tone="success">
          {sent.inviteLink ? (
            <>
              Invite ready for {sent.email}. There is no mail server, so hand {sent.name} this link yourself; it works once, for 7 days, and
              is not shown again:{" "}
              <a href={sent.inviteLink} className="my-1 block break-all font-mono text-sm underline" aria-label={`Invite link for ${sent.name}`}>
                {sent.inviteLink}
              </a>
            </>
          ) : (
            <>Invite sent to {sent.email}. The link works once, for 7 days. </>
          )}
          <Link href={`/dashboard/clients/${sent.id}`} className="underline">
            Assign {sent.name} drills now
          </Link>
        </Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
        <Field label="Client's name" value={name} onChange={(e) => setName(e.target.value)} error={fields.name} autoComplete="off" />
        <Field label="Client's email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={fields.email} autoComplete="off" />
        {isOwner ? (
          <SelectField label="Their trainer" value={coachId} onChange={(e) => setCoachId(e.target.value)} error={fields.coachId}>
            {coaches.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <SubmitButton disabled={invite.isPending}>
        {invite.isPending ? "Sending…" : "Send invite"}
      </SubmitButton>
    </form>
  );
}
