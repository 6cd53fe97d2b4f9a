import Link from "next/link";
import { formatSpan, STATUS_LABEL } from "@/components/booking/format";
import { Badge, Card } from "@/components/ui/card";
import { formatMoney } from "@/server/booking/format";
import { api, orForbidden } from "@/trpc/server";
import { CreditsCard } from "./credits-card";

export default async function ClientPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const trpc = await api();
  const client = await orForbidden(trpc.client.get({ clientId }));
  const sessions = await orForbidden(trpc.booking.clientBookings({ clientId }));
  return (
    <div className="space-y-5">
      <Link href="/dashboard" className="text-sm text-brand-700 underline">
        ← All clients
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{client.name}</h1>
        <Badge>{client.status}</Badge>
      </div>
      <Card>
        <dl className="grid gap-3 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-stone-600">Email</dt>
            <dd>{client.email}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">Coach</dt>
            <dd>{client.coachName}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">Client since</dt>
            <dd>{client.createdAt.toISOString().slice(0, 10)}</dd>
          </div>
        </dl>
      </Card>
      <div className="grid gap-5 lg:grid-cols-2">
        <Card className="space-y-3">
          <h2 className="text-lg font-semibold">Sessions</h2>
          {sessions.upcoming.length + sessions.past.length === 0 ? <p className="text-stone-600">No sessions yet.</p> : (
          <ul className="space-y-2 text-sm" aria-label="Client sessions">
            {[...sessions.upcoming, ...sessions.past].map((b) => (
              <li key={b.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className="font-medium">{formatSpan(b.startsAt, b.endsAt, sessions.timeZone)}</span>
                <span className="text-stone-600">
                  {b.sessionName} with {b.trainerName}
                </span>
                <Badge>{STATUS_LABEL[b.status]}</Badge>
                {b.lateFeeAmountMinor !== null ? <span className="text-stone-600">late fee {formatMoney(b.lateFeeAmountMinor, b.lateFeeCurrency ?? "GBP")} to collect</span> : null}
                {b.creditForfeited > 0 ? <span className="text-stone-600">late: credit used</span> : null}
              </li>
            ))}
          </ul>
          )}
        </Card>
        <CreditsCard clientId={client.id} />
      </div>
    </div>
  );
}
