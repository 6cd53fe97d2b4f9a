import type { Metadata } from "next";
import Link from "next/link";
import { ArchiveFormButton, FormDetailsForm } from "@/components/checkins/form-editor/form-details";
import { QuestionForm } from "@/components/checkins/form-editor/question-form";
import { QuestionItem } from "@/components/checkins/form-editor/question-item";
import { Alert, Badge, Card } from "@/components/ui/card";
import { MAX_QUESTIONS_PER_FORM } from "@/lib/checkins/vocabulary";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Check-in form" };

export default async function CheckinFormPage({ params }: { params: Promise<{ formId: string }> }) {
  const { formId } = await params;
  const form = await orForbidden((await api()).checkinForm.get({ formId }));
  const isFull = form.questions.length >= MAX_QUESTIONS_PER_FORM;
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <Link href="/dashboard/check-ins" className="text-sm text-brand-700 underline">
        ← Check-ins
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-2xl font-bold break-words">{form.title}</h1>
        <Badge>{form.kind === "intake" ? "Health questionnaire" : "Check-in"}</Badge>
        {form.isBuiltIn ? <Badge className="bg-brand-100 text-brand-800">Built-in</Badge> : null}
        {form.archivedAt ? <Badge className="bg-amber-100 text-amber-900">Archived</Badge> : null}
      </div>
      {form.archivedAt ? (
        <Alert tone="info">{form.kind === "intake" ? "Archived: new clients are asked no health questions before they start." : "Archived: clients scheduled for it are not asked it."}</Alert>
      ) : null}
      {form.kind === "intake" ? (
        <p className="text-sm text-stone-700">Every new client answers it before their first drill. A yes to a red-flag question holds their programme until a trainer has read it and cleared them.</p>
      ) : (
        <p className="text-sm text-stone-700">
          Scheduled for {form.scheduledClients} {form.scheduledClients === 1 ? "client" : "clients"}
          {form.scheduledPrograms ? ` (through ${form.scheduledPrograms} ${form.scheduledPrograms === 1 ? "programme" : "programmes"})` : ""}; answered {form.answeredCount}{" "}
          {form.answeredCount === 1 ? "time" : "times"}.
        </p>
      )}

      <section aria-labelledby="questions-heading" className="space-y-3">
        <h2 id="questions-heading" className="text-lg font-semibold">
          Questions
        </h2>
        {form.questions.length === 0 ? <p className="text-stone-600">No questions yet: add the first one below.</p> : null}
        <ol className="space-y-2" aria-labelledby="questions-heading">
          {form.questions.map((q, i) => (
            <QuestionItem key={q.id} formId={form.id} formKind={form.kind} question={q} number={i + 1} isFirst={i === 0} isLast={i === form.questions.length - 1} />
          ))}
        </ol>
      </section>

      <section aria-labelledby="add-heading" className="space-y-3">
        <h2 id="add-heading" className="text-lg font-semibold">
          Add a question
        </h2>
        <Card>
          {isFull ? (
            <p className="text-stone-700">This form asks {MAX_QUESTIONS_PER_FORM} questions, the most a form can ask. Remove one to add another.</p>
          ) : (
            <QuestionForm formId={form.id} formKind={form.kind} />
          )}
        </Card>
      </section>

      <section aria-labelledby="details-heading" className="space-y-3">
        <h2 id="details-heading" className="text-lg font-semibold">
          Title and description
        </h2>
        <Card className="space-y-4">
          <FormDetailsForm key={`${form.title}|${form.description}`} formId={form.id} title={form.title} description={form.description} />
          <ArchiveFormButton formId={form.id} kind={form.kind} isArchived={form.archivedAt !== null} />
        </Card>
      </section>
    </div>
  );
}
