// Stripe's subscription statuses, as the subscriptions table stores them, and a client's words
// for each: shared, since the portal and the dashboard show them.
export const subscriptionStatus = ["incomplete", "incomplete_expired", "trialing", "active", "past_due", "canceled", "unpaid", "paused"] as const;
export type SubscriptionStatus = (typeof subscriptionStatus)[number];

/** A client's words for a subscription status. */
export function describeStatus(status: SubscriptionStatus, cancelAtPeriodEnd: boolean): string {
  if (status === "past_due") return "Payment failed";
  if (cancelAtPeriodEnd && (status === "active" || status === "trialing")) return "Ends at period end";
  return (
    {
      incomplete: "Waiting for payment",
      incomplete_expired: "Payment never completed",
      trialing: "Trial",
      active: "Active",
      canceled: "Cancelled",
      unpaid: "Unpaid",
      paused: "Paused",
    } as const
  )[status];
}
