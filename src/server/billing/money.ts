import { DomainError } from "@/server/errors";

// Money is integer minor units plus an ISO 4217 code; it is only turned into text for people,
// and the decimal string goes to Intl.NumberFormat as a string, so no float ever holds it.

/** The currencies a studio can price in (Stripe supports them all). */
export const CURRENCIES = ["GBP", "EUR", "USD", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "JPY"] as const;
export type Currency = (typeof CURRENCIES)[number];

/** How many minor-unit digits a currency has (pence: 2, yen: 0). */
export function fractionDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** 4900 GBP → "49.00": exact decimal text of a minor-unit amount. */
export function minorToDecimalString(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`not an integer amount: ${minor}`);
  const digits = fractionDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = String(Math.abs(minor)).padStart(digits + 1, "0");
  return digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** Shows an amount the way the reader's locale writes it: £49.00, 49,00 €, ¥5,000. */
export function formatMoney(minor: number, currency: string, locale = "en-GB"): string {
  // Intl.NumberFormat formats a decimal string exactly (no float conversion).
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(minorToDecimalString(minor, currency) as unknown as number);
}

/** "49", "49.5", "49.00" (GBP) → 4900. What a trainer types in a price field, read without floats. */
export function parseMoney(text: string, currency: string): number {
  const digits = fractionDigits(currency);
  const cleaned = text.trim().replace(/[,\s]/g, "");
  const match = /^(\d{1,7})(?:\.(\d+))?$/.exec(cleaned);
  if (!match) {
    throw new DomainError("BAD_REQUEST", digits ? "Enter a price such as 49 or 49.99." : "Enter a whole price such as 5000.", "price");
  }
  const [, whole, fraction = ""] = match;
  if (fraction.length > digits) {
    throw new DomainError("BAD_REQUEST", digits ? `Enter the price with at most ${digits} decimal places.` : "This currency has no decimal places.", "price");
  }
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  if (minor < 1) throw new DomainError("BAD_REQUEST", "Enter a price above zero.", "price");
  return minor;
}

/** A subscription's monthly value for MRR: a yearly price counts as a twelfth, rounded half up. */
export function monthlyMinor(priceMinor: number, interval: "month" | "year"): number {
  return interval === "year" ? Math.floor((priceMinor * 2 + 12) / 24) : priceMinor;
}
