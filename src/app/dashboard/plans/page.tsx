import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { priceLabel } from "@/components/billing/price";
import { TestModeNotice } from "@/components/billing/test-mode-notice";
import { Alert, Badge, Card } from "@/components/ui/card";
import { minorToDecimalString } from "@/lib/money";
import { api, orForbidden } from "@/trpc/server";
import { DefaultCoachForm, PlanForm } from "./plan-form";

export const metadata: Metadata = { title: "Plans" };

export default async function PlansAdminPage() {
  const trpc = await api();
  const me = await trpc.viewer.me();
  if (me?.kind !== "trainer" || me.role !== "owner") forbidden();
  const [{ plans, settings, mode, blocker }, coaches, defaults] = await Promise.all([orForbidden(trpc.billing.plans()), orForbidden(trpc.client.coaches()), orForbidden(trpc.studio.defaults())]);
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <h1 className="text-2xl font-bold">Plans and packs</h1>
      {mode === "test" ? <TestModeNotice detail="No Stripe key is set: sign-ups pay through a simulated checkout. Set STRIPE_SECRET_KEY to take real payments." /> : null}
      {blocker ? (
        <Alert tone="info">
          {blocker}{" "}
          <Link href="/dashboard/settings/payments" className="underline">
            Payments settings
          </Link>
        </Alert>
      ) : null}
      <p className="text-stone-700">
        Your public plans page:{" "}
        <Link href={`/studios/${settings.studioSlug}/plans`} className="text-brand-700 underline">
          /studios/{settings.studioSlug}/plans
        </Link>
      </p>
      <ul aria-label="Plans" className="space-y-3">
        {plans.map((plan) => (
          <li key={plan.id}>
            <Card className="space-y-3">
              <div className="flex flex-wrap items-center gap-2">
                <h2 className="font-semibold">{plan.name}</h2>
                <Badge>{plan.kind === "pack" ? `Pack · ${plan.credits} sessions` : "Subscription"}</Badge>
                {!plan.isActive ? <Badge className="bg-stone-200">Not on sale</Badge> : null}
                <span className="ml-auto font-medium">{priceLabel(plan)}</span>
              </div>
              <details>
                <summary className="cursor-pointer text-sm text-brand-700">Edit {plan.name}</summary>
                <div className="pt-3">
                  <PlanForm
                    plan={{
                      id: plan.id,
                      kind: plan.kind,
                      name: plan.name,
                      description: plan.description,
                      price: minorToDecimalString(plan.priceMinor, plan.currency),
                      currency: plan.currency,
                      interval: plan.interval,
                      credits: plan.credits,
                      isActive: plan.isActive,
                    }}
                  />
                </div>
              </details>
            </Card>
          </li>
        ))}
      </ul>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Add a plan or pack</h2>
        <PlanForm defaultCurrency={defaults.currency} />
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">New sign-ups</h2>
        <DefaultCoachForm coaches={coaches} defaultCoachId={settings.defaultCoachId} />
      </Card>
    </div>
  );
}
