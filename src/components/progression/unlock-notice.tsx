"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useTRPC } from "@/trpc/react";

const longDate = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "long", timeZone: "UTC" });

/** The notice a client sees when a drill unlocked by itself, until they dismiss it. */
export function UnlockNotice({ unlocks }: { unlocks: { id: string; drillName: string; metOn: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const dismiss = useMutation(trpc.progression.dismissUnlock.mutationOptions({ onSuccess: () => router.refresh() }));
  if (unlocks.length === 0) return null;
  return (
    <Alert tone="success" className="space-y-2">
      {unlocks.map((u) => (
        <div key={u.id} className="flex flex-wrap items-center justify-between gap-2">
          <p>
            <strong>{u.drillName} is unlocked!</strong> You met the mastery rule on {longDate(u.metOn)}, so it is now part of your drills.
          </p>
          <Button size="sm" variant="secondary" disabled={dismiss.isPending} onClick={() => dismiss.mutate({ unlockId: u.id })} aria-label={`Dismiss the ${u.drillName} notice`}>
            Got it
          </Button>
        </div>
      ))}
    </Alert>
  );
}
