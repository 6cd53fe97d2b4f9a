"use client";

import { useMutation } from "@tanstack/react-query";
import { RequestLinkForm } from "@/components/forms/request-link-form";
import { useTRPC } from "@/trpc/react";

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  return (
    <RequestLinkForm
      label="Email"
      name="email"
      submitLabel="Email me a reset link"
      onSend={(email) => request.mutate({ email })}
      isPending={request.isPending}
      error={request.error}
      sentMessage={request.data?.message}
    />
  );
}
