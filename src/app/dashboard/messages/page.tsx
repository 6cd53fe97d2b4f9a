import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/app/require-viewer";
import { Badge, Card } from "@/components/ui/card";
import { formatWhen } from "@/lib/time-wording";
import { threadPathFor } from "@/lib/thread-links";
import { api, orForbidden } from "@/trpc/server";
import { CreateTemplateForm, DeleteTemplateButton, EditTemplateForm } from "./template-forms";

export const metadata: Metadata = { title: "Messages" };

const FILTERS = [
  { filter: "waiting", label: "Waiting" },
  { filter: "all", label: "All" },
] as const;

/** "Tue 3 March" for a log's day (a local date, shown as the client logged it). */
function dayOf(localDate: string): string {
  return new Date(`${localDate}T12:00:00Z`).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "long", timeZone: "UTC" });
}

export default async function MessagesPage({ searchParams }: { searchParams: Promise<{ filter?: string }> }) {
  const params = await searchParams;
  const filter = params.filter === "waiting" ? "waiting" : "all";
  const me = await requireViewer("trainer");
  const trpc = await api();
  const [inbox, templates] = await Promise.all([orForbidden(trpc.inbox.list({ filter })), orForbidden(trpc.template.list())]);
  const now = new Date();
  const waiting = inbox.rows.filter((r) => r.isWaiting).length;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Messages</h1>
      <section aria-labelledby="inbox-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline gap-3">
          <h2 id="inbox-heading" className="text-lg font-semibold">
            Conversations
          </h2>
          <span className="text-sm text-stone-600">
            {waiting === 0 ? "Nobody is waiting for an answer." : `${waiting}${inbox.hasMore ? "+" : ""} waiting for your answer`}
          </span>
          <nav aria-label="Which conversations" className="flex gap-3 text-sm">
            {FILTERS.map((f) => (
              <Link
                key={f.filter}
                href={`/dashboard/messages?filter=${f.filter}`}
                aria-current={filter === f.filter ? "page" : undefined}
                className={filter === f.filter ? "font-semibold text-stone-900" : "font-medium text-brand-700 underline"}
              >
                {f.label}
              </Link>
            ))}
          </nav>
        </div>
        {inbox.rows.length === 0 ? (
          <Card>
            <p className="text-stone-700">{filter === "waiting" ? "No client is waiting for your answer." : "No conversations yet. A client's message appears here."}</p>
          </Card>
        ) : (
          <Card className="p-0">
            <ul className="divide-y divide-stone-200" aria-label="Conversations">
              {inbox.rows.map((r) => (
                <li key={r.threadId}>
                  <Link
                    href={threadPathFor("trainer", { kind: "conversation", clientId: r.clientId })}
                    className="block space-y-1 px-4 py-3 hover:bg-stone-50 focus-visible:bg-stone-50"
                  >
                    <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                      {r.isUnread ? <span aria-hidden className="size-2 shrink-0 rounded-full bg-brand-700" /> : null}
                      <span className={r.isUnread ? "font-semibold text-stone-900" : "font-medium text-stone-900"}>{r.clientName}</span>
                      {r.isUnread ? <span className="sr-only">(unread)</span> : null}
                      {r.isWaiting ? (
                        <Badge className="bg-orange-100 text-orange-900">Waiting{r.waitingSince ? ` since ${formatWhen(r.waitingSince, me.timeZone, now)}` : ""}</Badge>
                      ) : null}
                      <span className="ml-auto text-xs text-stone-500">{formatWhen(r.lastMessageAt, me.timeZone, now)}</span>
                    </span>
                    <span className="block truncate text-sm text-stone-700">
                      {r.lastAuthorKind === "trainer" ? <span className="text-stone-500">You: </span> : null}
                      {r.preview}
                    </span>
                    <span className="flex flex-wrap gap-x-4 text-xs text-stone-600">
                      <span>{r.lastLog ? `Last log: ${r.lastLog.kind === "run" ? "run" : "session"} on ${dayOf(r.lastLog.localDate)}` : "Nothing logged yet"}</span>
                      <span>{r.nextBooking ? `Next: ${r.nextBooking.sessionTypeName}, ${formatWhen(r.nextBooking.startsAt, me.timeZone, now)}` : "No booking ahead"}</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        )}
        {inbox.hasMore ? <p className="text-sm text-stone-600">Showing the first {inbox.rows.length}; older conversations are on each client&apos;s page.</p> : null}
      </section>

      <section aria-labelledby="templates-heading" id="templates" className="space-y-3">
        <h2 id="templates-heading" className="text-lg font-semibold">
          Templates
        </h2>
        <p className="text-sm text-stone-600">Messages you send often, ready to pick in a conversation and adjust before sending.</p>
        {templates.length > 0 ? (
          <ul className="space-y-3" aria-label="Templates">
            {templates.map((t) => (
              <li key={t.id}>
                <Card className="space-y-2">
                  <div className="flex flex-wrap items-center gap-2">
                    <h3 className="font-semibold">{t.title}</h3>
                    {t.isStudioWide ? <Badge className="bg-brand-100 text-brand-800">Whole studio</Badge> : null}
                  </div>
                  <p className="whitespace-pre-line text-sm break-words text-stone-700">{t.body}</p>
                  {t.canEdit ? (
                    <div className="space-y-2">
                      <details className="rounded-lg border border-stone-200 p-3">
                        <summary className="cursor-pointer font-medium text-brand-700">Edit {t.title}</summary>
                        <div className="mt-3">
                          <EditTemplateForm template={t} />
                        </div>
                      </details>
                      <DeleteTemplateButton template={t} />
                    </div>
                  ) : (
                    <p className="text-xs text-stone-500">The studio owner keeps this one.</p>
                  )}
                </Card>
              </li>
            ))}
          </ul>
        ) : null}
        <Card className="space-y-3">
          <h3 className="font-semibold">New template</h3>
          <CreateTemplateForm canShareWithStudio={me.role === "owner"} />
        </Card>
      </section>
    </div>
  );
}
