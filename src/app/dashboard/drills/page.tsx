import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import { describeDose, describeSchedule, measureLabels } from "@/lib/drills/describe";
import { describeMasteryRule } from "@/server/drills/unlock";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Drills" };

export default async function DrillsPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const showArchived = (await searchParams).archived === "1";
  const drills = await orForbidden((await api()).drill.list({ includeArchived: showArchived }));
  const measureOf = new Map(drills.map((d) => [d.id, d.measure]));
  const builtIn = drills.filter((d) => d.isBuiltIn);
  const own = drills.filter((d) => !d.isBuiltIn);
  const card = (d: (typeof drills)[number]) => (
    <li key={d.id}>
      <Card className="h-full space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="text-lg font-semibold">
            {/* Looks like the link it is: underlined in the link colour, with the focus ring every link has. */}
            <Link href={`/dashboard/drills/${d.id}`} className="rounded-sm text-brand-700 underline decoration-1 underline-offset-4 hover:text-brand-800 hover:decoration-2">
              {d.name}
            </Link>
          </h3>
          <Badge>{d.level}</Badge>
          {d.isBuiltIn ? <Badge className="bg-brand-100 text-brand-800">Built-in</Badge> : null}
          {d.archivedAt ? <Badge className="bg-amber-100 text-amber-900">Archived</Badge> : null}
        </div>
        {d.purpose ? <p className="text-sm text-stone-700">{d.purpose}</p> : null}
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-stone-600">Measured</dt>
          <dd>
            {measureLabels[d.measure]}
            {d.perSide ? " per side" : ""}
            {d.recordsContactFeel ? ", with how short the contact felt" : ""}
          </dd>
          <dt className="text-stone-600">Default</dt>
          <dd>
            {describeDose(d.defaultPrescription, d.measure, d.perSide)} · {describeSchedule(d.defaultPrescription.schedule)}
          </dd>
          {d.equipment.length ? (
            <>
              <dt className="text-stone-600">Equipment</dt>
              <dd>{d.equipment.map((e) => `${e.name}${e.isOptional ? " (optional)" : ""}`).join(", ")}</dd>
            </>
          ) : null}
          {d.prerequisites.map((p) => (
            <div key={p.requiresDrillId} className="contents">
              <dt className="text-stone-600">Unlocks after</dt>
              <dd>
                {p.requiresDrillName}: {describeMasteryRule(p.rule, measureOf.get(p.requiresDrillId) ?? "hold_seconds")}
              </dd>
            </div>
          ))}
        </dl>
      </Card>
    </li>
  );
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">Drills</h1>
        <Link href="/dashboard/drills/new" className="ml-auto inline-flex h-11 items-center rounded-lg bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800">
          New drill
        </Link>
      </div>
      <section aria-labelledby="method-heading" className="space-y-3">
        <h2 id="method-heading" className="text-lg font-semibold">
          The method
        </h2>
        <ul className="grid gap-4 lg:grid-cols-3" aria-label="Built-in drills">
          {builtIn.map(card)}
        </ul>
      </section>
      <section aria-labelledby="own-heading" className="space-y-3">
        <h2 id="own-heading" className="text-lg font-semibold">
          Your studio&apos;s drills
        </h2>
        {own.length === 0 ? <p className="text-stone-600">None yet. Create one, or copy a built-in drill to adapt it.</p> : null}
        <ul className="grid gap-4 lg:grid-cols-3" aria-label="Studio drills">
          {own.map(card)}
        </ul>
        <p className="text-sm">
          <Link href={showArchived ? "/dashboard/drills" : "/dashboard/drills?archived=1"} className="text-brand-700 underline">
            {showArchived ? "Hide archived drills" : "Show archived drills"}
          </Link>
        </p>
      </section>
    </div>
  );
}
