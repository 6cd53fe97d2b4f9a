"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
import { Field, TextAreaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormKind } from "@/lib/checkins/vocabulary";
import { formErrorsOf, useTRPC } from "@/trpc/react";

/** The form's title and description, as the client reads them above the questions. */
export function FormDetailsForm({ formId, title, description }: { formId: string; title: string; description: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [draft, setDraft] = useState({ title, description });
  const save = useMutation(trpc.checkinForm.update.mutationOptions({ onSuccess: () => router.refresh() }));
  const { message, fields } = formErrorsOf(save.error);
  return (
    <form
      aria-label="Title and description"
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ formId, form: draft });
      }}
    >
      <FormAlert message={message} fields={fields} />
      {save.isSuccess && !save.error ? <Alert tone="success">Saved.</Alert> : null}
      <Field label="Title" value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} error={fields["form.title"]} />
      <TextAreaField label="Description" hint="Shown to the client above the questions." value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} error={fields["form.description"]} />
      <SubmitButton variant="secondary" disabled={save.isPending}>
        Save title
      </SubmitButton>
    </form>
  );
}

/** Archive (after saying what it stops) or restore a form. */
export function ArchiveFormButton({ formId, kind, isArchived }: { formId: string; kind: FormKind; isArchived: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const archive = useMutation(
    trpc.checkinForm.archive.mutationOptions({
      onSuccess: (result) => {
        setNotice(result.notice);
        router.refresh();
      },
    }),
  );
  const restore = useMutation(
    trpc.checkinForm.restore.mutationOptions({
      onSuccess: () => {
        setNotice(null);
        router.refresh();
      },
    }),
  );
  const error = formErrorsOf(archive.error ?? restore.error).message;
  return (
    <div className="space-y-2">
      {error ? <Alert>{error}</Alert> : null}
      {notice ? <Alert tone="info">{notice}</Alert> : null}
      {isArchived ? (
        <Button variant="secondary" onClick={() => restore.mutate({ formId })} disabled={restore.isPending}>
          Restore
        </Button>
      ) : (
        <ConfirmPanel
          triggerLabel={kind === "intake" ? "Archive the health questionnaire" : "Archive this check-in"}
          question={kind === "intake" ? "Archive the health questionnaire?" : "Archive this check-in?"}
          confirmLabel="Yes, archive it"
          keepLabel="Keep it"
          isPending={archive.isPending}
          onConfirm={() => archive.mutate({ formId })}
        >
          <p>
            {kind === "intake"
              ? "New clients will then be asked no health questions before they start. Answers already given stay."
              : "Clients scheduled for it stop being asked it. Answers already given stay."}
          </p>
        </ConfirmPanel>
      )}
    </div>
  );
}
