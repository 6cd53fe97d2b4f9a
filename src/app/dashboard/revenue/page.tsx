import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { formatDate, priceLabel } from "@/components/billing/price";
import { TestModeNotice } from "@/components/billing/test-mode-notice";
import { Badge, Card } from "@/components/ui/card";
import { billingMode } from "@/server/billing/config";
import { formatMoney } from "@/lib/money";
import { describeSubscriptionRow } from "@/server/billing/rules";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Revenue" };

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Card className="space-y-1">
      <p className="text-sm text-stone-600">{label}</p>
      <p className="text-2xl font-bold">{children}</p>
    </Card>
  );
}

export default async function RevenuePage() {
  const trpc = await api();
  const me = await trpc.viewer.me();
  if (me?.kind !== "trainer" || me.role !== "owner") forbidden();
  const revenue = await orForbidden(trpc.billing.revenue());
  const timeZone = me.timeZone;
  const money = (rows: { currency: string; minor: number }[]) => (rows.length ? rows.map((r) => formatMoney(r.minor, r.currency)).join(" + ") : formatMoney(0, "GBP"));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Revenue</h1>
      {billingMode() === "test" ? <TestModeNotice detail="Figures come from simulated payments until a Stripe key is set." /> : null}

      <section aria-label="Figures" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Figure label="Monthly recurring revenue">{money(revenue.mrr.map((r) => ({ currency: r.currency, minor: r.mrrMinor })))}</Figure>
        <Figure label="Active subscriptions">
          {revenue.counts.active}
          {revenue.counts.ending ? <span className="ml-2 text-sm font-normal text-stone-600">+ {revenue.counts.ending} ending</span> : null}
        </Figure>
        <Figure label="Past due">{revenue.counts.pastDue}</Figure>
        <Figure label="Cancelled">{revenue.counts.canceled}</Figure>
      </section>
      {revenue.mrr.some((r) => r.atRiskMinor > 0) ? (
        <p className="text-sm text-red-800">
          At risk (past due): {money(revenue.mrr.filter((r) => r.atRiskMinor > 0).map((r) => ({ currency: r.currency, minor: r.atRiskMinor })))} a month
        </p>
      ) : null}

      <section aria-labelledby="failed-h" className="space-y-3">
        <h2 id="failed-h" className="text-lg font-semibold">
          Failed payments to follow up
        </h2>
        {revenue.failedPayments.length === 0 ? (
          <Card>No failed payments. Nothing to follow up.</Card>
        ) : (
          <ul aria-label="Failed payments" className="divide-y divide-stone-200 rounded-xl border border-red-200 bg-white">
            {revenue.failedPayments.map((f) => (
              <li key={f.invoiceId} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
                <Link href={`/dashboard/clients/${f.clientId}`} className="font-medium text-brand-700 underline">
                  {f.clientName}
                </Link>
                <span>{formatMoney(f.amountMinor, f.currency)}</span>
                <span className="text-sm text-stone-600">
                  failed {formatDate(f.lastFailedAt, timeZone)} · {f.attemptCount} {f.attemptCount === 1 ? "attempt" : "attempts"}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="packs-h" className="space-y-3">
        <h2 id="packs-h" className="text-lg font-semibold">
          Session pack sales
        </h2>
        <Card>
          {revenue.packSales.length === 0 ? (
            <p>No packs sold yet.</p>
          ) : (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              <dt className="text-stone-600">Last 30 days</dt>
              <dd>
                {revenue.packSales.reduce((n, p) => n + p.last30Count, 0)} sold · {money(revenue.packSales.map((p) => ({ currency: p.currency, minor: p.last30Minor })))}
              </dd>
              <dt className="text-stone-600">All time</dt>
              <dd>
                {revenue.packSales.reduce((n, p) => n + p.count, 0)} sold · {money(revenue.packSales.map((p) => ({ currency: p.currency, minor: p.totalMinor })))}
              </dd>
            </dl>
          )}
        </Card>
      </section>

      <section aria-labelledby="subs-h" className="space-y-3">
        <h2 id="subs-h" className="text-lg font-semibold">
          Subscriptions
        </h2>
        {revenue.subscriptions.length === 0 ? <Card>No subscriptions yet.</Card> : null}
        <ul aria-label="Subscriptions" className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
          {revenue.subscriptions.map((s) => ({ s, row: describeSubscriptionRow(s, timeZone) })).map(({ s, row }) => (
            <li key={s.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-sm">
              {/* A deleted client's page is gone; their subscription stays in the revenue figures. */}
              {s.isClientDeleted ? (
                <span className="font-medium text-stone-600">{s.clientName}</span>
              ) : (
                <Link href={`/dashboard/clients/${s.clientId}`} className="font-medium text-brand-700 underline">
                  {s.clientName}
                </Link>
              )}
              <span>{s.planName}</span>
              <span>{priceLabel(s)}</span>
              <Badge className={s.status === "past_due" ? "bg-red-100 text-red-900" : undefined}>{row.status}</Badge>
              {row.next ? <span className="ml-auto text-stone-600">{row.next}</span> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
