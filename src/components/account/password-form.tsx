"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { NewPasswordField } from "@/components/ui/new-password-field";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

/** A new password, proven by the current one. */
export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const trpc = useTRPC();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const change = useMutation(trpc.account.changePassword.mutationOptions({ onSuccess: () => (setCurrentPassword(""), setNewPassword("")) }));
  const errors = formErrorsOf(change.error);
  if (!hasPassword) {
    return <p className="text-sm text-stone-700">Your account has no password yet. Sign out and use “Forgot your password?” on the sign-in page to choose one.</p>;
  }
  return (
    <form
      aria-label="Change your password"
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        change.mutate({ currentPassword, newPassword });
      }}
    >
      {change.isSuccess ? <Alert tone="success">{change.data.message}</Alert> : null}
      <FormAlert message={errors.message} fields={errors.fields} />
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(e) => setCurrentPassword(e.target.value)}
        error={errors.fields.currentPassword}
      />
      <NewPasswordField
        name="newPassword"
        value={newPassword}
        onChange={(e) => setNewPassword(e.target.value)}
        error={errors.fields.newPassword}
        note="Your other devices are signed out; this one stays signed in."
      />
      <SubmitButton variant="secondary" disabled={change.isPending}>
        {change.isPending ? "Changing…" : "Change password"}
      </SubmitButton>
    </form>
  );
}
