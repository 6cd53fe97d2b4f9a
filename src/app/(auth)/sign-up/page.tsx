import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { env } from "@/env";
import { Card } from "@/components/ui/card";
import { CURRENCIES } from "@/lib/money";
import { timeZoneOptions } from "@/lib/time-zones";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Start your studio" };
export const dynamic = "force-dynamic";

// Only on a hosted Stride (STRIDE_SIGNUP=open); anywhere else there is no such page.
export default function SignUpPage() {
  if (!env().isSignupOpen) notFound();
  return (
    <main className="mx-auto max-w-lg px-4 py-12">
      <Card className="space-y-4">
        <h1 className="text-2xl font-bold">Start your studio</h1>
        <p className="text-stone-700">
          Make your account and your studio in one step. We email you a link to confirm your address; once you open it, your studio can
          invite clients and take payments.
        </p>
        <SignUpForm zones={timeZoneOptions()} currencies={CURRENCIES} />
        <p className="text-sm text-stone-600">
          Already have an account?{" "}
          <Link href="/sign-in" className="text-brand-700 underline">
            Sign in
          </Link>
        </p>
      </Card>
    </main>
  );
}
