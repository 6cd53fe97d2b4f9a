import { DomainError } from "@/lib/errors";

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

/** The largest amount a price field takes, in minor units: inside the integer columns (2^31). */
export const MAX_PRICE_MINOR = 999_999_999;

const priceExample = (digits: number) => (digits === 0 ? "5000" : digits === 2 ? "49 or 49.99" : `49 or 49.${"9".repeat(digits)}`);

/**
 * What a trainer types in a price field, read without floats: "49", "49.99" and "49,99" are the
 * same amount (people write decimals with a point or a comma), "1,234.50", "1.234,50" and
 * "1 234,50" have thousands separators, and "1,234" is refused as ambiguous (a thousand, or a
 * comma decimal with a slipped key?) unless the currency has no decimals (¥1,234). Every
 * typed amount (plans, packs, session types) is read here; `allowZero` for a free session.
 */
export function parseMoney(text: string, currency: string, options: { allowZero?: boolean } = {}): number {
  const digits = fractionDigits(currency);
  const refuse = (message: string): never => {
    throw new DomainError("BAD_REQUEST", message, "price");
  };
  // Spaces (also the no-break ones French and Swiss amounts use) and apostrophes only group digits.
  const cleaned = text.trim().replace(/[\s\u00a0\u202f'’]/g, "");
  if (!/^\d[\d.,]*$/.test(cleaned) || /[.,]$/.test(cleaned) || /[.,]{2}/.test(cleaned)) {
    refuse(digits ? `Enter a price such as ${priceExample(digits)}.` : "Enter a whole price such as 5000.");
  }
  const separators = [...new Set(cleaned.replace(/\d/g, ""))];
  let whole = cleaned;
  let fraction = "";
  const lastSeparatorAt = Math.max(cleaned.lastIndexOf("."), cleaned.lastIndexOf(","));
  const grouped = (part: string) => /^\d{1,3}([.,]\d{3})*$/.test(part);
  if (separators.length === 2) {
    // Both a point and a comma: the last one is the decimal mark, the other groups thousands.
    const decimalMark = cleaned[lastSeparatorAt]!;
    whole = cleaned.slice(0, lastSeparatorAt);
    fraction = cleaned.slice(lastSeparatorAt + 1);
    if (whole.includes(decimalMark) || !grouped(whole)) refuse(`Check the separators in “${text.trim()}”; write it as ${priceExample(digits)}.`);
  } else if (separators.length === 1) {
    const mark = separators[0]!;
    const parts = cleaned.split(mark);
    if (parts.length > 2) {
      // "1,234,567" or "1.234.567": only thousands groups can repeat.
      if (!grouped(cleaned)) refuse(`Check the separators in “${text.trim()}”; write it as ${priceExample(digits)}.`);
      whole = parts.join("");
    } else {
      const [head, tail] = parts as [string, string];
      if (tail.length === 3 && digits === 0 && grouped(cleaned)) whole = head + tail;
      else if (tail.length === 3 && grouped(cleaned)) {
        refuse(`“${text.trim()}” could be read two ways: type ${head}${tail} for a whole amount, or ${head}.${tail.slice(0, digits)} with decimals.`);
      } else {
        whole = head;
        fraction = tail;
      }
    }
  }
  whole = whole.replace(/[.,]/g, "");
  if (fraction.length > digits) {
    refuse(digits ? `Enter the price with at most ${digits} decimal places.` : "This currency has no decimal places; enter a whole price such as 5000.");
  }
  if (whole.replace(/^0+/, "").length > 9) refuse("That price is too high; check the amount.");
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  if (minor > MAX_PRICE_MINOR) refuse("That price is too high; check the amount.");
  if (minor < 1 && !options.allowZero) refuse("Enter a price above zero.");
  return minor;
}

// Above these, a price is far more than a client pays a personal trainer for a month or a pack
// (£1,000,000 a month was once a slipped key): the trainer confirms it before it goes on sale.
// In major units, roughly £5,000 in each currency.
const CONFIRM_ABOVE_MAJOR: Record<Currency, number> = {
  GBP: 5_000,
  EUR: 5_000,
  USD: 5_000,
  CAD: 10_000,
  AUD: 10_000,
  NZD: 10_000,
  CHF: 5_000,
  SEK: 50_000,
  NOK: 50_000,
  DKK: 50_000,
  PLN: 25_000,
  JPY: 1_000_000,
};

/** The amount above which a price needs the trainer's confirmation, in minor units. */
export function confirmPriceAboveMinor(currency: Currency): number {
  return CONFIRM_ABOVE_MAJOR[currency] * 10 ** fractionDigits(currency);
}

// A price this high is probably a slip: the trainer must confirm it before clients can be charged it.
export function needsPriceConfirmation(priceMinor: number, currency: Currency): boolean {
  return priceMinor > confirmPriceAboveMinor(currency);
}

/** What a client is charged, in words: "£49.99 a month", "£490.00 a year", "£60.00 for the pack". */
export function describeCharge(priceMinor: number, currency: string, interval: "month" | "year" | null): string {
  return `${formatMoney(priceMinor, currency)} ${interval ? `a ${interval}` : "for the pack"}`;
}

/**
 * A plan's typed price in minor units. One that goes on sale above the confirmation threshold
 * is refused unless the trainer has seen the amount as it will be charged and confirmed it.
 */
export function readPlanPrice(input: { price: string; currency: Currency; interval: "month" | "year" | null; confirmPrice?: boolean }, goesOnSale: boolean): number {
  const priceMinor = parseMoney(input.price, input.currency);
  if (goesOnSale && !input.confirmPrice && needsPriceConfirmation(priceMinor, input.currency)) {
    throw new DomainError("BAD_REQUEST", `Clients would be charged ${describeCharge(priceMinor, input.currency, input.interval)}: check the price, or confirm that it is right.`, "price");
  }
  return priceMinor;
}

/** A subscription's monthly value for MRR: a yearly price counts as a twelfth, rounded half up. */
export function monthlyMinor(priceMinor: number, interval: "month" | "year"): number {
  return interval === "year" ? Math.floor((priceMinor * 2 + 12) / 24) : priceMinor;
}
