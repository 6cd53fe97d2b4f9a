import type { Metadata } from "next";
import Link from "next/link";
import { formatSpan } from "@/components/booking/format";
import { Card } from "@/components/ui/card";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Today" };

export default async function PortalHome() {
  const trpc = await api();
  const [me, sessions] = await Promise.all([orForbidden(trpc.portal.me()), orForbidden(trpc.portalBooking.list())]);
  const next = sessions.upcoming.find((b) => b.status === "confirmed");
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">Hi {me.name.split(" ")[0]}</h1>
      <Card>
        <p className="text-stone-700">
          Your coach is <strong>{me.coachName}</strong>. The drills they assign you show up here, day by day.
        </p>
      </Card>
      <Card className="space-y-2">
        <h2 className="text-lg font-semibold">Your next session</h2>
        {next ? (
          <p>
            {next.sessionName} with {next.trainerName}, {formatSpan(next.startsAt, next.endsAt, sessions.timeZone)}.{" "}
            <Link href="/portal/sessions" className="text-brand-700 underline">
              See my sessions
            </Link>
          </p>
        ) : (
          <p>
            Nothing booked.{" "}
            <Link href="/portal/book" className="text-brand-700 underline">
              Book a session
            </Link>
          </p>
        )}
      </Card>
    </div>
  );
}
