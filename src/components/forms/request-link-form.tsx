"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formErrorsOf } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

type Props = {
  label: string;
  /** The input's name (the browser's autofill and the page's tests know it by this). */
  name: string;
  /** Which of the server's field errors belongs beside the address; default "email". */
  errorKey?: string;
  hint?: string;
  submitLabel: string;
  variant?: "primary" | "secondary";
  /** The button spans the form (the sign-in pages) or sits at its start (a settings card). */
  isWide?: boolean;
  "aria-label"?: string;
  /** Sends the address; `clear` empties the field, for a form that is done with it once sent. */
  onSend: (email: string, clear: () => void) => void;
  isPending: boolean;
  error: unknown;
  /** The server's answer once sent (the same for an unknown address), shown above the field. */
  sentMessage?: string | null;
};

/**
 * "Email me a link": one address, one button, and the server's answer. Forgot password, the
 * sign-in link and a change of address are this one form; each page says what its link does.
 */
export function RequestLinkForm({ label, name, errorKey = "email", hint, submitLabel, variant = "primary", isWide = true, onSend, isPending, error, sentMessage, ...form }: Props) {
  const [email, setEmail] = useState("");
  const errors = formErrorsOf(error);
  const fieldError = errors.fields[errorKey];
  return (
    <form
      aria-label={form["aria-label"]}
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSend(email, () => setEmail(""));
      }}
    >
      {sentMessage ? <Alert tone="success">{sentMessage}</Alert> : null}
      {errors.message && !fieldError ? <Alert>{errors.message}</Alert> : null}
      <Field label={label} name={name} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError} hint={hint} />
      <SubmitButton variant={variant} className={isWide ? "w-full" : undefined} disabled={isPending}>
        {isPending ? "Sending…" : submitLabel}
      </SubmitButton>
    </form>
  );
}
