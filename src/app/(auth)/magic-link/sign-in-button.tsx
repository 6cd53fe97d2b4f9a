"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { signInWithMagicLinkAction, type SignInState } from "../sign-in/actions";

export function MagicLinkSignIn({ token }: { token: string }) {
  const [state, action, isPending] = useActionState<SignInState, FormData>(signInWithMagicLinkAction, {});
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      {state.error ? (
        <Alert>
          {state.error} <Link href="/sign-in" className="underline">Back to sign in</Link>
        </Alert>
      ) : (
        <p>Press the button to finish signing in on this device.</p>
      )}
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Signing in…" : "Continue to Stride"}
      </Button>
    </form>
  );
}
