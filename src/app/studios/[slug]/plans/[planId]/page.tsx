import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { priceLabel } from "@/components/billing/price";
import { TestModeNotice } from "@/components/billing/test-mode-notice";
import { Card } from "@/components/ui/card";
import { timeZoneOptions } from "@/lib/time-zones";
import { api, orForbidden } from "@/trpc/server";
import { SignupForm } from "./signup-form";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignupPage({ params }: { params: Promise<{ slug: string; planId: string }> }) {
  const { slug, planId } = await params;
  const { studio, plans, mode, blocker } = await orForbidden((await api()).billing.publicPlans({ studioSlug: slug }));
  const plan = plans.find((p) => p.id === planId);
  // A studio that cannot sell yet says why on its plans page; there is no checkout to start here.
  if (!plan || mode === "off" || blocker) notFound();
  return (
    <main className="mx-auto max-w-md space-y-4 px-4 py-10">
      <p className="text-sm">
        <Link href={`/studios/${studio.slug}/plans`} className="text-brand-700 underline">
          ← All plans
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Join {studio.name}</h1>
      {mode === "test" ? <TestModeNotice /> : null}
      <Card className="space-y-1">
        <p className="font-semibold">{plan.name}</p>
        <p>{priceLabel(plan)}</p>
        {plan.credits ? <p className="text-sm text-stone-700">{plan.credits} session credits</p> : null}
      </Card>
      <Card>
        <SignupForm studioSlug={studio.slug} planId={plan.id} zones={timeZoneOptions()} studioTimeZone={studio.timeZone} />
      </Card>
    </main>
  );
}
