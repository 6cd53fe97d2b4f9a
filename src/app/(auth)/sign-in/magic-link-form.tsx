"use client";

import { useMutation } from "@tanstack/react-query";
import { RequestLinkForm } from "@/components/forms/request-link-form";
import { useTRPC } from "@/trpc/react";

export function MagicLinkForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.requestMagicLink.mutationOptions());
  return (
    <RequestLinkForm
      label="Email for a sign-in link"
      name="magic-email"
      submitLabel="Email me a sign-in link"
      variant="secondary"
      onSend={(email) => request.mutate({ email })}
      isPending={request.isPending}
      error={request.error}
      sentMessage={request.data?.message}
    />
  );
}
