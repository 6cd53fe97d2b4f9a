"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { usePathname, useRouter } from "next/navigation";
import { invalidationsAfterReconnect, invalidationsFor, redrawsServerFrame, type QueryPathPrefix } from "@/lib/live-invalidations";
import type { useTRPC } from "./react";

// The signed-in apps: a page elsewhere (sign-in, the studio's public page) has no live channel.
const SIGNED_IN_AREAS = ["/dashboard", "/portal"];

// Mounted once per tab (in the provider): whether this tab's channel has connected before, so
// a later start is a reconnect.
let hasConnected = false;
let redrawTimer: ReturnType<typeof setTimeout> | null = null;
/** The nav's unread badges and the inbox are drawn by the server: one redraw for a burst of events. */
function redrawSoon(redraw: () => void): void {
  if (redrawTimer) clearTimeout(redrawTimer);
  redrawTimer = setTimeout(redraw, 250);
}

/** True when this tab's channel connected before (the start now is a reconnect). */
function isReconnect(): boolean {
  const was = hasConnected;
  hasConnected = true;
  return was;
}

/**
 * Listens on the viewer's live channel while a signed-in page is open, and refetches what an
 * event says changed (src/lib/live-invalidations.ts). The browser's EventSource reconnects by
 * itself after a lost network; what happened meanwhile is refetched on reconnect.
 */
export function LiveUpdates({ trpc }: { trpc: ReturnType<typeof useTRPC> }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname() ?? "";
  const isSignedInArea = SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
  const refetch = (paths: readonly QueryPathPrefix[]) => {
    for (const path of paths) void queryClient.invalidateQueries({ queryKey: [path] });
  };
  useSubscription(
    trpc.live.events.subscriptionOptions(undefined, {
      enabled: isSignedInArea,
      onStarted: () => {
        if (isReconnect()) refetch(invalidationsAfterReconnect());
      },
      onData: (event) => {
        refetch(invalidationsFor(event));
        if (redrawsServerFrame(event)) redrawSoon(() => router.refresh());
      },
    }),
  );
  return null;
}
