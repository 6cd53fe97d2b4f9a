"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { removePending, setQueueOwner, type PendingItem } from "@/lib/offline-queue";
import { usePending } from "./use-sync";

/** Every round of the queue, whatever happened before: a safety net under the events below. */
const ROUND_MS = 20_000;
/**
 * After the phone comes back online, tries again this soon when the first try fails: the
 * `online` event comes as the network interface comes up, often before DNS or the radio let a
 * request through, and the next 20 s round was a long wait with the phone in hand.
 */
const RETRY_AFTER_ONLINE_MS = [1_000, 2_000, 4_000, 8_000];

/**
 * Runs `then` once the registration's worker is active. Not `navigator.serviceWorker.ready`: it
 * matches the registration against the URL the page was first loaded at, and after signing in
 * that is /sign-in (the portal came by a client-side navigation), outside the worker's /portal
 * scope, so it never resolved and the portal's pages were never kept for offline use.
 */
function whenActive(registration: ServiceWorkerRegistration, then: (worker: ServiceWorker) => void) {
  const worker = registration.installing ?? registration.waiting ?? registration.active;
  if (!worker) return;
  if (worker.state === "activated") return then(worker);
  const onChange = () => {
    if (worker.state !== "activated") return;
    worker.removeEventListener("statechange", onChange);
    then(worker);
  };
  worker.addEventListener("statechange", onChange);
}

const KIND_LABEL: Record<PendingItem["kind"], string> = { session: "Session", run: "Run", message: "Message", checkin: "Check-in" };
const REFUSED_LABEL: Record<PendingItem["kind"], string> = { session: "A session", run: "A run", message: "A message", checkin: "A check-in" };

/** "1 log is waiting to send", "2 messages are…", "3 items are…" (logs and messages together). */
export function waitingHeadline(waiting: readonly Pick<PendingItem, "kind">[]): string {
  const messages = waiting.filter((i) => i.kind === "message").length;
  const noun = messages === 0 ? "log" : messages === waiting.length ? "message" : "item";
  return waiting.length === 1 ? `1 ${noun} is waiting to send` : `${waiting.length} ${noun}s are waiting to send`;
}

/**
 * In the portal's frame: registers the service worker, sends what waits on this phone as soon
 * as there is a connection (on load, the moment the phone comes back online, every 20 s), and
 * shows what is still "waiting to send": a log leaves the list when the server's answer says it
 * holds it.
 */
export function SyncStatus({ userId }: { userId: string }) {
  // Set during render, before any form below can save or any effect can send.
  setQueueOwner(userId);
  const { items, flush } = usePending();
  const router = useRouter();
  useEffect(() => {
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker
        .register("/sw.js", { scope: "/portal" })
        .then((registration) => whenActive(registration, (worker) => worker.postMessage("warm")))
        .catch(() => undefined);
    }
    let retry: number | undefined;
    let retries = 0;
    const stopRetrying = () => {
      window.clearTimeout(retry);
      retry = undefined;
      retries = 0;
    };
    const sendWaiting = async (restart: boolean) => {
      const { sent, isOffline } = await flush({ restart });
      if (sent > 0) router.refresh();
      if (isOffline && navigator.onLine !== false && retries < RETRY_AFTER_ONLINE_MS.length) {
        retry = window.setTimeout(() => void sendWaiting(false), RETRY_AFTER_ONLINE_MS[retries++]);
      } else {
        stopRetrying();
      }
    };
    // Back online: send now, stopping any request begun while the connection was gone.
    const onOnline = () => {
      stopRetrying();
      void sendWaiting(true);
    };
    const forgetOnSignOut = (event: SubmitEvent) => {
      if (/^Sign out( everywhere)?$/.test(event.submitter?.textContent?.trim() ?? "")) navigator.serviceWorker?.controller?.postMessage("forget");
    };
    document.addEventListener("submit", forgetOnSignOut);
    void flush();
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", stopRetrying);
    const timer = window.setInterval(() => void flush().then(({ sent }) => sent > 0 && router.refresh()), ROUND_MS);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", stopRetrying);
      document.removeEventListener("submit", forgetOnSignOut);
      window.clearInterval(timer);
      stopRetrying();
    };
  }, [flush, router]);
  if (items.length === 0) return null;
  const waiting = items.filter((i) => !i.refusal);
  const refused = items.filter((i) => i.refusal);
  return (
    <section aria-label="Waiting to send" className="mx-auto mb-4 max-w-2xl space-y-2">
      {waiting.length > 0 ? (
        <Alert tone="info" className="flex flex-wrap items-center gap-3">
          <div className="flex-1">
            <p className="font-medium">
              {waitingHeadline(waiting)}
            </p>
            <p>Saved on this phone; sent as soon as you are back online.</p>
            <ul className="mt-1 list-disc pl-5">
              {waiting.map((i) => (
                <li key={i.id}>
                  {KIND_LABEL[i.kind]}: {i.label} · waiting to send
                </li>
              ))}
            </ul>
          </div>
          <Button variant="secondary" size="sm" onClick={() => void flush({ restart: true }).then(({ sent }) => sent > 0 && router.refresh())}>
            Send now
          </Button>
        </Alert>
      ) : null}
      {refused.map((i) => (
        <Alert key={i.id} className="flex flex-wrap items-center gap-3">
          <p className="flex-1">
            {REFUSED_LABEL[i.kind]} ({i.label}) could not be {i.kind === "message" ? "sent" : "saved"}: {i.refusal}
          </p>
          <Button variant="secondary" size="sm" onClick={() => void removePending(i.id)}>
            Discard
          </Button>
        </Alert>
      ))}
    </section>
  );
}
