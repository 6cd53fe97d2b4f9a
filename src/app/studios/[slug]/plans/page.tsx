import type { Metadata } from "next";
import Link from "next/link";
import { priceLabel } from "@/components/billing/price";
import { TestModeNotice } from "@/components/billing/test-mode-notice";
import { Alert, Card } from "@/components/ui/card";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Plans" };

// The studio's public plans page: compare, pick one, sign up and pay.
export default async function PlansPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { studio, plans, mode, blocker } = await orForbidden((await api()).billing.publicPlans({ studioSlug: slug }));
  const canBuy = mode !== "off" && !blocker;
  const subscriptions = plans.filter((p) => p.kind === "subscription");
  const packs = plans.filter((p) => p.kind === "pack");
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-10">
      <header className="space-y-2">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{studio.name}</p>
        <h1 className="text-3xl font-bold">Plans and session packs</h1>
        <p className="text-stone-700">Coaching with drills your coach assigns, logged from your phone. Pick a plan to sign up; you can cancel any time.</p>
      </header>
      {mode === "test" ? <TestModeNotice detail="Payments on this site are simulated: no card is charged." /> : null}
      {mode === "off" ? <Alert tone="info">Online sign-up is not open yet. Ask the studio how to join.</Alert> : null}
      {mode !== "off" && blocker ? <Alert tone="info">{blocker}</Alert> : null}
      {plans.length === 0 ? <p className="text-stone-700">This studio has no plans on sale right now.</p> : null}
      {[
        { title: "Subscriptions", items: subscriptions },
        { title: "Session packs", items: packs },
      ].map((group) =>
        group.items.length ? (
          <section key={group.title} aria-labelledby={`${group.title}-h`} className="space-y-3">
            <h2 id={`${group.title}-h`} className="text-xl font-semibold">
              {group.title}
            </h2>
            <ul className="grid gap-4 sm:grid-cols-2">
              {group.items.map((plan) => (
                <li key={plan.id}>
                  <Card className="flex h-full flex-col gap-3">
                    <h3 className="text-lg font-semibold">{plan.name}</h3>
                    <p className="text-2xl font-bold">{priceLabel(plan)}</p>
                    {plan.credits ? <p className="text-stone-700">{plan.credits} sessions, use them when you like.</p> : null}
                    {plan.description ? <p className="text-stone-700">{plan.description}</p> : null}
                    {canBuy ? (
                      <Link
                        href={`/studios/${studio.slug}/plans/${plan.id}`}
                        className="mt-auto inline-flex h-11 items-center justify-center rounded-lg bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800"
                      >
                        Choose {plan.name}
                      </Link>
                    ) : null}
                  </Card>
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
      <p className="text-sm text-stone-600">
        Already a client?{" "}
        <Link href="/sign-in" className="text-brand-700 underline">
          Sign in
        </Link>{" "}
        and buy from your portal.
      </p>
    </main>
  );
}
