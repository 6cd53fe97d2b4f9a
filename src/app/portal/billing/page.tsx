import type { Metadata } from "next";
import { formatDate, priceLabel } from "@/components/billing/price";
import { TestModeNotice } from "@/components/billing/test-mode-notice";
import { Badge, Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import { describeStatus } from "@/lib/subscription-status";
import { requireViewer } from "@/app/require-viewer";
import { api, orForbidden } from "@/trpc/server";
import { BuyButton, CancellationButton, SimulateRenewal, UpdateCardButton } from "./actions";

export const metadata: Metadata = { title: "Membership" };

const INVOICE_STATUS = { paid: "Paid", open: "Unpaid", void: "Void", uncollectible: "Uncollectible" } as const;

export default async function MembershipPage() {
  const trpc = await api();
  const [me, billing] = await Promise.all([requireViewer("client"), orForbidden(trpc.billing.mine())]);
  const timeZone = me.timeZone;
  const running = billing.subscriptions.filter((s) => s.canChangeCancellation);
  const ended = billing.subscriptions.filter((s) => !s.canChangeCancellation);
  const subscriptionOffers = billing.offers.filter((o) => o.kind === "subscription");
  const packOffers = billing.offers.filter((o) => o.kind === "pack");
  const isTest = billing.mode === "test";
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">Membership</h1>
      {isTest ? <TestModeNotice detail="Payments here are simulated: no card is charged." /> : null}

      <section aria-labelledby="sub-h" className="space-y-3">
        <h2 id="sub-h" className="text-lg font-semibold">
          Subscription
        </h2>
        {running.length === 0 ? <Card>You have no running subscription.</Card> : null}
        {running.map((s) => (
          <Card key={s.id} className="space-y-3">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="font-semibold">{s.planName}</h3>
              <Badge className={s.status === "past_due" ? "bg-red-100 text-red-900" : "bg-emerald-100 text-emerald-900"}>{describeStatus(s.status, s.cancelAtPeriodEnd)}</Badge>
            </div>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-stone-600">Price</dt>
              <dd>{priceLabel(s)}</dd>
              <dt className="text-stone-600">{s.cancelAtPeriodEnd ? "Ends on" : "Next payment"}</dt>
              <dd>
                {formatDate(s.currentPeriodEnd, timeZone)}
                {s.cancelAtPeriodEnd ? "" : ` · ${formatMoney(s.priceMinor, s.currency)}`}
              </dd>
              <dt className="text-stone-600">Last invoice</dt>
              <dd>
                {billing.lastInvoice
                  ? `${formatMoney(billing.lastInvoice.amountMinor, billing.lastInvoice.currency)} · ${INVOICE_STATUS[billing.lastInvoice.status]} · ${formatDate(billing.lastInvoice.createdAt, timeZone)}`
                  : "None yet"}
              </dd>
            </dl>
            <div className="flex flex-wrap gap-2">
              <CancellationButton subscriptionId={s.id} cancelAtPeriodEnd={!s.cancelAtPeriodEnd} endsOn={formatDate(s.currentPeriodEnd, timeZone)} />
            </div>
            {isTest ? <SimulateRenewal subscriptionId={s.id} /> : null}
          </Card>
        ))}
        {running.length === 0 && subscriptionOffers.length ? (
          <ul className="grid gap-3 sm:grid-cols-2">
            {subscriptionOffers.map((o) => (
              <li key={o.id}>
                <Card className="space-y-2">
                  <p className="font-semibold">{o.name}</p>
                  <p>{priceLabel(o)}</p>
                  <BuyButton planId={o.id} label={`Subscribe to ${o.name}`} />
                </Card>
              </li>
            ))}
          </ul>
        ) : null}
        {ended.length ? (
          <p className="text-sm text-stone-600">
            Ended: {ended.map((s) => `${s.planName} (${formatDate(s.canceledAt ?? s.currentPeriodEnd, timeZone)})`).join(", ")}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="card-h" id="card" className="space-y-3">
        <h2 id="card-h" className="text-lg font-semibold">
          Payment card
        </h2>
        <Card className="space-y-2">
          {billing.paymentProblem ? (
            <p className="text-red-800">
              Your payment of {formatMoney(billing.paymentProblem.amountMinor, billing.paymentProblem.currency)} failed on{" "}
              {formatDate(billing.paymentProblem.lastFailedAt, timeZone)}. Update your card and we will retry it.
            </p>
          ) : null}
          {billing.hasCardOnFile ? <UpdateCardButton /> : <p className="text-stone-700">Your card is saved when you first pay.</p>}
        </Card>
      </section>

      <section aria-labelledby="credits-h" className="space-y-3">
        <h2 id="credits-h" className="text-lg font-semibold">
          Session credits
        </h2>
        <Card className="space-y-3">
          <p>
            Balance: <strong>{billing.credits === 1 ? "1 credit" : `${billing.credits} credits`}</strong>
          </p>
          {packOffers.length ? (
            <ul className="space-y-2">
              {packOffers.map((o) => (
                <li key={o.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    {o.name} · {o.credits} sessions · {priceLabel(o)}
                  </span>
                  <BuyButton planId={o.id} label={`Buy ${o.name}`} variant="secondary" />
                </li>
              ))}
            </ul>
          ) : null}
        </Card>
      </section>

      <section aria-labelledby="invoices-h" className="space-y-3">
        <h2 id="invoices-h" className="text-lg font-semibold">
          Payments
        </h2>
        {billing.invoices.length === 0 && billing.packPurchases.length === 0 ? <p className="text-stone-700">No payments yet.</p> : null}
        <ul aria-label="Payments" className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
          {billing.invoices.map((i) => (
            <li key={i.id} className="flex flex-wrap justify-between gap-2 px-4 py-2 text-sm">
              <span>Subscription · {formatDate(i.createdAt, timeZone)}</span>
              <span>
                {formatMoney(i.amountMinor, i.currency)} · {INVOICE_STATUS[i.status]}
              </span>
            </li>
          ))}
          {billing.packPurchases.map((p) => (
            <li key={p.id} className="flex flex-wrap justify-between gap-2 px-4 py-2 text-sm">
              <span>
                {p.planName} · {formatDate(p.createdAt, timeZone)}
              </span>
              <span>{formatMoney(p.amountMinor, p.currency)} · Paid</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
