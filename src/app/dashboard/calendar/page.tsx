import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "luxon";
import { FeedLink } from "@/components/booking/feed-link";
import { formatTime, priceLabel, STATUS_LABEL } from "@/components/booking/format";
import { Badge, Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { requireViewer } from "@/app/require-viewer";
import { api, orForbidden } from "@/trpc/server";
import { BookForClient } from "./book-for-client";
import { BookingActions } from "./booking-actions";

export const metadata: Metadata = { title: "Calendar" };

const isDate = (value: string | undefined) => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;

export default async function CalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const trpc = await api();
  const me = await requireViewer("trainer");
  const timeZone = me.timeZone;
  // Weeks start on Monday, in the trainer's zone.
  const anchor = isDate(params.week) ? DateTime.fromISO(params.week!, { zone: timeZone }) : DateTime.now().setZone(timeZone);
  const monday = anchor.startOf("week");
  const calendar = await orForbidden(trpc.booking.calendar({ from: monday.toISODate()!, days: 7, memberId: params.trainer || undefined }));
  const isMine = calendar.memberId === me.memberId;
  const [clients, myTypes] = isMine ? await Promise.all([orForbidden(trpc.client.list({ status: "active" })), orForbidden(trpc.booking.sessionTypes({ mine: true }))]) : [[], []];
  const now = new Date();
  const days = Array.from({ length: 7 }, (_, i) => monday.plus({ days: i }));
  const trainerParam = params.trainer ? `&trainer=${params.trainer}` : "";
  const weekLink = (d: DateTime) => `/dashboard/calendar?week=${d.toISODate()}${trainerParam}`;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-2xl font-bold">Calendar</h1>
        <form className="flex items-end gap-2">
          <input type="hidden" name="week" value={monday.toISODate()!} />
          <label className="space-y-1 text-sm font-medium">
            <span className="block">Trainer</span>
            <select name="trainer" defaultValue={calendar.memberId} className={inputClass}>
              {calendar.trainers.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </form>
      </div>
      <nav aria-label="Weeks" className="flex flex-wrap items-center gap-2">
        <Button asChild variant="secondary" size="sm">
          <Link href={weekLink(monday.minus({ weeks: 1 }))}>← Previous week</Link>
        </Button>
        <Button asChild variant="ghost" size="sm">
          <Link href={weekLink(DateTime.now().setZone(timeZone))}>This week</Link>
        </Button>
        <Button asChild variant="secondary" size="sm">
          <Link href={weekLink(monday.plus({ weeks: 1 }))}>Next week →</Link>
        </Button>
        <p className="text-sm text-stone-600">
          Week of {monday.setLocale("en-GB").toFormat("d MMMM yyyy")} · {timeZone} time
        </p>
      </nav>

      {/* Seven columns only where each day is wide enough for a booking and its Cancel button. */}
      <div className="grid gap-3 xl:grid-cols-7" aria-label="Week calendar">
        {days.map((day) => {
          const key = day.toISODate()!;
          const items = calendar.bookings.filter((b) => DateTime.fromJSDate(b.startsAt, { zone: timeZone }).toISODate() === key);
          const isToday = key === DateTime.now().setZone(timeZone).toISODate();
          return (
            <section key={key} aria-label={day.setLocale("en-GB").toFormat("cccc d MMMM")} className={cn("rounded-xl border border-stone-200 bg-white p-3", isToday && "border-brand-700")}>
              <h2 className="mb-2 text-sm font-semibold">{day.setLocale("en-GB").toFormat("ccc d MMM")}</h2>
              {items.length === 0 ? <p className="text-xs text-stone-500">No sessions</p> : null}
              <ul className="space-y-2">
                {items.map((b) => {
                  const label = `${b.clientName} at ${formatTime(b.startsAt, timeZone)}`;
                  return (
                    <li key={b.id} className={cn("space-y-1 rounded-lg border border-stone-200 p-2 text-sm", b.status === "cancelled" && "bg-stone-50 text-stone-500")}>
                      <p className="font-medium">
                        {formatTime(b.startsAt, timeZone)}–{formatTime(b.endsAt, timeZone)}
                      </p>
                      <p className={cn(b.status === "cancelled" && "line-through")}>{b.clientName}</p>
                      <p className="text-xs text-stone-600">
                        {b.sessionName} · {priceLabel(b)}
                      </p>
                      <Badge className={b.status === "cancelled" ? "bg-red-50 text-red-800" : undefined}>{STATUS_LABEL[b.status]}</Badge>
                      {b.lateFeeAmountMinor !== null ? <p className="text-xs text-stone-600">Late fee to collect</p> : null}
                      {b.status === "confirmed" ? <BookingActions bookingId={b.id} label={label} hasStarted={b.startsAt.getTime() <= now.getTime()} /> : null}
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>

      {isMine ? <BookForClient clients={clients.map((c) => ({ id: c.id, name: c.name }))} types={myTypes.map((t) => ({ id: t.id, name: t.name }))} /> : null}
      {isMine && myTypes.length === 0 ? (
        <Card>
          <p>
            You offer no session types yet. <Link href="/dashboard/booking-settings" className="text-brand-700 underline">Set up your sessions and hours</Link> so clients can book.
          </p>
        </Card>
      ) : null}
      <FeedLink who="trainer" />
    </div>
  );
}
