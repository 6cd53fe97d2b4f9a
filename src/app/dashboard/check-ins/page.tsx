import type { Metadata } from "next";
import Link from "next/link";
import { NewCheckinForm } from "@/components/checkins/form-editor/new-form";
import { Badge, Card } from "@/components/ui/card";
import { QUESTION_KIND_LABELS } from "@/lib/checkins/vocabulary";
import type { FormSummary } from "@/server/checkins/form-editor";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Check-ins" };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function whoIsAsked(form: FormSummary): string {
  if (form.archivedAt) return form.kind === "intake" ? "Archived: new clients are asked no health questions." : "Archived: nobody is asked it.";
  if (form.kind === "intake") return "Asked of every new client before their first drill.";
  if (form.scheduledClients === 0 && form.scheduledPrograms === 0) return "Not scheduled for anyone yet.";
  const programs = form.scheduledPrograms ? ` (${plural(form.scheduledPrograms, "programme")})` : "";
  return `Scheduled for ${plural(form.scheduledClients, "client")}${programs}.`;
}

function FormCard({ form }: { form: FormSummary }) {
  return (
    <li>
      <Card className="h-full space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="text-lg font-semibold">
            <Link href={`/dashboard/check-ins/${form.id}`} className="rounded-sm text-brand-700 underline decoration-1 underline-offset-4 hover:text-brand-800 hover:decoration-2">
              {form.title}
            </Link>
          </h3>
          {form.isBuiltIn ? <Badge className="bg-brand-100 text-brand-800">Built-in</Badge> : null}
          {form.archivedAt ? <Badge className="bg-amber-100 text-amber-900">Archived</Badge> : null}
        </div>
        {form.description ? <p className="text-sm text-stone-700">{form.description}</p> : null}
        <p className="text-sm">{whoIsAsked(form)}</p>
        <details className="text-sm">
          <summary className="cursor-pointer text-stone-700">
            Asks {plural(form.asks.length, "question")}
            {form.answeredCount ? ` · answered ${plural(form.answeredCount, "time")}` : ""}
          </summary>
          <ol className="mt-1 list-decimal space-y-0.5 pl-5 text-stone-800">
            {form.asks.map((q, i) => (
              <li key={i}>
                {q.prompt} <span className="text-stone-500">({QUESTION_KIND_LABELS[q.kind].toLowerCase()})</span>
              </li>
            ))}
          </ol>
        </details>
      </Card>
    </li>
  );
}

export default async function CheckinFormsPage() {
  const forms = await orForbidden((await api()).checkinForm.list());
  const live = forms.filter((f) => !f.archivedAt);
  const intake = live.filter((f) => f.kind === "intake");
  const checkins = live.filter((f) => f.kind === "checkin");
  const archived = forms.filter((f) => f.archivedAt);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Check-ins</h1>
        <p className="text-stone-700">The questions your clients answer: the health questionnaire before they start, and the check-ins you schedule.</p>
      </div>
      <section aria-labelledby="intake-heading" className="space-y-3">
        <h2 id="intake-heading" className="text-lg font-semibold">
          Health questionnaire
        </h2>
        {intake.length === 0 ? <p className="text-stone-600">None: new clients are asked no health questions. Restore it below to ask them again.</p> : null}
        <ul className="grid gap-4 lg:grid-cols-2" aria-label="Health questionnaire">
          {intake.map((f) => (
            <FormCard key={f.id} form={f} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="checkins-heading" className="space-y-3">
        <h2 id="checkins-heading" className="text-lg font-semibold">
          Check-in forms
        </h2>
        <ul className="grid gap-4 lg:grid-cols-2" aria-label="Check-in forms">
          {checkins.map((f) => (
            <FormCard key={f.id} form={f} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="new-heading" className="max-w-xl space-y-3">
        <h2 id="new-heading" className="text-lg font-semibold">
          New check-in form
        </h2>
        <Card>
          <NewCheckinForm />
        </Card>
      </section>
      {archived.length ? (
        <section aria-labelledby="archived-heading" className="space-y-3">
          <h2 id="archived-heading" className="text-lg font-semibold">
            Archived
          </h2>
          <ul className="grid gap-4 lg:grid-cols-2" aria-label="Archived forms">
            {archived.map((f) => (
              <FormCard key={f.id} form={f} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
