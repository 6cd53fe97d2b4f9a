import Link from "next/link";
import { Alert, Badge, Card } from "@/components/ui/card";
import { ExportLink } from "@/components/data-rights/export-link";
import { inputClass } from "@/components/ui/field";
import { Pager } from "@/components/paging/pager";
import { SearchForm } from "@/components/paging/search-form";
import { nextDirection, SortLink } from "@/components/paging/sort-link";
import { clientListParams, CLIENT_STATUSES, encodeCursor, PAGE_SIZE, showingText, type ClientSort } from "@/lib/paging";
import { requireViewer } from "@/app/require-viewer";
import { api, orForbidden } from "@/trpc/server";
import { AttentionList } from "@/components/review/attention-list";
import { loadAttention } from "../attention-data";
import { ConfirmEmailBanner } from "../confirm-email-banner";
import { FirstStepsCard } from "../first-steps";
import { InviteClientForm } from "../invite-client-form";

const sortColumns: { key: ClientSort; label: string }[] = [
  { key: "name", label: "Name" },
  { key: "email", label: "Email" },
  { key: "coach", label: "Coach" },
  { key: "status", label: "Status" },
];

/**
 * The trainer's home: the client list, one server-sorted, server-searched page at a time (a
 * studio of 500 clients sends 50 rows, not 500), with invites and what needs attention above.
 * Shown at /dashboard and /dashboard/clients; every link and the search keep to `basePath`.
 */
export async function ClientsScreen({ searchParams, basePath }: { searchParams: Promise<Record<string, string | string[] | undefined>>; basePath: string }) {
  const raw = await searchParams;
  const params = clientListParams.parse(raw);
  const trpc = await api();
  const status = params.filters.status as (typeof CLIENT_STATUSES)[number] | undefined;
  const coaches = await orForbidden(trpc.client.coaches());
  const coachId = coaches.some((c) => c.id === params.filters.coach) ? params.filters.coach : undefined;
  const search = params.q || undefined;
  const page = await orForbidden(
    trpc.client.page({ sort: params.sort, direction: params.direction, search, coachId, status, size: params.size, cursor: params.cursor ? encodeCursor(params.cursor) : undefined }),
  );
  const clients = page.rows;
  const href = (change: Parameters<typeof clientListParams.query>[1]) => `${basePath}${clientListParams.query(params, change)}`;
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
      {raw.deleted === "1" ? <Alert tone="success">The client was deleted. Their payments stay in the studio’s revenue as “Deleted client”.</Alert> : null}
      <AttentionList items={attention} timeZone={me.timeZone} limit={5} />
      <SearchForm
        label="Search by name or email"
        query={params.q}
        submitLabel="Filter"
        keep={{ sort: params.sort === "name" ? undefined : params.sort, dir: params.direction === "asc" ? undefined : params.direction, size: params.size === PAGE_SIZE.standard ? undefined : String(params.size) }}
      >
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
            {CLIENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s[0]!.toUpperCase() + s.slice(1)}
              </option>
            ))}
          </select>
        </label>
      </SearchForm>
      {params.hasBadCursor ? <Alert tone="info">That page link no longer works, so the list starts from its first page.</Alert> : null}
      <nav aria-label="Sort clients" className="flex flex-wrap items-center gap-1 text-sm">
        <span className="mr-1 text-stone-600">Sort by</span>
        {sortColumns.map((c) => {
          const state = { isSorted: params.sort === c.key, direction: params.direction };
          return (
            <SortLink
              key={c.key}
              label={c.label}
              href={href({ sort: c.key, direction: nextDirection(state) })}
              state={state}
              className={state.isSorted ? "rounded-full bg-brand-50 px-3 py-2.5 font-semibold text-brand-800" : "rounded-full px-3 py-2.5 text-brand-700 underline"}
            />
          );
        })}
      </nav>
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
      <Pager
        showing={showingText({ start: page.start, count: clients.length, total: page.total }, { one: "client", many: "clients" })}
        previousHref={page.previous ? href({ cursor: page.previous }) : null}
        nextHref={page.next ? href({ cursor: page.next }) : null}
      />
    </div>
  );
}
