import Link from "next/link";
import { formatMoney } from "@/lib/money";

/** On every portal page while a payment has failed and is still unpaid. */
export function PaymentProblemBanner({ amountMinor, currency }: { amountMinor: number; currency: string }) {
  return (
    <div role="alert" className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
      <p>
        <strong>Your payment of {formatMoney(amountMinor, currency)} failed.</strong> Update your card so your coaching continues.
      </p>
      <Link href="/portal/billing#card" className="font-semibold underline">
        Fix payment
      </Link>
    </div>
  );
}
