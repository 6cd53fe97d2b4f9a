import type { Metadata } from "next";
import Link from "next/link";
import { toLoggerDrill } from "@/components/logging/logger-drill";
import { RunForm } from "@/components/logging/run-form";
import { viewerDistanceUnit } from "@/app/require-viewer";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Log a run" };

export default async function RunPage() {
  const trpc = await api();
  const [today, unit] = await Promise.all([orForbidden(trpc.portal.today()), viewerDistanceUnit()]);
  // "Before each run" drills are what the warm-up offers.
  const warmup = today.drills.filter((d) => d.isBeforeRun && d.lock.isUnlocked).map(toLoggerDrill);
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <div>
        <h1 className="text-2xl font-bold">Log a run</h1>
        <p className="text-stone-600">The run, and the drills you did as its warm-up.</p>
        <p className="mt-1 text-sm">
          Recorded on a watch?{" "}
          <Link href="/portal/run/import" className="font-medium text-brand-700 underline">
            Import its files
          </Link>{" "}
          (FIT, GPX, TCX or a zip of them).
        </p>
      </div>
      <RunForm warmupDrills={warmup} timeZone={today.timeZone} unit={unit} />
    </div>
  );
}
