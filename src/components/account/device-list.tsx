"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { formErrorsOf, useTRPC } from "@/trpc/react";

/** A signed-in device, its times already on the person's clock. */
export type DeviceRow = { id: string; label: string; ip: string | null; signedInAt: string; lastSeenAt: string; isThisDevice: boolean };

/** Where the person is signed in; any device but this one can be signed out from here (this one has "Sign out" above). */
export function DeviceList({ devices }: { devices: DeviceRow[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const signOut = useMutation(trpc.account.signOutDevice.mutationOptions({ onSettled: () => router.refresh() }));
  const errors = formErrorsOf(signOut.error);
  return (
    <div className="space-y-3">
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      <ul className="divide-y divide-stone-200">
        {devices.map((device) => (
          <li key={device.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="text-sm">
              <p className="font-medium text-stone-900">
                {device.label}
                {device.isThisDevice ? <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-800">This device</span> : null}
              </p>
              <p className="text-stone-600">
                Signed in {device.signedInAt} · last seen {device.lastSeenAt}
                {device.ip ? ` · from ${device.ip}` : ""}
              </p>
            </div>
            {device.isThisDevice ? null : (
              <Button
                type="button"
                variant="secondary"
                size="sm"
                aria-label={`Sign out ${device.label}, signed in ${device.signedInAt}`}
                disabled={signOut.isPending && signOut.variables?.deviceId === device.id}
                onClick={() => signOut.mutate({ deviceId: device.id })}
              >
                Sign out
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
