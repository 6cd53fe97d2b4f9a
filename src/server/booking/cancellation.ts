import { formatMoney } from "@/lib/money";
import { formatHours, formatWhen } from "@/lib/time-wording";
import type { SessionPrice } from "./types";

// The cancellation policy, worded for the person about to press the button. Sessions paid
// with credits hold a credit from booking; sessions with a money price are paid for the
// session itself, so a late cancellation is charged and a free one moves no money.

export type CancellationConsequence = "refund_credit" | "forfeit_credit" | "refund_none" | "charge";

export interface EvaluateCancellationInput {
  bookingStart: Date;
  now: Date;
  /** The session type's `cancelFreeUntilHours` (24 when it has none). */
  freeUntilHours: number;
  price: SessionPrice;
  cancelledBy: "client" | "trainer";
  /** The studio waives the window (a client deleting their account): free, whoever cancels. */
  isPolicyWaived?: boolean;
  /** The reader's IANA zone, for the times in the message. */
  timeZone: string;
  /** A reschedule follows the same window; only the wording changes. Default "cancel". */
  action?: "cancel" | "reschedule";
}

export interface CancellationOutcome {
  /** True when the client loses nothing. */
  isFree: boolean;
  consequence: CancellationConsequence;
  /** With "charge": what the client pays, in minor units of `currency`. */
  amountMinor?: number;
  currency?: string;
  /** With "refund_credit" or "forfeit_credit": how many credits. */
  credits?: number;
  /** The last instant at which the client can still cancel for free. */
  freeUntil: Date;
  message: string;
}

/**
 * A client cancels for free up to `freeUntilHours` before the start (at exactly that moment
 * it is still free); after that the credit is used up or the price is charged. When the
 * trainer cancels, or the studio waives the window, it is always free for the client.
 */
export function evaluateCancellation(input: EvaluateCancellationInput): CancellationOutcome {
  const { price, now, bookingStart, timeZone } = input;
  const action = input.action ?? "cancel";
  const verb = action === "cancel" ? "cancelling" : "rescheduling";
  const freeUntil = new Date(bookingStart.getTime() - Math.max(0, input.freeUntilHours) * 3_600_000);
  const isFree =
    input.cancelledBy === "trainer" ||
    input.isPolicyWaived === true ||
    now.getTime() <= freeUntil.getTime() ||
    (price.kind === "money" && price.amountMinor === 0);

  if (isFree) {
    // A free reschedule keeps the credit on the moved booking; a free cancellation returns it.
    const returnsCredit = price.kind === "credits" && action === "cancel";
    const credit = price.kind === "credits" ? creditWord(price.credits) : "";
    let message: string;
    if (input.cancelledBy === "trainer") {
      message = returnsCredit
        ? `Cancelling is free for your client, and their ${credit} goes back to them.`
        : `${capitalize(verb)} is free for your client.`;
    } else if (input.isPolicyWaived) {
      message = returnsCredit ? `${capitalize(verb)} is free, and your ${credit} comes back to you.` : `${capitalize(verb)} is free.`;
    } else if (price.kind === "money" && price.amountMinor === 0) {
      message = `${capitalize(verb)} is free.`;
    } else {
      const until = `${capitalize(verb)} now is free until ${formatWhen(freeUntil, timeZone, now)}`;
      message = returnsCredit ? `${until}, and your ${credit} comes back to you.` : `${until}.`;
    }
    return {
      isFree: true,
      consequence: returnsCredit ? "refund_credit" : "refund_none",
      ...(returnsCredit && price.kind === "credits" ? { credits: price.credits } : {}),
      freeUntil,
      message,
    };
  }

  const reason =
    now.getTime() >= bookingStart.getTime()
      ? "The session has already started"
      : `It's less than ${formatHours(input.freeUntilHours)} away`;
  if (price.kind === "credits") {
    return {
      isFree: false,
      consequence: "forfeit_credit",
      credits: price.credits,
      freeUntil,
      message: `${reason}: ${verb} now uses up your ${creditWord(price.credits)}.`,
    };
  }
  return {
    isFree: false,
    consequence: "charge",
    amountMinor: price.amountMinor,
    currency: price.currency,
    freeUntil,
    message: `${reason}: ${verb} now costs ${formatMoney(price.amountMinor, price.currency)}.`,
  };
}

// What the confirmation says about cancelling: free until a time still ahead, or, for a booking
// made inside the window, that it already is (never "free until" a time that has passed).
export function describePolicyAtBooking(input: { bookingStart: Date; now: Date; freeUntilHours: number; price: SessionPrice; timeZone: string }): string {
  if (input.price.kind === "money" && input.price.amountMinor === 0) return "You can cancel or move it for free.";
  const outcome = evaluateCancellation({ ...input, cancelledBy: "client" });
  if (outcome.isFree) return `You can cancel or move it for free until ${formatWhen(outcome.freeUntil, input.timeZone, input.now)}.`;
  const cost = input.price.kind === "credits" ? `uses up your ${creditWord(input.price.credits)}` : `costs ${formatMoney(input.price.amountMinor, input.price.currency)}`;
  return `It is less than ${formatHours(input.freeUntilHours)} away, so it is already inside the cancellation window: cancelling it ${cost}, and it can no longer be moved.`;
}

/** A reschedule is judged by the same window as a cancellation. */
export function evaluateReschedule(input: Omit<EvaluateCancellationInput, "action">): CancellationOutcome {
  return evaluateCancellation({ ...input, action: "reschedule" });
}

function creditWord(credits: number): string {
  return credits === 1 ? "credit" : `${credits} credits`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
