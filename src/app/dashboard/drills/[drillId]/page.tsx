import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Badge, Card } from "@/components/ui/card";
import { describeDose, describeSchedule, measureLabels } from "@/lib/drills/describe";
import { describeMasteryRule, describePainCondition } from "@/server/drills/unlock";
import { api, orForbidden } from "@/trpc/server";
import { DrillForm } from "../drill-form";
import { describePlaces } from "@/server/checkins/pain-rules";
import { ArchiveDrillButton, CopyDrillButton, PainPlacesForm, PrerequisiteForm } from "../drill-actions";

export const metadata: Metadata = { title: "Drill" };

export default async function DrillPage({ params }: { params: Promise<{ drillId: string }> }) {
  const { drillId } = await params;
  const trpc = await api();
  const [drill, library, defaults] = await Promise.all([orForbidden(trpc.drill.get({ drillId })), orForbidden(trpc.drill.list()), orForbidden(trpc.studio.defaults())]);
  const prerequisite = drill.prerequisites[0] ?? null;
  const requiredMeasure = library.find((d) => d.id === prerequisite?.requiresDrillId)?.measure ?? "hold_seconds";
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <Link href="/dashboard/drills" className="text-sm text-brand-700 underline">
        ← Drills
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-2xl font-bold">{drill.name}</h1>
        <Badge>{drill.level}</Badge>
        {drill.isBuiltIn ? <Badge className="bg-brand-100 text-brand-800">Built-in</Badge> : null}
        {drill.archivedAt ? <Badge className="bg-amber-100 text-amber-900">Archived</Badge> : null}
      </div>
      {drill.archivedAt ? <Alert tone="info">Archived: it no longer appears when assigning. Clients who have it keep it, and their history keeps its meaning.</Alert> : null}
      <Card className="space-y-4">
        {drill.purpose ? <p>{drill.purpose}</p> : null}
        <div>
          <h2 className="font-semibold">Steps</h2>
          <ol className="mt-1 list-decimal space-y-1 pl-5">
            {drill.steps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
        </div>
        {drill.cues.length ? (
          <div>
            <h2 className="font-semibold">Cues</h2>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {drill.cues.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-stone-600">Equipment</dt>
          <dd>{drill.equipment.length ? drill.equipment.map((e) => `${e.name}${e.isOptional ? " (optional)" : ""}${e.note ? `: ${e.note}` : ""}`).join("; ") : "None"}</dd>
          <dt className="text-stone-600">Measured</dt>
          <dd>
            {measureLabels[drill.measure]}
            {drill.perSide ? " per side" : ""}
            {drill.recordsContactFeel ? ", with how short the contact felt" : ""}
          </dd>
          <dt className="text-stone-600">Default</dt>
          <dd>
            {describeDose(drill.defaultPrescription, drill.measure, drill.perSide)} · {describeSchedule(drill.defaultPrescription.schedule)}
            {drill.defaultPrescription.notes ? `. ${drill.defaultPrescription.notes}` : ""}
          </dd>
          {drill.videoUrl ? (
            <>
              <dt className="text-stone-600">Video</dt>
              <dd>
                <a href={drill.videoUrl} className="break-all text-brand-700 underline" rel="noreferrer noopener" target="_blank">
                  {drill.videoUrl}
                </a>
              </dd>
            </>
          ) : null}
          {prerequisite ? (
            <>
              <dt className="text-stone-600">Unlocks after</dt>
              <dd>
                {prerequisite.requiresDrillName}: {describeMasteryRule(prerequisite.rule, requiredMeasure)}
                {prerequisite.painCondition ? `, and ${describePainCondition(prerequisite.painCondition, drill.painPlaces)}` : ""}
              </dd>
            </>
          ) : null}
          <dt className="text-stone-600">Loads</dt>
          <dd>{drill.painPlaces.length ? describePlaces(drill.painPlaces).replace(/ or /, " and ") : "No place set"}</dd>
        </dl>
        {drill.isBuiltIn ? (
          <div className="space-y-2 border-t border-stone-200 pt-4">
            <p className="text-sm text-stone-600">Built-in drills are the method as written; copy one into your library to change its words or default.</p>
            <CopyDrillButton drillId={drill.id} drillName={drill.name} />
          </div>
        ) : null}
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Prerequisite and mastery rule</h2>
        <p className="text-sm text-stone-600">
          A client sees this drill locked until they reach the minimum on both sides on enough days (and, if you ask it, their pain stayed low in their last check-ins), or until you unlock it for them.
        </p>
        <PrerequisiteForm
          drillId={drill.id}
          current={prerequisite ? { requiresDrillId: prerequisite.requiresDrillId, rule: prerequisite.rule, painCondition: prerequisite.painCondition } : null}
          defaultRule={defaults.masteryRule}
          options={library.filter((d) => d.id !== drill.id && d.perSide).map((d) => ({ id: d.id, name: d.name }))}
        />
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Places this drill loads</h2>
        <p className="text-sm text-stone-600">
          When a client&apos;s check-in scores pain at one of these places above your studio&apos;s threshold, Stride pauses this drill for them and tells you. A pain condition on its unlock reads these places too.
        </p>
        <PainPlacesForm drillId={drill.id} current={drill.painPlaces} />
      </Card>
      {!drill.isBuiltIn ? (
        <>
          <Card className="space-y-3">
            <h2 className="text-lg font-semibold">Edit</h2>
            <DrillForm
              drillId={drill.id}
              initial={{
                name: drill.name,
                purpose: drill.purpose,
                steps: drill.steps,
                cues: drill.cues,
                equipment: drill.equipment,
                level: drill.level,
                measure: drill.measure,
                perSide: drill.perSide,
                recordsContactFeel: drill.recordsContactFeel,
                videoUrl: drill.videoUrl,
                defaultPrescription: drill.defaultPrescription,
              }}
            />
          </Card>
          <ArchiveDrillButton drillId={drill.id} isArchived={!!drill.archivedAt} />
        </>
      ) : null}
    </div>
  );
}
