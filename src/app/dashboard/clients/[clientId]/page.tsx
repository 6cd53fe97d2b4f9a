import Link from "next/link";
import { ClientMembershipCard } from "@/components/billing/client-membership";
import { Badge, Card } from "@/components/ui/card";
import { api, orForbidden } from "@/trpc/server";

export default async function ClientPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const trpc = await api();
  const client = await orForbidden(trpc.client.get({ clientId }));
  const [me, membership] = await Promise.all([trpc.viewer.me(), orForbidden(trpc.billing.clientMembership({ clientId }))]);
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
      <ClientMembershipCard membership={membership} timeZone={me?.timeZone ?? "UTC"} />
    </div>
  );
}
