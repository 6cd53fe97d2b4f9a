import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Badge, Card } from "@/components/ui/card";
import { ExportLink } from "@/components/data-rights/export-link";
import { inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { requireViewer } from "@/app/require-viewer";
import { api, orForbidden } from "@/trpc/server";
import { AttentionList } from "@/components/review/attention-list";
import { loadAttention } from "./attention-data";
import { ConfirmEmailBanner } from "./confirm-email-banner";
import { FirstStepsCard } from "./first-steps";
import { InviteClientForm } from "./invite-client-form";

export const metadata: Metadata = { title: "Clients" };

const STATUSES = ["active", "invited", "archived"] as const;
type Status = (typeof STATUSES)[number];

export default async function ClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const trpc = await api();
  const status = STATUSES.includes(params.status as Status) ? (params.status as Status) : undefined;
  const coaches = await orForbidden(trpc.client.coaches());
  const coachId = coaches.some((c) => c.id === params.coach) ? params.coach : undefined;
  const search = params.q?.slice(0, 100) || undefined;
  const clients = await orForbidden(trpc.client.list({ search, coachId, status }));
  const me = await requireViewer("trainer");
  const attention = await orForbidden(loadAttention());
  // The owner of a new studio sees what to do first while the dashboard is empty (no client yet).
  const firstSteps = me.role === "owner" ? await orForbidden(trpc.setup.firstSteps()) : null;
  const confirmation = await orForbidden(trpc.signup.status());
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h1 className="text-2xl font-bold">Clients</h1>
        {/* The owner's download is the whole studio; another trainer's holds only the clients they coach, and says so. */}
        <ExportLink
          href="/api/export/studio"
          label={me.role === "owner" ? "Export studio data" : "Export your clients' data"}
          description={me.role === "owner" ? "Every client, log, booking and payment of the studio, as CSV files in a zip." : "Only the clients you coach, with their logs, bookings and payments, as CSV files in a zip."}
        />
      </div>
      {confirmation.isConfirmed ? null : <ConfirmEmailBanner email={confirmation.ownerEmail} isOwner={me.role === "owner"} />}
      {firstSteps && !firstSteps.client ? <FirstStepsCard steps={firstSteps} /> : null}
      <Card className="space-y-3" id="invite-client">
        <h2 className="text-lg font-semibold">Invite a client</h2>
        <InviteClientForm
          coaches={coaches}
          myMemberId={me.memberId}
          isOwner={me.role === "owner"}
        />
      </Card>
      {params.deleted === "1" ? <Alert tone="success">The client was deleted. Their payments stay in the studio’s revenue as “Deleted client”.</Alert> : null}
      <AttentionList items={attention} timeZone={me.timeZone} limit={5} />
      <form className="grid gap-3 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end" role="search">
        <label className="space-y-1 text-sm font-medium">
          <span className="block">Search by name or email</span>
          <input name="q" defaultValue={search} className={inputClass} type="search" />
        </label>
        {/* A trainer kept to their own clients has no colleagues' clients to filter to. */}
        {me.clientScope ? null : (
          <label className="space-y-1 text-sm font-medium">
            <span className="block">Coach</span>
            <select name="coach" defaultValue={coachId ?? ""} className={inputClass}>
              <option value="">All coaches</option>
              {coaches.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="space-y-1 text-sm font-medium">
          <span className="block">Status</span>
          <select name="status" defaultValue={status ?? ""} className={inputClass}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s[0]!.toUpperCase() + s.slice(1)}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      <Card className="p-0">
        {clients.length === 0 ? (
          <p className="p-5 text-stone-600">No clients match. Clear the filters to see everyone.</p>
        ) : (
          <ul aria-label="Client list" className="divide-y divide-stone-200">
            {clients.map((client) => (
              <li key={client.id}>
                <Link href={`/dashboard/clients/${client.id}`} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-3 hover:bg-stone-50">
                  <span className="font-medium">{client.name}</span>
                  <span className="text-sm text-stone-600">{client.email}</span>
                  <span className="ml-auto text-sm text-stone-600">Coach: {client.coachName}</span>
                  <Badge>{client.status}</Badge>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <p className="text-sm text-stone-600">{clients.length} client{clients.length === 1 ? "" : "s"}</p>
    </div>
  );
}
