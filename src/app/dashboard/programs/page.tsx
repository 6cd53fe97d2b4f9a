import type { Metadata } from "next";
import { Badge, Card } from "@/components/ui/card";
import { describeDose, describeSchedule } from "@/lib/drills/describe";
import { api, orForbidden } from "@/trpc/server";
import { ScheduleCard } from "@/components/checkins/schedule-card";
import { ApplyToClientsForm, ArchiveProgramButton, CreateProgramForm, EditProgramForm } from "./program-forms";

export const metadata: Metadata = { title: "Programs" };

export default async function ProgramsPage() {
  const trpc = await api();
  const [programs, clients, drills] = await Promise.all([
    orForbidden(trpc.program.list()),
    orForbidden(trpc.client.list({})),
    orForbidden(trpc.drill.list()),
  ]);
  const assignable = clients.filter((c) => c.status !== "archived").map((c) => ({ id: c.id, name: c.name, coachName: c.coachName }));
  const library = drills.map((d) => ({ id: d.id, name: d.name, measure: d.measure, perSide: d.perSide, defaultPrescription: d.defaultPrescription }));
  // A program can still hold a drill archived since: the edit form shows it, so it can be taken out.
  const optionsFor = (p: (typeof programs)[number]) => [
    ...library,
    ...p.items
      .filter((i) => i.isArchived && !library.some((d) => d.id === i.drillId))
      .map((i) => ({ id: i.drillId, name: i.drillName, measure: i.measure, perSide: i.perSide, defaultPrescription: i.prescription, isArchived: true })),
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Programs</h1>
      <ul className="space-y-4" aria-label="Programs">
        {programs.map((p) => (
          <li key={p.id}>
            <Card className="space-y-3">
              <div className="flex flex-wrap items-center gap-2">
                <h2 className="text-lg font-semibold">{p.name}</h2>
                {p.isBuiltIn ? <Badge className="bg-brand-100 text-brand-800">Built-in</Badge> : null}
              </div>
              {p.description ? <p className="text-sm text-stone-700">{p.description}</p> : null}
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {p.items.map((i) => (
                  <li key={i.drillId}>
                    <strong>{i.drillName}</strong>: {describeDose(i.prescription, i.measure, i.perSide)} · {describeSchedule(i.prescription.schedule)}
                  </li>
                ))}
              </ul>
              <details className="rounded-lg border border-stone-200 p-3">
                <summary className="cursor-pointer font-medium text-brand-700">Apply {p.name} to clients</summary>
                <div className="mt-3">
                  <ApplyToClientsForm programId={p.id} programName={p.name} clients={assignable} />
                </div>
              </details>
              <ScheduleCard programId={p.id} programName={p.name} />
              {p.isBuiltIn ? (
                <p className="text-sm text-stone-600">Built-in programs stay as the method describes them; to change one, build your own program below.</p>
              ) : (
                <details className="rounded-lg border border-stone-200 p-3">
                  <summary className="cursor-pointer font-medium text-brand-700">Edit {p.name}</summary>
                  <div className="mt-3">
                    <EditProgramForm program={{ id: p.id, name: p.name, description: p.description, items: p.items }} drills={optionsFor(p)} />
                  </div>
                </details>
              )}
              {!p.isBuiltIn ? <ArchiveProgramButton programId={p.id} programName={p.name} /> : null}
            </Card>
          </li>
        ))}
      </ul>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">New program</h2>
        <CreateProgramForm drills={library} />
      </Card>
    </div>
  );
}
