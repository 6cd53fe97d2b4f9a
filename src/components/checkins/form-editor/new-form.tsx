"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, TextAreaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { formErrorsOf, useTRPC } from "@/trpc/react";

/** A new check-in form of the studio; its questions are added on the next page. */
export function NewCheckinForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const create = useMutation(trpc.checkinForm.create.mutationOptions({ onSuccess: ({ id }) => router.push(`/dashboard/check-ins/${id}`) }));
  const { message, fields } = formErrorsOf(create.error);
  return (
    <form
      aria-label="New check-in form"
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ title, description });
      }}
    >
      <FormAlert message={message} fields={fields} />
      <Field label="Title" placeholder="Before a race" value={title} onChange={(e) => setTitle(e.target.value)} error={fields.title} />
      <TextAreaField label="Description (optional)" value={description} onChange={(e) => setDescription(e.target.value)} error={fields.description} className="[&_textarea]:min-h-16" />
      <SubmitButton disabled={create.isPending}>{create.isPending ? "Creating…" : "Create and add questions"}</SubmitButton>
    </form>
  );
}
