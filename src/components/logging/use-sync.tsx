"use client";

import { TRPCClientError } from "@trpc/client";
import { useCallback, useEffect, useState } from "react";
import { listPending, markRefused, QUEUE_EVENT, removePending, type PendingItem } from "@/lib/offline-queue";
import { useTRPCClient } from "@/trpc/react";

export type SendResult = { status: "sent" } | { status: "offline" } | { status: "refused"; error: TRPCClientError<never> };

/** True when the server answered (a refusal to show), false when the request never got there. */
function serverAnswered(error: unknown): error is TRPCClientError<never> {
  if (!(error instanceof TRPCClientError)) return false;
  const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
  return typeof status === "number" && status < 500 && status !== 401;
}

let flushing: Promise<void> | null = null;

/** Sends one queued item; the queue keeps it when there is no connection. */
export function useSender() {
  const client = useTRPCClient();
  return useCallback(
    async (item: Pick<PendingItem, "id" | "kind" | "payload">): Promise<SendResult> => {
      try {
        if (item.kind === "run") await client.run.log.mutate(item.payload as never);
        else await client.session.log.mutate(item.payload as never);
        await removePending(item.id);
        return { status: "sent" };
      } catch (error) {
        if (serverAnswered(error)) return { status: "refused", error };
        return { status: "offline" };
      }
    },
    [client],
  );
}

/** The items waiting on this phone, kept in sync with the queue, and a way to send them. */
export function usePending() {
  const send = useSender();
  const [items, setItems] = useState<PendingItem[]>([]);
  const reload = useCallback(() => {
    listPending().then(setItems, () => setItems([]));
  }, []);
  const flush = useCallback(async () => {
    flushing ??= (async () => {
      for (const item of await listPending()) {
        if (item.refusal) continue;
        const result = await send(item);
        if (result.status === "offline") break;
        if (result.status === "refused") await markRefused(item.id, result.error.message);
      }
    })().finally(() => {
      flushing = null;
    });
    await flushing;
  }, [send]);
  useEffect(() => {
    reload();
    window.addEventListener(QUEUE_EVENT, reload);
    return () => window.removeEventListener(QUEUE_EVENT, reload);
  }, [reload]);
  return { items, flush, reload };
}
