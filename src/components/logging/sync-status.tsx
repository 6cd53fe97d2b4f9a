"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { removePending, setQueueOwner } from "@/lib/offline-queue";
import { usePending } from "./use-sync";

/**
 * In the portal's frame: registers the service worker, sends what waits on this phone as soon
 * as there is a connection (on load, when the phone comes back online, every 20 s), and shows
 * what is still "waiting to send".
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
        .then((registration) => navigator.serviceWorker.ready.then(() => (registration.active ?? registration.waiting ?? registration.installing)?.postMessage("warm")))
        .catch(() => undefined);
    }
    const sendAndRefresh = () => flush().then(() => router.refresh());
    const forgetOnSignOut = (event: SubmitEvent) => {
      if (/^Sign out( everywhere)?$/.test(event.submitter?.textContent?.trim() ?? "")) navigator.serviceWorker?.controller?.postMessage("forget");
    };
    document.addEventListener("submit", forgetOnSignOut);
    void flush();
    window.addEventListener("online", sendAndRefresh);
    const timer = window.setInterval(() => void flush(), 20_000);
    return () => {
      window.removeEventListener("online", sendAndRefresh);
      document.removeEventListener("submit", forgetOnSignOut);
      window.clearInterval(timer);
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
              {waiting.length === 1 ? "1 log is" : `${waiting.length} logs are`} waiting to send
            </p>
            <p>Saved on this phone; sent as soon as you are back online.</p>
            <ul className="mt-1 list-disc pl-5">
              {waiting.map((i) => (
                <li key={i.id}>
                  {i.kind === "run" ? "Run" : "Session"}: {i.label} · waiting to send
                </li>
              ))}
            </ul>
          </div>
          <Button variant="secondary" size="sm" onClick={() => void flush().then(() => router.refresh())}>
            Send now
          </Button>
        </Alert>
      ) : null}
      {refused.map((i) => (
        <Alert key={i.id} className="flex flex-wrap items-center gap-3">
          <p className="flex-1">
            {i.kind === "run" ? "A run" : "A session"} ({i.label}) could not be saved: {i.refusal}
          </p>
          <Button variant="secondary" size="sm" onClick={() => void removePending(i.id)}>
            Discard
          </Button>
        </Alert>
      ))}
    </section>
  );
}
