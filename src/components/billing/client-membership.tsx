import { Badge, Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import { describeStatus } from "@/lib/subscription-status";
import type { SubscriptionStatus } from "@/server/db/schema";
import { formatDate, priceLabel } from "./price";

type Membership = {
  subscription: {
    planName: string;
    status: SubscriptionStatus;
    cancelAtPeriodEnd: boolean;
    currentPeriodEnd: Date | null;
    canceledAt: Date | null;
    priceMinor: number;
    currency: string;
    interval: "month" | "year";
  } | null;
  credits: number;
  paymentProblem: { amountMinor: number; currency: string; lastFailedAt: Date | null } | null;
};

/** A client's membership on their page in the dashboard, so a follow-up starts from the facts. */
export function ClientMembershipCard({ membership, timeZone }: { membership: Membership; timeZone: string }) {
  const { subscription, credits, paymentProblem } = membership;
  return (
    <Card className="space-y-2">
      <h2 className="font-semibold">Membership</h2>
      {paymentProblem ? (
        <p className="text-red-800">
          Payment of {formatMoney(paymentProblem.amountMinor, paymentProblem.currency)} failed on {formatDate(paymentProblem.lastFailedAt, timeZone)}; the client has been asked to update their card.
        </p>
      ) : null}
      <dl className="grid gap-3 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-stone-600">Plan</dt>
          <dd className="flex flex-wrap items-center gap-2">
            {subscription ? (
              <>
                {subscription.planName} · {priceLabel(subscription)} <Badge>{describeStatus(subscription.status, subscription.cancelAtPeriodEnd)}</Badge>
              </>
            ) : (
              "No subscription"
            )}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600">{subscription?.status === "canceled" ? "Ended" : subscription?.cancelAtPeriodEnd ? "Ends" : "Renews"}</dt>
          <dd>{subscription ? formatDate(subscription.status === "canceled" ? subscription.canceledAt : subscription.currentPeriodEnd, timeZone) : "—"}</dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600">Session credits</dt>
          <dd>{credits}</dd>
        </div>
      </dl>
    </Card>
  );
}
