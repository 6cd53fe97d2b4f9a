"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/card";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
import { CheckboxField, Field, TextAreaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { formErrorsOf, useTRPC } from "@/trpc/react";

const BODY_HINT = "{first_name} becomes the client's first name when you use it in a conversation.";

/** A new template: the trainer's own, or (for the owner) one every trainer of the studio can use. */
export function CreateTemplateForm({ canShareWithStudio }: { canShareWithStudio: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [isStudioWide, setIsStudioWide] = useState(false);
  const create = useMutation(
    trpc.template.create.mutationOptions({
      onSuccess: () => {
        setTitle("");
        setBody("");
        router.refresh();
      },
    }),
  );
  const { message, fields } = formErrorsOf(create.error);
  return (
    <form
      aria-label="New template"
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ title, body, isStudioWide });
      }}
    >
      <FormAlert message={message} fields={fields} />
      {create.data && !create.error ? <Alert tone="success">Saved “{create.data.title}”.</Alert> : null}
      <Field label="Title" value={title} onChange={(e) => setTitle(e.target.value)} error={fields.title} maxLength={200} />
      <TextAreaField label="Message" value={body} onChange={(e) => setBody(e.target.value)} error={fields.body} hint={BODY_HINT} rows={4} />
      {canShareWithStudio ? <CheckboxField label="For every trainer of the studio" checked={isStudioWide} onChange={(e) => setIsStudioWide(e.target.checked)} /> : null}
      <SubmitButton disabled={create.isPending}>{create.isPending ? "Saving…" : "Save template"}</SubmitButton>
    </form>
  );
}

/** Change a template's title and text. */
export function EditTemplateForm({ template }: { template: { id: string; title: string; body: string } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState(template.title);
  const [body, setBody] = useState(template.body);
  const update = useMutation(trpc.template.update.mutationOptions({ onSuccess: () => router.refresh() }));
  const { message, fields } = formErrorsOf(update.error);
  return (
    <form
      aria-label={`Edit ${template.title}`}
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ id: template.id, title, body });
      }}
    >
      <FormAlert message={message} fields={fields} />
      {update.isSuccess && !update.error ? <Alert tone="success">Saved.</Alert> : null}
      <Field label="Title" value={title} onChange={(e) => setTitle(e.target.value)} error={fields.title} maxLength={200} />
      <TextAreaField label="Message" value={body} onChange={(e) => setBody(e.target.value)} error={fields.body} hint={BODY_HINT} rows={4} />
      <SubmitButton disabled={update.isPending}>{update.isPending ? "Saving…" : "Save changes"}</SubmitButton>
    </form>
  );
}

export function DeleteTemplateButton({ template }: { template: { id: string; title: string } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(trpc.template.delete.mutationOptions({ onSuccess: () => router.refresh() }));
  const { message } = formErrorsOf(remove.error);
  return (
    <div className="space-y-2">
      {message ? <Alert>{message}</Alert> : null}
      <ConfirmPanel
        triggerLabel="Delete"
        triggerAriaLabel={`Delete ${template.title}`}
        question={`Delete the template “${template.title}”?`}
        confirmLabel="Yes, delete it"
        isPending={remove.isPending}
        onConfirm={() => remove.mutate({ id: template.id })}
      />
    </div>
  );
}
