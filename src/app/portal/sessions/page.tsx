import type { Metadata } from "next";
import Link from "next/link";
import { FeedLink } from "@/components/booking/feed-link";
import { formatSpan, priceLabel, STATUS_LABEL } from "@/components/booking/format";
import { Button } from "@/components/ui/button";
import { Alert, Badge, Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import { api, orForbidden } from "@/trpc/server";
import { ManageBooking } from "./cancel-booking";

export const metadata: Metadata = { title: "My sessions" };

const DONE = {
  booked: "Your session is booked. A confirmation with a calendar file is on its way by email.",
  moved: "Your session has moved. The updated calendar file is on its way by email.",
  cancelled: "Your session is cancelled. We've emailed you to confirm.",
} as const;

export default async function MySessionsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const trpc = await api();
  const [mine, credits] = await Promise.all([orForbidden(trpc.portalBooking.list()), orForbidden(trpc.portalBooking.credits())]);
  const { timeZone } = mine;
  const done = DONE[params.done as keyof typeof DONE];
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-2xl font-bold">My sessions</h1>
        <Button asChild>
          <Link href="/portal/book">Book a session</Link>
        </Button>
      </div>
      {done ? <Alert tone="success">{done}</Alert> : null}
      <p className="text-sm text-stone-600">Times are shown in your time zone, {timeZone}.</p>

      <section aria-labelledby="upcoming-heading" className="space-y-3">
        <h2 id="upcoming-heading" className="text-lg font-semibold">
          Upcoming
        </h2>
        {mine.upcoming.length === 0 ? <p className="text-stone-600">No sessions booked.</p> : null}
        <ul className="space-y-3" aria-label="Upcoming sessions">
          {mine.upcoming.map((b) => {
            const when = formatSpan(b.startsAt, b.endsAt, timeZone);
            return (
              <li key={b.id}>
                <Card className="space-y-2">
                  <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                    <h3 className="font-semibold">{when}</h3>
                    <Badge className={b.status === "cancelled" ? "bg-red-50 text-red-800" : undefined}>{STATUS_LABEL[b.status]}</Badge>
                  </div>
                  <p>
                    {b.sessionName} with {b.trainerName} · {priceLabel(b)}
                  </p>
                  {b.location ? <p className="text-sm text-stone-600">{b.location}</p> : null}
                  {b.onlineUrl && b.status === "confirmed" ? (
                    <p className="text-sm">
                      <a href={b.onlineUrl} className="text-brand-700 underline">
                        Join online
                      </a>
                    </p>
                  ) : null}
                  {b.status === "cancelled" ? <CancelledNote booking={b} /> : null}
                  {b.status === "confirmed" ? <ManageBooking bookingId={b.id} label={`${b.sessionName} on ${when}`} /> : null}
                </Card>
              </li>
            );
          })}
        </ul>
      </section>

      <div className="grid gap-5 md:grid-cols-2">
        <Card className="space-y-2">
          <h2 className="text-lg font-semibold">Session credits</h2>
          <p>
            You have <strong>{credits.balance}</strong> credit{credits.balance === 1 ? "" : "s"}.
          </p>
          {credits.entries.length ? (
            <ul className="space-y-1 text-sm text-stone-700">
              {credits.entries.slice(0, 6).map((e) => (
                <li key={e.id}>
                  {e.delta > 0 ? `+${e.delta}` : e.delta} · {e.reason} · {e.createdAt.toISOString().slice(0, 10)}
                </li>
              ))}
            </ul>
          ) : null}
        </Card>
        <FeedLink who="client" />
      </div>

      {mine.past.length ? (
        <section aria-labelledby="past-heading" className="space-y-2">
          <h2 id="past-heading" className="text-lg font-semibold">
            Past sessions
          </h2>
          <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {mine.past.map((b) => (
              <li key={b.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm">
                <span className="font-medium">{formatSpan(b.startsAt, b.endsAt, timeZone)}</span>
                <span className="text-stone-600">{b.sessionName}</span>
                <Badge className="ml-auto">{STATUS_LABEL[b.status]}</Badge>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function CancelledNote({ booking }: { booking: { cancelledBy: "client" | "trainer" | null; lateFeeAmountMinor: number | null; lateFeeCurrency: string | null; creditForfeited: number } }) {
  const by = booking.cancelledBy === "trainer" ? "Cancelled by your coach" : "You cancelled";
  const cost =
    booking.lateFeeAmountMinor !== null
      ? ` A late-cancellation fee of ${formatMoney(booking.lateFeeAmountMinor, booking.lateFeeCurrency ?? "GBP")} will be collected with your next payment.`
      : booking.creditForfeited > 0
        ? " It was late, so the credit was used."
        : "";
  return (
    <p className="text-sm text-stone-700">
      {by}.{cost}
    </p>
  );
}
