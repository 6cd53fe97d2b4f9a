import { canChangeCancellation } from "@/server/billing/rules";
import type { SubscriptionStatus } from "@/server/db/schema";

// What deleting a client means, as plain rules (the service applies them in one transaction).

export const DELETED_CLIENT_NAME = "Deleted client";

/**
 * The identity a deleted client keeps: a fixed name and an address that can never receive
 * mail (.invalid is reserved, RFC 2606) yet stays unique, as the email columns require.
 */
export function anonymisedIdentity(clientId: string): { name: string; email: string } {
  return { name: DELETED_CLIENT_NAME, email: `deleted-${clientId.toLowerCase()}@deleted.invalid` };
}

const normalise = (text: string) => text.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en");

/** The owner confirms by typing the client's name; case and extra spaces do not matter, other letters do. */
export function isDeletionConfirmed(clientName: string, typed: string): boolean {
  return normalise(typed).length > 0 && normalise(typed) === normalise(clientName);
}

/** Bookings deletion cancels: confirmed ones that have not started (past ones stay as the studio's record). */
export function isBookingToCancel(booking: { status: string; startsAt: Date }, now: Date): boolean {
  return booking.status === "confirmed" && booking.startsAt.getTime() > now.getTime();
}

/** Subscriptions deletion stops: a running one not already set to end (billing's own rule of what can be cancelled). */
export function isSubscriptionToStop(subscription: { status: SubscriptionStatus; cancelAtPeriodEnd: boolean }): boolean {
  return canChangeCancellation(subscription.status) && !subscription.cancelAtPeriodEnd;
}
