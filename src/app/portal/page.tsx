import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { formatSpan } from "@/components/booking/format";
import { Button } from "@/components/ui/button";
import { UnlockNotice } from "@/components/progression/unlock-notice";
import { CheckinsTodayLazy } from "@/components/checkins/checkins-today-lazy";
import { HeldForHealthCard } from "@/components/checkins/intake/held-card";
import { Badge, Card } from "@/components/ui/card";
import { describeDates, describeDose, describeSchedule } from "@/lib/drills/describe";
import type { TodayWithDone } from "@/server/progression/today";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Today" };

const longDate = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });

export default async function PortalHome() {
  const trpc = await api();
  // A new client answers the health questions before their first drill.
  if ((await orForbidden(trpc.intake.status())).status === "to_answer") redirect("/portal/intake");
  const [me, today, sessions, unlocks, checkins] = await Promise.all([orForbidden(trpc.portal.me()), orForbidden(trpc.portal.todayDone()), orForbidden(trpc.portalBooking.list()), orForbidden(trpc.progression.unlockNotices()), orForbidden(trpc.checkin.due())]);
  const daily = today.drills.filter((d) => d.isDueToday);
  const beforeRun = today.drills.filter((d) => d.isBeforeRun);
  const next = sessions.upcoming.find((b) => b.status === "confirmed");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Today</h1>
        <p className="text-stone-600">
          {longDate(today.localDate)} · Hi {me.name.split(" ")[0]}, your coach is <strong>{me.coachName}</strong>.
        </p>
        {daily.length > 0 ? <StreakLine streak={today.streak} /> : null}
      </div>
      <UnlockNotice unlocks={unlocks} />
      <CheckinsTodayLazy due={checkins} />
      {today.drills.length > 0 ? (
        <div className="grid grid-cols-2 gap-3">
          <Button asChild size="lg">
            <Link href="/portal/log">Log drills</Link>
          </Button>
          <Button asChild size="lg" variant="secondary">
            <Link href="/portal/run">Log a run</Link>
          </Button>
        </div>
      ) : null}
      {today.isHeldForHealth ? (
        <HeldForHealthCard />
      ) : today.drills.length === 0 ? (
        <Card>
          <p className="text-stone-700">Nothing is due today. The drills {me.coachName} assigns you show up here, day by day.</p>
        </Card>
      ) : null}
      {daily.length > 0 ? (
        <section aria-labelledby="today-heading" className="space-y-3">
          <h2 id="today-heading" className="text-lg font-semibold">
            Due today
          </h2>
          <ul className="space-y-3" aria-label="Due today">
            {daily.map((d) => (
              <li key={d.assignmentId}>
                <DrillCard item={d} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {beforeRun.length > 0 ? (
        <section aria-labelledby="run-heading" className="space-y-3">
          <h2 id="run-heading" className="text-lg font-semibold">
            Before your next run
          </h2>
          <p className="text-sm text-stone-600">Part of your warm-up, just before you set off.</p>
          <ul className="space-y-3" aria-label="Before your next run">
            {beforeRun.map((d) => (
              <li key={d.assignmentId}>
                <DrillCard item={d} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {today.upcoming.length > 0 || today.paused.length > 0 ? (
        <section aria-labelledby="later-heading" className="space-y-2 text-sm text-stone-700">
          <h2 id="later-heading" className="text-lg font-semibold text-stone-900">
            Coming up and paused
          </h2>
          <ul className="list-disc space-y-1 pl-5">
            {today.upcoming.map((u) => (
              <li key={u.assignmentId}>
                {u.drillName} starts {longDate(u.startDate)}
              </li>
            ))}
            {today.paused.map((p) => (
              <li key={p.assignmentId}>
                {p.reason ? `${p.drillName} is paused after your check-in: ${p.reason} Your coach will resume it with you.` : `${p.drillName} is paused by your coach`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
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

type TodayItem = TodayWithDone["drills"][number];

function StreakLine({ streak }: { streak: TodayWithDone["streak"] }) {
  const days = `${streak.current} ${streak.current === 1 ? "day" : "days"}`;
  return (
    <p className="text-sm text-stone-700" aria-label="Streak" data-testid="today-streak">
      <span className="font-semibold text-stone-900">Streak: {days}</span>
      {streak.isTodayDone ? " · today counts." : streak.current > 0 ? " · finish today's drills to keep it going." : " · finish today's drills to start one."}
    </p>
  );
}

function DoneState({ item }: { item: TodayItem }) {
  const { done } = item;
  if (done.lines.length === 0) return null;
  return (
    <div className={done.isDone ? "space-y-1 rounded-md bg-green-50 p-3 text-sm text-green-900" : "space-y-1 rounded-md bg-amber-50 p-3 text-sm text-amber-900"} aria-label={done.isDone ? "Done today" : "Logged in part today"}>
      <p className="font-semibold">{done.isDone ? "Done today" : `Logged in part: the ${done.missingSide} side is still to do`}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        {done.lines.map((l) => (
          <div key={l.label} className="contents">
            <dt className="font-medium">{l.label}</dt>
            <dd>{l.values}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function DrillCard({ item }: { item: TodayItem }) {
  const { drill, prescription, lock, done } = item;
  const isLocked = !lock.isUnlocked;
  return (
    <Card className={isLocked ? "space-y-3 bg-stone-100" : "space-y-3"} aria-label={drill.name} role="article">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-lg font-semibold">{drill.name}</h3>
        {done.isDone ? (
          <Badge className="bg-green-700 text-white">
            <span aria-hidden="true">✓ </span>Done
          </Badge>
        ) : null}
        {isLocked ? <Badge className="bg-stone-700 text-white">Locked</Badge> : null}
        {lock.reason === "override" ? <Badge className="bg-brand-100 text-brand-800">Unlocked by your coach</Badge> : null}
        {drill.level === "advanced" && !isLocked ? <Badge>Advanced</Badge> : null}
      </div>
      <p className="font-medium">{describeDose(prescription, drill.measure, drill.perSide)}</p>
      <p className="text-sm text-stone-600">
        {describeSchedule(prescription.schedule)} · {describeDates(prescription)}
      </p>
      {prescription.notes ? <p className="text-sm">{prescription.notes}</p> : null}
      <DoneState item={item} />
      {!isLocked && done.lines.length > 0 ? (
        <p className="text-sm">
          <Link href="/portal/log" className="font-medium text-brand-700 underline">
            {done.isDone ? "Log again" : "Log the rest"}
          </Link>
        </p>
      ) : null}
      {isLocked ? (
        <div className="space-y-1 text-sm">
          <p>
            <strong>Unlocks when you reach</strong>
          </p>
          <ul className="list-disc pl-5">
            {lock.progress.map((p) => (
              <li key={p.requiresDrillId}>
                {p.evaluation.isMet ? (
                  <>{p.requirement}: done ({p.evaluation.qualifyingDays} of {p.evaluation.requiredDays} days).</>
                ) : (
                  <>
                    {p.requirement}. So far: {p.evaluation.qualifyingDays} of {p.evaluation.requiredDays} days.
                    {p.evaluation.earliestMetDate ? ` Keep it up every day and it can open on ${longDate(p.evaluation.earliestMetDate)}.` : ""}
                  </>
                )}
                {p.pain && p.painRequirement ? ` And your ${p.painRequirement}: ${p.pain.counted} of ${p.pain.needed} so far.` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-brand-700">How to do it</summary>
          <div className="mt-2 space-y-3">
            {drill.purpose ? <p>{drill.purpose}</p> : null}
            <ol className="list-decimal space-y-1 pl-5">
              {drill.steps.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ol>
            {drill.cues.length ? (
              <div>
                <p className="font-medium">Keep in mind</p>
                <ul className="list-disc space-y-1 pl-5">
                  {drill.cues.map((c, i) => (
                    <li key={i}>{c}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {drill.equipment.length ? (
              <p>
                <span className="font-medium">You need: </span>
                {drill.equipment.map((e) => `${e.name}${e.isOptional ? " (optional)" : ""}${e.note ? `: ${e.note}` : ""}`).join("; ")}
              </p>
            ) : null}
            {drill.videoUrl ? (
              <p>
                <a href={drill.videoUrl} className="text-brand-700 underline" rel="noreferrer noopener" target="_blank">
                  Watch the video
                </a>
              </p>
            ) : null}
          </div>
        </details>
      )}
    </Card>
  );
}
