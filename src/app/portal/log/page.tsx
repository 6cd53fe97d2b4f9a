import type { Metadata } from "next";
import Link from "next/link";
import { toLoggerDrill } from "@/components/logging/logger-drill";
import { SessionForm } from "@/components/logging/session-form";
import { HeldForHealthCard } from "@/components/checkins/intake/held-card";
import { formatDistance } from "@/lib/distance-units";
import { formatWhen } from "@/lib/time-wording";
import { viewerDistanceUnit } from "@/app/require-viewer";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Log drills" };

export default async function LogPage() {
  const trpc = await api();
  const [today, recent, unit] = await Promise.all([orForbidden(trpc.portal.today()), orForbidden(trpc.session.recentRuns()), viewerDistanceUnit()]);
  const now = new Date();
  const runs = recent.map((r) => ({ id: r.id, label: `${formatDistance(r.distanceM, unit)} run at ${formatWhen(r.startedAt, today.timeZone, now)}` }));
  // Every unlocked drill on the client's list: today's daily ones first, then the warm-up ones.
  const unlocked = today.drills.filter((d) => d.lock.isUnlocked);
  const drills = [...unlocked.filter((d) => d.isDueToday), ...unlocked.filter((d) => !d.isDueToday)].map(toLoggerDrill);
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <div>
        <h1 className="text-2xl font-bold">Log drills</h1>
        <p className="text-stone-600">
          Fill in the drills you did; leave the others empty. Warming up for a run? <Link href="/portal/run" className="font-medium text-brand-700 underline">Log the run</Link> and its warm-up together.
        </p>
      </div>
      {today.isHeldForHealth ? <HeldForHealthCard /> : <SessionForm drills={drills} timeZone={today.timeZone} runs={runs} />}
    </div>
  );
}
