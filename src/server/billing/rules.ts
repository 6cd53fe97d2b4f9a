import { DateTime } from "luxon";
import { describeStatus, type SubscriptionStatus } from "@/lib/subscription-status";

/** Stripe gives no ordering guarantee: a state is applied only if its event is not older than the one applied last. */
export function isNotOlder(lastAppliedAt: Date | null | undefined, eventAt: Date): boolean {
  return !lastAppliedAt || eventAt.getTime() >= lastAppliedAt.getTime();
}

/** A subscription counts towards MRR while Stripe still bills it (active, or retrying a failed payment). */
export function isBilling(status: SubscriptionStatus): boolean {
  return status === "active" || status === "trialing" || status === "past_due";
}

/** A client can cancel a subscription that is still running, and resume one that is set to end. */
export function canChangeCancellation(status: SubscriptionStatus): boolean {
  return status === "active" || status === "trialing" || status === "past_due";
}

/** The end of a billing period that starts at `start` (a month from 31 January is 28/29 February). */
export function periodEnd(start: Date, interval: "month" | "year"): Date {
  return DateTime.fromJSDate(start, { zone: "UTC" })
    .plus(interval === "month" ? { months: 1 } : { years: 1 })
    .toJSDate();
}

type SubscriptionTerm = { status: SubscriptionStatus; cancelAtPeriodEnd: boolean; currentPeriodEnd: Date | null; canceledAt: Date | null };

const termDate = (date: Date, timeZone: string) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone }).format(date);

/**
 * A subscription's row on the revenue page: its status and what happens next. One set to
 * cancel is still active and "Ends" on its period end; it never "renews".
 */
export function describeSubscriptionRow(s: SubscriptionTerm, timeZone: string): { status: string; next: string | null } {
  const status = describeStatus(s.status, false);
  if (s.status === "canceled") return { status, next: s.canceledAt ? `Ended ${termDate(s.canceledAt, timeZone)}` : null };
  if (!canChangeCancellation(s.status) || !s.currentPeriodEnd) return { status, next: null };
  return { status, next: `${s.cancelAtPeriodEnd ? "Ends" : "Renews"} ${termDate(s.currentPeriodEnd, timeZone)}` };
}

/** Seconds since the epoch (Stripe's timestamps) to an instant, and back. */
export const fromUnix = (seconds: number) => new Date(seconds * 1000);
export const toUnix = (date: Date) => Math.floor(date.getTime() / 1000);
