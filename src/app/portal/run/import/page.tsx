import type { Metadata } from "next";
import Link from "next/link";
import { ImportFiles } from "@/components/run-import/import-files";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Import runs" };

export default async function ImportRunsPage() {
  // Clients only (a trainer is shown the portal's refusal), as the upload route allows.
  await orForbidden((await api()).run.importLimits());
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <div>
        <h1 className="text-2xl font-bold">Import runs from your watch</h1>
        <p className="text-stone-600">
          Each file becomes a run with its distance, times, heart rate and running dynamics. A run you already{" "}
          <Link href="/portal/run" className="text-brand-700 underline">
            typed in
          </Link>{" "}
          is matched, and a file imported twice is recognised, so nothing is counted twice.
        </p>
      </div>
      <ImportFiles />
      <details className="text-sm text-stone-700">
        <summary className="cursor-pointer font-medium">Where to find the files</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>Garmin Connect: open the activity, then the gear menu, Export Original (a .zip with the .fit inside).</li>
          <li>Strava: Settings, My Account, Download or delete your account: the zip of all your activities.</li>
          <li>Most running apps: Export as GPX or TCX from the activity&apos;s menu.</li>
        </ul>
      </details>
    </div>
  );
}
