import type { Metadata } from "next";
import { DateTime } from "luxon";
import Link from "next/link";
import { AttentionBadge } from "@/components/review/attention-list";
import { Alert, Badge, Card } from "@/components/ui/card";
import type { OverviewRow } from "@/server/progression/overview";
import { Pager } from "@/components/paging/pager";
import { SearchForm } from "@/components/paging/search-form";
import { nextDirection, SortHeader, SortLink } from "@/components/paging/sort-link";
import { encodeCursor, overviewParams, showingText, type OverviewSort } from "@/lib/paging";
import { requireViewer } from "@/app/require-viewer";
import { api, orForbidden } from "@/trpc/server";
import { ThresholdForm } from "./threshold-form";
import { LoadSpikeForm } from "./load-spike-form";
import { PainPauseForm } from "./pain-pause-form";

export const metadata: Metadata = { title: "Studio overview" };

const columns: { key: OverviewSort; label: string }[] = [
  { key: "name", label: "Client" },
  { key: "coach", label: "Coach" },
  { key: "week", label: "This week" },
  { key: "streak", label: "Streak" },
  { key: "asymmetry", label: "Asymmetry" },
  { key: "last", label: "Last activity" },
];

// In the trainer's own zone, relative for the last week ("Today 07:12", "Mon 18:40"), dated before.
function when(d: Date, timeZone: string, now: DateTime): string {
  const at = DateTime.fromJSDate(d, { zone: timeZone }).setLocale("en-GB");
  const days = Math.round(now.startOf("day").diff(at.startOf("day"), "days").days);
  if (days === 0) return `Today ${at.toFormat("HH:mm")}`;
  if (days === 1) return `Yesterday ${at.toFormat("HH:mm")}`;
  if (days > 1 && days < 7) return at.toFormat("ccc HH:mm");
  return at.toFormat(at.year === now.year ? "d LLL" : "d LLL yyyy");
}

const weekText = (r: OverviewRow) => (r.weekPrescribed === 0 ? "–" : `${r.weekDone} of ${r.weekPrescribed} (${Math.round((r.weekRate ?? 0) * 100)}%)`);
// Beside the drills' figure: check-ins answered of those due this week (missed ones count; open ones not yet).
const checkinText = (r: OverviewRow) => (r.checkins === null ? null : r.checkins.due === 0 ? `Check-ins: ${r.checkins.open > 0 ? "open" : "none due yet"}` : `Check-ins: ${r.checkins.answered} of ${r.checkins.due}`);
const streakText = (r: OverviewRow) => `${r.currentStreak} ${r.currentStreak === 1 ? "day" : "days"}`;
const asymmetryText = (a: NonNullable<OverviewRow["asymmetry"]>) => `${Math.round(a.percent)}% ${a.drillName}, ${a.weakerSide} weaker`;
const sameSideText = (s: NonNullable<OverviewRow["sameSide"]>) => `Run and Knee Drive: ${s.side}`;

/**
 * How many progression items the overview lists before pointing to Needs attention, where the
 * same asymmetries and unlocks are queued in full: at 500 clients the whole list outweighed a
 * page of the table.
 */
const ATTENTION_SHOWN = 10;

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = overviewParams.parse(await searchParams);
  const coachId = params.filters.coach ?? null;
  const trpc = await api();
  const [me, overview, coaches, attention, settings] = await Promise.all([
    requireViewer("trainer"),
    orForbidden(
      trpc.progression.overviewPage({
        sort: params.sort,
        direction: params.direction,
        search: params.q || undefined,
        coachId,
        size: params.size,
        cursor: params.cursor ? encodeCursor(params.cursor) : undefined,
      }),
    ),
    orForbidden(trpc.client.coaches()),
    orForbidden(trpc.progression.attention({ coachId })),
    orForbidden(trpc.progression.settings()),
  ]);
  const timeZone = me.timeZone;
  const now = DateTime.now().setZone(timeZone);
  const { page, sameSides } = overview;
  const rows = page.rows;
  const href = (change: Parameters<typeof overviewParams.query>[1]) => `/dashboard/overview${overviewParams.query(params, change)}`;
  const sortState = (key: OverviewSort) => ({ isSorted: params.sort === key, direction: params.direction });
  const sortHref = (key: OverviewSort) => href({ sort: key, direction: nextDirection(sortState(key)) });
  const pager = (
    <Pager
      showing={showingText({ start: page.start, count: rows.length, total: page.total }, { one: "client", many: "clients" })}
      previousHref={page.previous ? href({ cursor: page.previous }) : null}
      nextHref={page.next ? href({ cursor: page.next }) : null}
    />
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Studio overview</h1>
        <p className="text-stone-600">Every client&apos;s week at a glance. Weeks run Monday to Sunday in each client&apos;s own time zone; last activity is in yours ({timeZone}).</p>
      </div>

      <section aria-labelledby="attention-heading" className="space-y-2">
        <h2 id="attention-heading" className="text-xl font-semibold">
          Needs attention: progression
        </h2>
        {sameSides.length > 0 ? (
          <ul className="space-y-2" aria-label="Run balance and drill asymmetry">
            {sameSides.slice(0, ATTENTION_SHOWN).map((r) => (
              <li key={r.clientId}>
                <Card className="flex flex-wrap items-center gap-2 p-3">
                  <Badge className="bg-violet-100 text-violet-900">Run and drill</Badge>
                  <Link href={`/dashboard/clients/${r.clientId}/progress`} className="font-medium text-brand-700 underline">
                    {r.name}
                  </Link>
                  <span className="text-sm">{r.message} (Last 4 weeks.)</span>
                </Card>
              </li>
            ))}
          </ul>
        ) : null}
        {attention.length === 0 ? (
          <p className="text-stone-600">No asymmetry above {overview.asymmetryThresholdPercent}% and no new unlocks.</p>
        ) : (
          <ul className="space-y-2" aria-label="Progression attention">
            {attention.slice(0, ATTENTION_SHOWN).map((item) => (
              <li key={item.key}>
                <Card className="flex flex-wrap items-center gap-2 p-3">
                  <AttentionBadge kind={item.kind} />
                  <Link href={item.href} className="font-medium text-brand-700 underline">
                    {item.clientName}
                  </Link>
                  <span className="text-sm">{item.summary}</span>
                </Card>
              </li>
            ))}
          </ul>
        )}
        {attention.length > ATTENTION_SHOWN || sameSides.length > ATTENTION_SHOWN ? (
          <p className="text-sm">
            {`Showing at most ${ATTENTION_SHOWN} of each: ${attention.length} progression ${attention.length === 1 ? "item" : "items"}, ${sameSides.length} run-and-drill ${sameSides.length === 1 ? "match" : "matches"}.`}{" "}
            <Link href="/dashboard/attention" className="font-medium text-brand-700 underline">
              See them all in Needs attention
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="clients-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="clients-heading" className="text-xl font-semibold">
            Clients ({page.total})
          </h2>
          {/* A trainer kept to their own clients has no colleagues' clients to filter to. */}
          {me.clientScope ? null : (
          <nav aria-label="Filter by coach" className="flex flex-wrap gap-2 text-sm">
            <Link href={href({ filters: { coach: null } })} aria-current={coachId === null ? "page" : undefined} className={coachId === null ? "font-semibold" : "text-brand-700 underline"}>
              All coaches
            </Link>
            {coaches.map((c) => (
              <Link key={c.id} href={href({ filters: { coach: c.id } })} aria-current={coachId === c.id ? "page" : undefined} className={coachId === c.id ? "font-semibold" : "text-brand-700 underline"}>
                {c.name}
              </Link>
            ))}
          </nav>
          )}
        </div>
        <SearchForm
          label="Search clients by name"
          query={params.q}
          keep={{ sort: params.sort === "name" ? undefined : params.sort, dir: params.direction === "asc" ? undefined : params.direction, coach: coachId ?? undefined, size: params.size === overviewParams.defaultSize ? undefined : String(params.size) }}
        />
        {params.hasBadCursor ? <Alert tone="info">That page link no longer works, so the list starts from its first page.</Alert> : null}
        {/* On a phone, one card per client (six columns do not fit 390 px); from a tablet up, the table. */}
        <nav aria-label="Sort clients" className="flex flex-wrap items-center gap-1 text-sm md:hidden">
          <span className="mr-1 text-stone-600">Sort by</span>
          {columns.map((c) => (
            <SortLink
              key={c.key}
              label={c.label}
              href={sortHref(c.key)}
              state={sortState(c.key)}
              className={params.sort === c.key ? "rounded-full bg-brand-50 px-3 py-2.5 font-semibold text-brand-800" : "rounded-full px-3 py-2.5 text-brand-700 underline"}
            />
          ))}
        </nav>
        <ul className="space-y-2 md:hidden" aria-label="Clients this week">
          {rows.map((r) => (
            <li key={r.clientId}>
              <Card className="space-y-2 p-4">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <p className="font-medium">
                    <Link href={`/dashboard/clients/${r.clientId}/progress`} className="text-brand-700 underline">
                      {r.name}
                    </Link>
                    {r.status === "invited" ? <span className="ml-2 text-xs text-stone-500">invited</span> : null}
                  </p>
                  <p className="text-sm text-stone-600">{r.lastActivityAt ? <time dateTime={r.lastActivityAt.toISOString()}>{when(r.lastActivityAt, timeZone, now)}</time> : "Nothing logged"}</p>
                </div>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-stone-600">Coach</dt>
                  <dd>{r.coachName}</dd>
                  <dt className="text-stone-600">This week</dt>
                  <dd>
                    {weekText(r)}
                    {checkinText(r) ? <span className="block text-xs text-stone-600">{checkinText(r)}</span> : null}
                  </dd>
                  <dt className="text-stone-600">Streak</dt>
                  <dd>{streakText(r)}</dd>
                  {r.asymmetry ? (
                    <>
                      <dt className="text-stone-600">Asymmetry</dt>
                      <dd>
                        <Badge className="bg-amber-100 text-amber-900">{asymmetryText(r.asymmetry)}</Badge>
                      </dd>
                    </>
                  ) : null}
                  {r.sameSide ? (
                    <>
                      <dt className="text-stone-600">Run and drill</dt>
                      <dd>
                        <Badge className="bg-violet-100 text-violet-900">{sameSideText(r.sameSide)}</Badge>
                      </dd>
                    </>
                  ) : null}
                </dl>
              </Card>
            </li>
          ))}
        </ul>
        <div className="relative hidden overflow-x-auto rounded-xl border border-stone-200 bg-white md:block">
          <table className="w-full text-left text-xs sm:text-sm" aria-label="Clients this week">
            <thead className="bg-stone-50 text-stone-600">
              <tr>
                {columns.map((c) => (
                  <SortHeader key={c.key} label={c.label} href={sortHref(c.key)} state={sortState(c.key)} />
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.clientId} className="border-t border-stone-200">
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={`/dashboard/clients/${r.clientId}/progress`} className="text-brand-700 underline">
                      {r.name}
                    </Link>
                    {r.status === "invited" ? <span className="ml-2 text-xs text-stone-500">invited</span> : null}
                  </th>
                  <td className="px-3 py-2">{r.coachName}</td>
                  <td className="px-3 py-2">
                    {weekText(r)}
                    {checkinText(r) ? <span className="block text-xs text-stone-600">{checkinText(r)}</span> : null}
                  </td>
                  <td className="px-3 py-2">{streakText(r)}</td>
                  <td className="px-3 py-2">
                    {r.asymmetry ? (
                      <Badge className="bg-amber-100 text-amber-900">{asymmetryText(r.asymmetry)}</Badge>
                    ) : r.sameSide ? null : (
                      "–"
                    )}
                    {r.sameSide ? <Badge className="ml-1 bg-violet-100 text-violet-900">{sameSideText(r.sameSide)}</Badge> : null}
                  </td>
                  <td className="px-3 py-2">{r.lastActivityAt ? <time dateTime={r.lastActivityAt.toISOString()}>{when(r.lastActivityAt, timeZone, now)}</time> : "Nothing logged"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {rows.length === 0 && params.q ? <p className="text-stone-600">No client&apos;s name contains &ldquo;{params.q}&rdquo;.</p> : null}
        {pager}
      </section>

      <section aria-labelledby="settings-heading" className="space-y-2">
        <h2 id="settings-heading" className="text-xl font-semibold">
          Asymmetry threshold
        </h2>
        <p className="text-sm text-stone-600">
          A client whose left and right 7-day averages differ by more than this in any drill appears under &ldquo;Needs attention&rdquo;. Default 15%.
        </p>
        <ThresholdForm current={overview.asymmetryThresholdPercent} />
      </section>

      <section aria-labelledby="load-settings-heading" className="space-y-2">
        <h2 id="load-settings-heading" className="text-xl font-semibold">
          Running load spike
        </h2>
        <p className="text-sm text-stone-600">
          A client whose last 7 days of running are more than this many times a usual week of the last four (the last 28 days ÷ 4) appears under &ldquo;Needs
          attention&rdquo;, once a week. Default 1.5; from 1.05 to 3.
        </p>
        {me.role === "owner" ? (
          <LoadSpikeForm current={settings.loadSpikeRatio} />
        ) : (
          <p className="text-sm">
            Now {settings.loadSpikeRatio}×. The studio&apos;s owner sets it.
          </p>
        )}
      </section>

      <section aria-labelledby="pain-settings-heading" className="space-y-2">
        <h2 id="pain-settings-heading" className="text-xl font-semibold">
          Pain that pauses a drill
        </h2>
        <p className="text-sm text-stone-600">
          When a check-in scores pain above this (0–10) at a place a drill loads, on either side, Stride pauses that drill for the client, tells you and shows them why. You resume it. Default 5.
        </p>
        {me.role === "owner" ? (
          <PainPauseForm current={settings.painPauseAbove} />
        ) : (
          <p className="text-sm">
            Now above {settings.painPauseAbove}/10. The studio&apos;s owner sets it.
          </p>
        )}
      </section>
    </div>
  );
}
