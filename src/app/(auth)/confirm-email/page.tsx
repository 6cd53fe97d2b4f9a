import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { currentUserId } from "@/server/auth/next-auth";
import { ConfirmEmailButton } from "./confirm-email-button";

export const metadata: Metadata = { title: "Confirm your new address" };

// The link only shows a button (mail scanners open links), and only to someone signed in:
// the change is confirmed by the account that asked for it, never by whoever holds the link.
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const isSignedIn = !!(await currentUserId());
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <Card className="space-y-4">
        <h1 className="text-2xl font-bold">Confirm your new address</h1>
        {typeof token !== "string" || !token ? (
          <p className="text-stone-700">This link is incomplete. Open the link from your email again, or ask for a new one in your account settings.</p>
        ) : isSignedIn ? (
          <ConfirmEmailButton token={token} />
        ) : (
          <p className="text-stone-700">
            Sign in with your current address first, then open the link from your email again: only the account that asked for the
            change can confirm it.{" "}
            <Link href="/sign-in" className="text-brand-700 underline">
              Sign in
            </Link>
          </p>
        )}
      </Card>
    </main>
  );
}
