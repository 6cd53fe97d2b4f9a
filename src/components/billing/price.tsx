import { formatMoney } from "@/lib/money";

/** "£49.00 / month", "£60.00" for a pack. */
export function priceLabel(plan: { priceMinor: number; currency: string; interval: "month" | "year" | null }): string {
  const amount = formatMoney(plan.priceMinor, plan.currency);
  return plan.interval ? `${amount} / ${plan.interval}` : amount;
}

export function formatDate(date: Date | null | undefined, timeZone = "UTC"): string {
  return date ? new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone }).format(date) : "—";
}
