"use client";

import { TRPCClientError } from "@trpc/client";
import { useCallback, useEffect, useState } from "react";
import { listPending, markRefused, QUEUE_EVENT, removePending, watchQueue, type PendingItem } from "@/lib/offline-queue";
import { useTRPCClient } from "@/trpc/react";

/** `answer`: what the server answered (a check-in's: whether it was new, and what it paused). */
export type SendResult = { status: "sent"; answer?: unknown } | { status: "offline" } | { status: "refused"; error: TRPCClientError<never> };

/**
 * A send with no answer after this long counts as not sent, and goes again (the device-made id
 * makes that safe). On a phone a request can hang for minutes once the connection drops under
 * it, even after the server stored the log; without a limit it held the queue, and the banner
 * said "waiting to send" about a log the server already had.
 */
export const SEND_TIMEOUT_MS = 15_000;

/** True when the server answered (a refusal to show), false when the request never got there. */
function serverAnswered(error: unknown): error is TRPCClientError<never> {
  if (!(error instanceof TRPCClientError)) return false;
  const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
  return typeof status === "number" && status < 500 && status !== 401;
}

/** Sends one queued item; the queue keeps it when there is no connection (or no answer in time, or `signal` aborts). */
export function useSender() {
  const client = useTRPCClient();
  return useCallback(
    async (item: Pick<PendingItem, "id" | "kind" | "payload">, signal?: AbortSignal): Promise<SendResult> => {
      const controller = new AbortController();
      const abort = () => controller.abort();
      const timer = window.setTimeout(abort, SEND_TIMEOUT_MS);
      signal?.addEventListener("abort", abort, { once: true });
      try {
        const options = { signal: controller.signal };
        if (item.kind === "checkin") {
          // The answer may name another device's response (the one kept): this item leaves the queue either way.
          const answer = await client.checkin.answer.mutate(item.payload as never, options);
          await removePending(item.id);
          return { status: "sent", answer };
        }
        const answer =
          item.kind === "run"
            ? await client.run.log.mutate(item.payload as never, options)
            : item.kind === "message"
              ? await client.message.send.mutate(item.payload as never, options)
              : await client.session.log.mutate(item.payload as never, options);
        // The server's answer names the log it holds (stored now, or already before): that one leaves the queue.
        await removePending(answer.id);
        return { status: "sent" };
      } catch (error) {
        if (serverAnswered(error)) return { status: "refused", error };
        return { status: "offline" };
      } finally {
        window.clearTimeout(timer);
        signal?.removeEventListener("abort", abort);
      }
    },
    [client],
  );
}

/** How a round of sending ended: how many logs the server took, and whether one could not reach it. */
export type FlushResult = { sent: number; isOffline: boolean };

/** The round under way (one per page, whatever the number of forms and banners), and how to stop it. */
let flushing: { result: Promise<FlushResult>; controller: AbortController } | null = null;

/** The items waiting on this phone, kept in sync with the queue, and a way to send them. */
export function usePending() {
  const send = useSender();
  const [items, setItems] = useState<PendingItem[]>([]);
  const reload = useCallback(() => {
    listPending().then(setItems, () => setItems([]));
  }, []);
  /**
   * Sends what waits, oldest first. A round already under way is joined, unless `restart`: the
   * phone is back online, and a request started before that is stopped and sent again at once.
   */
  const flush = useCallback(
    (options: { restart?: boolean } = {}): Promise<FlushResult> => {
      if (flushing && !options.restart) return flushing.result;
      flushing?.controller.abort();
      const controller = new AbortController();
      const result = (async (): Promise<FlushResult> => {
        let sent = 0;
        for (const item of await listPending()) {
          if (controller.signal.aborted) return { sent, isOffline: true };
          if (item.refusal) continue;
          const outcome = await send(item, controller.signal);
          if (outcome.status === "offline") return { sent, isOffline: true };
          if (outcome.status === "refused") await markRefused(item.id, outcome.error.message);
          else sent++;
        }
        return { sent, isOffline: false };
      })();
      const round = { result, controller };
      flushing = round;
      void result.finally(() => {
        if (flushing === round) flushing = null;
      });
      return result;
    },
    [send],
  );
  useEffect(() => {
    reload();
    window.addEventListener(QUEUE_EVENT, reload);
    // Another tab of this phone may send a log, or queue one: its banner and this one agree.
    const unwatch = watchQueue();
    return () => {
      window.removeEventListener(QUEUE_EVENT, reload);
      unwatch();
    };
  }, [reload]);
  return { items, flush, reload };
}
