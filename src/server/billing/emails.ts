import { formatMoney } from "@/lib/money";

// What billing tells a client by email (each one an outbox row, written in the webhook's
// transaction, so a replayed event never sends it twice).

type Email = { subject: string; text: string };

/** A failed payment: what failed and the one thing to do about it. */
export function paymentFailedEmail(input: { name: string; studioName: string; amountMinor: number; currency: string; fixUrl: string }): Email {
  return {
    subject: `Your payment to ${input.studioName} failed`,
    text:
      `Hi ${input.name},\n\nYour payment of ${formatMoney(input.amountMinor, input.currency)} to ${input.studioName} did not go through. ` +
      `Update your card so your coaching continues; the payment is retried as soon as you do:\n\n${input.fixUrl}\n`,
  };
}

/** A receipt for a paid invoice or a session pack. */
export function receiptEmail(input: { name: string; studioName: string; item: string; amountMinor: number; currency: string; detail?: string; portalUrl: string }): Email {
  return {
    subject: `Receipt from ${input.studioName}: ${input.item}`,
    text:
      `Hi ${input.name},\n\nThank you: ${formatMoney(input.amountMinor, input.currency)} received for ${input.item}.` +
      `${input.detail ? `\n${input.detail}` : ""}\n\nYour membership: ${input.portalUrl}\n`,
  };
}
