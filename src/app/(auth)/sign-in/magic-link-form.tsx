"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formErrorsOf, useTRPC } from "@/trpc/react";

export function MagicLinkForm() {
  const trpc = useTRPC();
  const [email, setEmail] = useState("");
  const request = useMutation(trpc.auth.requestMagicLink.mutationOptions());
  const errors = formErrorsOf(request.error);
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        request.mutate({ email });
      }}
    >
      {request.isSuccess ? <Alert tone="success">{request.data.message}</Alert> : null}
      {errors.message && !errors.fields.email ? <Alert>{errors.message}</Alert> : null}
      <Field
        label="Email for a sign-in link"
        name="magic-email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.fields.email}
      />
      <Button type="submit" variant="secondary" className="w-full" disabled={request.isPending}>
        {request.isPending ? "Sending…" : "Email me a sign-in link"}
      </Button>
    </form>
  );
}
