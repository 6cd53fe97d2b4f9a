"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { finishSignupAction, type FinishState } from "@/app/checkout/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";

export function FinishSignup({ sessionId }: { sessionId: string }) {
  const [state, action, isPending] = useActionState<FinishState, FormData>(finishSignupAction, {});
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="sessionId" value={sessionId} />
      {state.error ? <Alert>{state.error}</Alert> : null}
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Signing you in…" : "Continue to your portal"}
      </Button>
    </form>
  );
}

/** Re-renders the page every 2 seconds until the webhook has confirmed the payment. */
export function RefreshWhilePending() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
