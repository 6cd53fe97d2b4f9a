import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { IntakeForm } from "@/components/checkins/intake/intake-form";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Health questions" };

// Where a new client lands before their first drill (Today sends them here while the studio's
// health questions are unanswered). Answered once; afterwards Today is the place.
export default async function IntakePage() {
  const intake = await orForbidden((await api()).intake.status());
  if (intake.status !== "to_answer") redirect("/portal");
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{intake.form.title}</h1>
        {intake.form.description ? <p className="text-stone-700">{intake.form.description}</p> : null}
      </div>
      <IntakeForm formId={intake.form.id} questions={intake.questions} />
    </div>
  );
}
