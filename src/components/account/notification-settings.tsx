"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { formErrorsOf, useTRPC } from "@/trpc/react";

// Push on this device (the browser's permission, its push subscription, sent to push.subscribe)
// and the person's switches per kind. The service worker that receives pushes is the portal's
// (/sw.js); a trainer's browser registers it too, for its push alone.

type DeviceState = "checking" | "unsupported" | "ios-not-installed" | "denied" | "off" | "on";

function base64UrlToBytes(key: string): Uint8Array<ArrayBuffer> {
  const padded = (key + "=".repeat((4 - (key.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function isIosBrowserTab(): boolean {
  const ios = /iPhone|iPad|iPod/.test(navigator.userAgent);
  const standalone = window.matchMedia("(display-mode: standalone)").matches || (navigator as { standalone?: boolean }).standalone === true;
  return ios && !standalone;
}

function deviceLabel(): string {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrome\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "A browser";
  const system = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Mac OS X/.test(ua) ? "macOS" : /Windows/.test(ua) ? "Windows" : /Linux/.test(ua) ? "Linux" : "";
  return system ? `${browser} on ${system}` : browser;
}

async function registration(): Promise<ServiceWorkerRegistration> {
  const existing = await navigator.serviceWorker.getRegistration("/portal");
  if (existing) return existing;
  await navigator.serviceWorker.register("/sw.js", { scope: "/portal" });
  return navigator.serviceWorker.ready;
}

export function NotificationSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<DeviceState>("checking");
  const [problem, setProblem] = useState<string | null>(null);
  const publicKey = useQuery(trpc.push.publicKey.queryOptions());
  const preferences = useQuery(trpc.push.preferences.queryOptions());
  const subscribe = useMutation(trpc.push.subscribe.mutationOptions());
  const unsubscribe = useMutation(trpc.push.unsubscribe.mutationOptions());
  const preferencesKey = trpc.push.preferences.queryKey();
  // The switch moves at once; a refusal or a lost connection puts it back (and says why).
  const setPreference = useMutation(
    trpc.push.setPreference.mutationOptions({
      onMutate: ({ kind, pushEnabled }) => {
        const before = queryClient.getQueryData(preferencesKey);
        queryClient.setQueryData(preferencesKey, (rows) => rows?.map((r) => (r.kind === kind ? { ...r, pushEnabled } : r)));
        return { before };
      },
      onError: (_error, _input, context) => queryClient.setQueryData(preferencesKey, context?.before),
      onSuccess: (rows) => queryClient.setQueryData(preferencesKey, rows),
    }),
  );

  useEffect(() => {
    void (async () => {
      if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
        setState(isIosBrowserTab() ? "ios-not-installed" : "unsupported");
        return;
      }
      if (Notification.permission === "denied") return setState("denied");
      const existing = await navigator.serviceWorker.getRegistration("/portal");
      const subscription = await existing?.pushManager.getSubscription();
      setState(subscription && Notification.permission === "granted" ? "on" : "off");
    })();
  }, []);

  const turnOn = async () => {
    setProblem(null);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") return setState(permission === "denied" ? "denied" : "off");
      const key = publicKey.data?.publicKey ?? (await queryClient.fetchQuery(trpc.push.publicKey.queryOptions())).publicKey;
      const reg = await registration();
      const subscription = (await reg.pushManager.getSubscription()) ?? (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(key) }));
      const json = subscription.toJSON();
      await subscribe.mutateAsync({ endpoint: json.endpoint ?? "", keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" }, label: deviceLabel() });
      setState("on");
    } catch (error) {
      setProblem(formErrorsOf(error).message ?? "Notifications could not be turned on in this browser. Try again.");
    }
  };

  const turnOff = async () => {
    setProblem(null);
    try {
      const reg = await navigator.serviceWorker.getRegistration("/portal");
      const subscription = await reg?.pushManager.getSubscription();
      if (subscription) {
        await unsubscribe.mutateAsync({ endpoint: subscription.endpoint });
        await subscription.unsubscribe();
      }
      setState("off");
    } catch (error) {
      setProblem(formErrorsOf(error).message ?? "Notifications could not be turned off. Try again.");
    }
  };

  const busy = subscribe.isPending || unsubscribe.isPending;
  return (
    <div className="space-y-4">
      <div className="space-y-2" aria-live="polite">
        <h3 className="font-medium text-stone-900">Notifications on this device</h3>
        {state === "checking" ? <p className="text-sm text-stone-600">Checking this browser…</p> : null}
        {state === "unsupported" ? <p className="text-sm text-stone-700">This browser cannot show notifications from Stride. You get an email of what you missed instead, at most once an hour.</p> : null}
        {state === "ios-not-installed" ? (
          <p className="text-sm text-stone-700">On an iPhone or iPad, add Stride to your Home Screen first (Share, then Add to Home Screen), open it from there, and turn notifications on here.</p>
        ) : null}
        {state === "denied" ? (
          <p className="text-sm text-stone-700">Notifications are blocked for this site in your browser&apos;s settings. Allow them there, then come back to turn them on.</p>
        ) : null}
        {state === "off" ? (
          <>
            <p className="text-sm text-stone-700">Off on this device. What you miss comes by email, at most once an hour.</p>
            <Button type="button" size="sm" disabled={busy} onClick={() => void turnOn()}>
              Turn on notifications
            </Button>
          </>
        ) : null}
        {state === "on" ? (
          <>
            <p className="text-sm text-stone-700">On: this device shows Stride&apos;s notifications.</p>
            <Button type="button" variant="secondary" size="sm" disabled={busy} onClick={() => void turnOff()}>
              Turn off notifications
            </Button>
          </>
        ) : null}
        {problem ? <Alert>{problem}</Alert> : null}
      </div>
      <fieldset className="space-y-2 border-t border-stone-200 pt-3">
        <legend className="font-medium text-stone-900">What to notify you of</legend>
        {setPreference.error ? <Alert>{formErrorsOf(setPreference.error).message}</Alert> : null}
        {preferences.isPending ? <p className="text-sm text-stone-600">Loading your choices…</p> : null}
        {preferences.isError ? <Alert>Your choices could not be loaded. Check your connection and reload the page.</Alert> : null}
        {(preferences.data ?? []).map((p) => (
          <label key={p.kind} className="flex items-center gap-3 text-sm text-stone-800">
            <input
              type="checkbox"
              role="switch"
              checked={p.pushEnabled}
              onChange={(e) => setPreference.mutate({ kind: p.kind, pushEnabled: e.target.checked })}
            />
            {p.label}
          </label>
        ))}
        <p className="text-xs text-stone-600">A kind turned off is not pushed; it is listed in the hourly email of what you missed.</p>
      </fieldset>
    </div>
  );
}
