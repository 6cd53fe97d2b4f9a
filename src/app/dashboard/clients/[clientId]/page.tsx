import type { Metadata } from "next";
import Link from "next/link";
import { formatSpan, STATUS_LABEL } from "@/components/booking/format";
import { Alert, Badge, Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import { describeRun } from "@/components/logging/entry-summary";
import { historyItems } from "@/components/logging/history-items";
import { shownIn } from "@/lib/distance-units";
import { formatWhen } from "@/lib/time-wording";
import { prescriptionDateBounds } from "@/server/dates/typed-date";
import { describeDates, describeDose, describeSchedule } from "@/lib/drills/describe";
import { ClientMembershipCard } from "@/components/billing/client-membership";
import { formatDate } from "@/components/billing/price";
import { DeleteClientCard } from "@/components/data-rights/delete-client-card";
import { ScheduleCard } from "@/components/checkins/schedule-card";
import { HealthAnswersCard } from "@/components/checkins/health-answers-card";
import { requireViewer } from "@/app/require-viewer";
import { api, orForbidden } from "@/trpc/server";
import { ApplyProgramForm, AssignDrillForm, AssignmentActions, OverrideLockForm, RevokeOverrideButton } from "./assignment-forms";
import { ClientAdmin } from "./client-admin";
import { CreditsCard } from "./credits-card";

export const metadata: Metadata = { title: "Client" };

const actionLabels = { assigned: "Assigned", changed: "Changed", paused: "Paused", resumed: "Resumed", ended: "Ended" } as const;
const when = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";

type ClientLog = { id: string; context: string; drillNames: string[]; isReviewed: boolean; isEditedAfterReview: boolean; hasPain: boolean; painWhere: string | null; effort: number | null };

/** One session in the client's recent logs (a warm-up sits under its run). */
function SessionLog({ session: s }: { session: ClientLog }) {
  return (
    <>
      <Link href={`/dashboard/sessions/${s.id}`} className="font-medium text-brand-800 underline">
        {s.context === "warmup_before_run" ? "Warm-up" : "Session"}: {s.drillNames.join(", ")}
      </Link>
      {s.isEditedAfterReview ? (
        <Badge className="bg-amber-100 text-amber-900">Edited after review</Badge>
      ) : s.isReviewed ? (
        <Badge className="bg-emerald-100 text-emerald-900">Reviewed</Badge>
      ) : (
        <Badge className="bg-sky-100 text-sky-900">To review</Badge>
      )}
      {s.hasPain ? <Badge className="bg-red-100 text-red-800">Pain: {s.painWhere}</Badge> : null}
      {s.effort ? <span className="text-sm text-stone-600">effort {s.effort}/10</span> : null}
    </>
  );
}

export default async function ClientPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const trpc = await api();
  const client = await orForbidden(trpc.client.get({ clientId }));
  const [me, coaches, { assignments, overrides, today, timeZone }, library, programs] = await Promise.all([
    requireViewer("trainer"),
    orForbidden(trpc.client.coaches()),
    orForbidden(trpc.assignment.forClient({ clientId })),
    orForbidden(trpc.drill.list()),
    orForbidden(trpc.program.list()),
  ]);
  const [sessions, membership] = await Promise.all([orForbidden(trpc.booking.clientBookings({ clientId })), orForbidden(trpc.billing.clientMembership({ clientId }))]);
  const logs = await orForbidden(trpc.review.forClient({ clientId }));
  const deletion = me.role === "owner" ? await orForbidden(trpc.dataRights.deletionPreview({ clientId })) : null;
  const now = new Date();
  const myZone = me.timeZone;
  const isOwner = me.role === "owner";
  const live = assignments.filter((a) => a.status !== "ended");
  const ended = assignments.filter((a) => a.status === "ended");
  return (
    <div className="space-y-6">
      <Link href="/dashboard" className="text-sm text-brand-700 underline">
        ← All clients
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{client.name}</h1>
        <Badge>{client.status}</Badge>
        <Link href={`/dashboard/clients/${client.id}/progress`} className="text-brand-700 underline">
          Progress
        </Link>
        <Link href={`/dashboard/clients/${client.id}/check-ins`} className="text-brand-700 underline">
          Check-ins
        </Link>
        <Link href={`/dashboard/messages/${client.id}`} className="text-brand-700 underline">
          Message
        </Link>
      </div>
      {client.status === "invited" ? (
        <Alert tone="info">{client.name} has not accepted the invite yet. Drills you assign now are waiting for them.</Alert>
      ) : null}
      <Card className="space-y-4">
        <dl className="grid gap-3 sm:grid-cols-4">
          <div>
            <dt className="text-sm text-stone-600">Email</dt>
            <dd className="break-all">{client.email}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">Coach</dt>
            <dd>{client.coachName}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">Time zone</dt>
            <dd>{client.status === "invited" ? "Set when they accept" : timeZone}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">Client since</dt>
            <dd>{formatDate(client.clientSince, myZone)}</dd>
          </div>
        </dl>
        <ClientAdmin clientId={client.id} status={client.status} coachId={client.coachId} coaches={coaches} isOwner={isOwner} />
      </Card>

      <HealthAnswersCard clientId={client.id} clientName={client.name} timeZone={myZone} />

      <section aria-labelledby="logs-heading" className="space-y-3">
        <h2 id="logs-heading" className="text-xl font-semibold">
          Recent logs
        </h2>
        {logs.runs.length > 0 ? <p className="text-sm text-stone-600">{shownIn(me.distanceUnit)}</p> : null}
        {logs.sessions.length === 0 && logs.runs.length === 0 ? (
          <p className="text-stone-600">Nothing logged yet.</p>
        ) : (
          <Card className="p-0">
            <ul className="divide-y divide-stone-200" aria-label="Recent logs">
              {historyItems(logs.sessions, logs.runs)
                .slice(0, 20)
                .map((item) =>
                  item.kind === "session" ? (
                    <li key={item.session.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
                      <span className="w-full text-xs text-stone-500 sm:w-44">{formatWhen(item.at, myZone, now)}</span>
                      <SessionLog session={item.session} />
                    </li>
                  ) : (
                    <li key={item.run.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
                      <span className="w-full text-xs text-stone-500 sm:w-44">{formatWhen(item.at, myZone, now)}</span>
                      <Link href={`/dashboard/runs/${item.run.id}`} className="font-medium text-brand-800 underline">
                        Run: {describeRun(item.run.distanceM, item.run.durationS, me.distanceUnit)}
                      </Link>
                      {item.run.hasPain ? <Badge className="bg-red-100 text-red-800">Pain: {item.run.painWhere}</Badge> : null}
                      {item.run.hasPain && !item.run.isReviewed ? <Badge className="bg-sky-100 text-sky-900">To acknowledge</Badge> : null}
                      {item.run.effort ? <span className="text-sm text-stone-600">effort {item.run.effort}/10</span> : null}
                      {item.run.note ? <span className="text-sm text-stone-600">“{item.run.note}”</span> : null}
                      {item.warmups.map((w) => (
                        <span key={w.id} className="flex w-full flex-wrap items-center gap-x-3 gap-y-1 sm:pl-44">
                          <SessionLog session={w} />
                        </span>
                      ))}
                    </li>
                  ),
                )}
            </ul>
          </Card>
        )}
      </section>

      <ScheduleCard clientId={client.id} />

      <section aria-labelledby="drills-heading" className="space-y-3">
        <h2 id="drills-heading" className="text-xl font-semibold">
          Drills
        </h2>
        {live.length === 0 ? <p className="text-stone-600">No drills assigned yet. Apply a program or assign a drill below.</p> : null}
        <ul className="space-y-3" aria-label="Assigned drills">
          {live.map((a) => (
            <li key={a.id}>
              <Card className="space-y-3">
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <h3 className="text-lg font-semibold">{a.drill.name}</h3>
                  <Badge className={a.status === "paused" ? "bg-amber-100 text-amber-900" : undefined}>{a.status}</Badge>
                  <span className="text-sm text-stone-600">version {a.version}</span>
                </div>
                <p>
                  {describeDose(a.prescription, a.drill.measure, a.drill.perSide)} · {describeSchedule(a.prescription.schedule)} ·{" "}
                  {describeDates(a.prescription)}
                </p>
                {a.prescription.notes ? <p className="text-sm text-stone-700">Note: {a.prescription.notes}</p> : null}
                {a.status === "paused" && a.pausedBy?.reason ? <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">Paused by Stride: {a.pausedBy.reason} Resume it when they are ready.</p> : null}
                {a.lock.progress.length > 0 ? (
                  <div className="space-y-2 rounded-lg bg-stone-50 p-3 text-sm">
                    {a.lock.reason === "locked" ? (
                      <p>
                        <strong>Locked.</strong> Unlocks at{" "}
                        {a.lock.progress
                          .map(
                            (p) =>
                              `${p.requirement} (${p.evaluation.qualifyingDays} of ${p.evaluation.requiredDays} days so far)` +
                              (p.pain && p.painRequirement ? `, and ${p.painRequirement} (${p.pain.counted} of ${p.pain.needed} check-ins so far${p.pain.offending ? `; ${p.pain.offending.score}/10 on ${p.pain.offending.reading.localDate}` : ""})` : ""),
                          )
                          .join("; ")}
                        .
                      </p>
                    ) : a.lock.reason === "override" ? (
                      <p>
                        <strong>Unlocked early</strong>: {a.lock.overrideReason}
                      </p>
                    ) : (
                      <p>
                        <strong>Unlocked</strong>: prerequisite mastered.
                      </p>
                    )}
                    {a.lock.reason === "locked" ? <OverrideLockForm clientId={client.id} drillId={a.drill.id} drillName={a.drill.name} /> : null}
                    {a.lock.reason === "override" ? <RevokeOverrideButton clientId={client.id} drillId={a.drill.id} drillName={a.drill.name} /> : null}
                  </div>
                ) : null}
                <AssignmentActions
                  assignmentId={a.id}
                  drillName={a.drill.name}
                  status={a.status}
                  prescription={a.prescription}
                  measure={a.drill.measure}
                  perSide={a.drill.perSide}
                />
                <History versions={a.history} measure={a.drill.measure} perSide={a.drill.perSide} />
              </Card>
            </li>
          ))}
        </ul>
        {ended.length > 0 ? (
          <details className="rounded-xl border border-stone-200 bg-white p-4">
            <summary className="cursor-pointer font-medium">Ended ({ended.length})</summary>
            <ul className="mt-3 space-y-3">
              {ended.map((a) => (
                <li key={a.id} className="space-y-1">
                  <p className="font-medium">{a.drill.name}</p>
                  <History versions={a.history} measure={a.drill.measure} perSide={a.drill.perSide} />
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      {client.status !== "archived" ? (
        <section aria-labelledby="assign-heading" className="space-y-3">
          <h2 id="assign-heading" className="text-xl font-semibold">
            Assign
          </h2>
          <div className="grid gap-4 lg:grid-cols-2">
            <Card className="space-y-2">
              <h3 className="font-semibold">A program</h3>
              <p className="text-sm text-stone-600">All its drills in one step. Drills this client already has keep their prescriptions.</p>
              <ApplyProgramForm clientId={client.id} programs={programs.map((p) => ({ id: p.id, name: p.name }))} />
            </Card>
            <Card className="space-y-2">
              <h3 className="font-semibold">One drill</h3>
              <AssignDrillForm
                clientId={client.id}
                today={today}
                dateBounds={prescriptionDateBounds(today)}
                drills={library.map((d) => ({ id: d.id, name: d.name, measure: d.measure, perSide: d.perSide, defaultPrescription: d.defaultPrescription }))}
              />
            </Card>
          </div>
        </section>
      ) : null}

      {overrides.length > 0 ? (
        <section aria-labelledby="unlocks-heading" className="space-y-2">
          <h2 id="unlocks-heading" className="text-xl font-semibold">
            Early unlocks
          </h2>
          <ul className="space-y-1 text-sm">
            {overrides.map((o) => (
              <li key={o.id}>
                <strong>{o.drillName}</strong> unlocked by {o.byName} on {when(o.createdAt)}: “{o.reason}”
                {o.revokedAt ? ` (locked again ${when(o.revokedAt)})` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

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
      <ClientMembershipCard membership={membership} timeZone={me.timeZone} />
      {deletion ? <DeleteClientCard preview={deletion} /> : null}
    </div>
  );
}

function History({
  versions,
  measure,
  perSide,
}: {
  versions: { id: string; version: number; action: keyof typeof actionLabels; sets: number; targetPerSide: number | null; repMin: number | null; repMax: number | null; daily: boolean; beforeRun: boolean; startDate: string; endDate: string | null; changedByName: string | null; changedByMemberId: string | null; reason: string | null; createdAt: Date }[];
  measure: Parameters<typeof describeDose>[1];
  perSide: boolean;
}) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700">History ({versions.length})</summary>
      <ol className="mt-2 space-y-1 border-l-2 border-stone-200 pl-3">
        {versions.map((v) => (
          <li key={v.id}>
            <span className="font-medium">
              v{v.version} {actionLabels[v.action]}
            </span>{" "}
            {v.changedByMemberId === null && v.reason ? (
              // A change the app made by itself (a pain report), with the reason it gave.
              <>
                by Stride, {when(v.createdAt)}: {v.reason}
              </>
            ) : (
              <>
                by {v.changedByName ?? "Stride"}, {when(v.createdAt)}: {describeDose(v, measure, perSide)} · {describeSchedule({ daily: v.daily, beforeRun: v.beforeRun })} ·{" "}
                {describeDates(v)}
              </>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
