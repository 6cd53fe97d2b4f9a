import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { TestModeNotice } from "@/components/billing/test-mode-notice";
import { Card } from "@/components/ui/card";
import { checkoutBySession } from "@/server/billing/service";
import { getDb } from "@/server/db/client";
import { SIGNUP_COOKIE } from "../cookie";
import { FinishSignup, RefreshWhilePending } from "./finish";

export const metadata: Metadata = { title: "Payment" };

// Where Stripe (or the test checkout) sends the payer back. The payment is confirmed by the
// webhook, not by this page; until then it waits and refreshes.
export default async function CheckoutCompletePage({ searchParams }: { searchParams: Promise<{ session_id?: string }> }) {
  await connection();
  const { session_id: sessionId = "" } = await searchParams;
  const checkout = sessionId ? await checkoutBySession(await getDb(), sessionId) : null;
  const hasSignupCookie = !!(await cookies()).get(SIGNUP_COOKIE)?.value;
  return (
    <main className="mx-auto max-w-md space-y-4 px-4 py-10">
      {checkout?.provider === "test" ? <TestModeNotice /> : null}
      {!checkout ? (
        <Card className="space-y-2">
          <h1 className="text-2xl font-bold">Payment not found</h1>
          <p>This link is incomplete. If you paid, sign in to see your membership.</p>
          <Link href="/sign-in" className="text-brand-700 underline">
            Sign in
          </Link>
        </Card>
      ) : checkout.status !== "complete" ? (
        <Card className="space-y-2">
          <h1 className="text-2xl font-bold">Confirming your payment…</h1>
          <p role="status">This takes a few seconds. The page updates by itself.</p>
          <RefreshWhilePending />
        </Card>
      ) : (
        <Card className="space-y-3">
          <h1 className="text-2xl font-bold">{checkout.isSignup ? `Welcome to ${checkout.studioName}` : "Thank you, payment received"}</h1>
          <p>
            {checkout.planKind === "pack"
              ? `${checkout.planName}: ${checkout.credits} session credits are in your account.`
              : `Your ${checkout.planName} subscription is active.`}
          </p>
          {checkout.isSignup ? (
            hasSignupCookie && !checkout.isSignInUsed ? (
              <FinishSignup sessionId={sessionId} />
            ) : (
              <p>
                Your account is ready: sign in as <strong>{checkout.email}</strong> with the password you chose.{" "}
                <Link href="/sign-in" className="text-brand-700 underline">
                  Sign in
                </Link>
              </p>
            )
          ) : (
            <Link href="/portal/billing" className="text-brand-700 underline">
              Back to your membership
            </Link>
          )}
        </Card>
      )}
    </main>
  );
}
