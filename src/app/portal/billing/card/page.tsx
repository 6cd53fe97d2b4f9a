import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TestModeNotice } from "@/components/billing/test-mode-notice";
import { Card } from "@/components/ui/card";
import { api, orForbidden } from "@/trpc/server";
import { TestCardForm } from "./test-card-form";

export const metadata: Metadata = { title: "Update card" };

// Test mode's stand-in for Stripe's Customer Portal card form.
export default async function TestCardPage() {
  const billing = await orForbidden((await api()).billing.mine());
  if (billing.mode !== "test") notFound();
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Update card</h1>
      <TestModeNotice detail="4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined." />
      <Card>
        <TestCardForm hasUnpaid={!!billing.paymentProblem} />
      </Card>
      <p className="text-sm">
        <Link href="/portal/billing" className="text-brand-700 underline">
          Back to membership
        </Link>
      </p>
    </div>
  );
}
