import type { Metadata } from "next";
import Link from "next/link";
import { formatSpan, priceLabel } from "@/components/booking/format";
import { Alert } from "@/components/ui/card";
import { formatHours } from "@/lib/time-wording";
import { localDateIn } from "@/lib/local-date";
import { api, orForbidden } from "@/trpc/server";
import { BookFlow, type BookableType } from "./book-flow";

export const metadata: Metadata = { title: "Book a session" };

export default async function BookPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const trpc = await api();
  const [types, mine, credits] = await Promise.all([
    orForbidden(trpc.portalBooking.sessionTypes()),
    orForbidden(trpc.portalBooking.list()),
    orForbidden(trpc.portalBooking.credits()),
  ]);
  const timeZone = mine.timeZone;
  const bookable: BookableType[] = types.map((t) => ({
    id: t.id,
    name: t.name,
    trainerName: t.trainerName,
    durationMinutes: t.durationMinutes,
    where: t.location ?? (t.onlineUrl ? "Online (video call)" : null),
    price: priceLabel(t),
    isCredits: t.priceKind === "credits",
    policy: `Free to cancel or move until ${formatHours(t.cancelFreeUntilHours)} before.`,
  }));

  const moving = params.reschedule ? mine.upcoming.find((b) => b.id === params.reschedule && b.status === "confirmed") : undefined;
  const preview = moving ? await trpc.portalBooking.preview({ bookingId: moving.id, action: "reschedule" }).catch(() => null) : null;

  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <h1 className="text-2xl font-bold">{moving ? "Move a session" : "Book a session"}</h1>
      {params.reschedule && !moving ? <Alert>That session can&apos;t be moved. See your sessions for what you can do.</Alert> : null}
      {moving && preview && !preview.isFree ? (
        <Alert>
          {preview.message} <Link href="/portal/sessions" className="underline">Back to my sessions</Link>
        </Alert>
      ) : bookable.length === 0 ? (
        <p className="text-stone-600">Your studio has no sessions to book yet.</p>
      ) : (
        <BookFlow
          types={bookable}
          timeZone={timeZone}
          today={localDateIn(new Date(), timeZone)}
          creditBalance={credits.balance}
          reschedule={moving && preview?.isFree ? { bookingId: moving.id, sessionTypeId: moving.sessionTypeId, current: formatSpan(moving.startsAt, moving.endsAt, timeZone) } : undefined}
        />
      )}
    </div>
  );
}
