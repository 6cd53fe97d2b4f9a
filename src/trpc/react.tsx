"use client";

import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState } from "react";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";
import { MAX_BATCH_CALLS, MAX_CLIENT_URL_LENGTH } from "@/server/api/request-limits";
import { LiveUpdates } from "./live-updates";
import { makeQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (typeof window === "undefined") return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    // Within the server's limits (src/server/api/request-limits.ts): larger batches are split.
    createTRPCClient<AppRouter>({
      links: [
        // Subscriptions (the live channel) over Server-Sent Events; everything else batched.
        splitLink({
          condition: (op) => op.type === "subscription",
          true: httpSubscriptionLink({ url: "/api/trpc", transformer: superjson }),
          false: httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: MAX_BATCH_CALLS, maxURLLength: MAX_CLIENT_URL_LENGTH }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <LiveChannel />
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

// The live channel needs the provider's tRPC context; passed in, so live-updates.tsx imports no cycle.
function LiveChannel() {
  return <LiveUpdates trpc={useTRPC()} />;
}

/** The message and per-field messages of a failed call, ready for a form. */
export function formErrorsOf(error: unknown): { message: string | null; fields: Record<string, string | undefined> } {
  if (!error) return { message: null, fields: {} };
  if (error instanceof TRPCClientError) {
    const fieldErrors = (error.data as { fieldErrors?: Record<string, string[]> | null } | undefined)?.fieldErrors ?? {};
    const fields = Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, v[0]]));
    return { message: error.message, fields };
  }
  return { message: "Something went wrong. Check your connection and try again.", fields: {} };
}
