import { formatMoney } from "@/lib/money";

// Display helpers for booking pages (server and client components alike). The zone is
// always the reader's, passed down from the server, never the browser's guess.
const LOCALE = "en-GB";

export function formatDayLabel(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { weekday: "long", day: "numeric", month: "long", timeZone }).format(instant);
}

export function formatTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(instant);
}

/** "Wed 25 November, 17:00–18:00". */
export function formatSpan(start: Date, end: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat(LOCALE, { weekday: "short", day: "numeric", month: "long", timeZone }).format(start);
  return `${day}, ${formatTime(start, timeZone)}–${formatTime(end, timeZone)}`;
}

export function priceLabel(price: { priceKind: "money" | "credits"; priceAmountMinor: number | null; priceCurrency: string | null; priceCredits: number | null }): string {
  if (price.priceKind === "credits") return price.priceCredits === 1 ? "1 credit" : `${price.priceCredits} credits`;
  return formatMoney(price.priceAmountMinor ?? 0, price.priceCurrency ?? "GBP");
}

export const STATUS_LABEL = { confirmed: "Booked", cancelled: "Cancelled", attended: "Attended", no_show: "No-show" } as const;
