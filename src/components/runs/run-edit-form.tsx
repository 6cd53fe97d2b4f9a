"use client";

// session-input brings zod into this page's bundle (see the module); the server checks every
// field (run.update) and its sentences are shown beside the fields.
import "@/lib/zod-without-eval";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { fromLocalInput, SessionExtras, toLocalInput } from "@/components/logging/drill-loggers";
import { SaveFeedback, type Feedback } from "@/components/logging/save-feedback";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { distanceNumber, parseDistance, unitWords, type DistanceUnit } from "@/lib/distance-units";
import { FILE_RUN_FIGURES_MESSAGE, MAX_RUN_DISTANCE_M, type UpdateRunInput } from "@/lib/session-input";
import { formErrorsOf, useTRPC } from "@/trpc/react";

export type EditableRun = {
  id: string;
  source: "typed" | "file";
  startedAt: Date;
  distanceM: number;
  durationS: number;
  effort: number | null;
  hasPain: boolean;
  painWhere: string | null;
  note: string | null;
};

/**
 * The client's correction of one of their runs (within 24 hours of saving it). A typed run
 * takes its date, distance and time again; a run from the watch's file keeps the watch's, and
 * only its effort, pain and note change.
 */
export function RunEditForm({ run, timeZone, unit }: { run: EditableRun; timeZone: string; unit: DistanceUnit }) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.run.update.mutationOptions());
  const isTyped = run.source === "typed";
  const [when, setWhen] = useState(() => toLocalInput(run.startedAt, timeZone));
  const [distance, setDistance] = useState(() => distanceNumber(run.distanceM, unit));
  const [minutes, setMinutes] = useState(() => String(Math.floor(run.durationS / 60)));
  const [seconds, setSeconds] = useState(() => String(run.durationS % 60));
  const [extras, setExtras] = useState({ effort: run.effort, hasPain: run.hasPain, painWhere: run.painWhere ?? "", note: run.note ?? "" });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [feedback, setFeedback] = useState<Feedback>(null);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setFeedback(null);
    const change: UpdateRunInput = {
      id: run.id,
      effort: extras.effort,
      hasPain: extras.hasPain,
      painWhere: extras.hasPain ? extras.painWhere : null,
      note: extras.note,
    };
    if (isTyped) {
      const typed = parseDistance(distance, unit, MAX_RUN_DISTANCE_M);
      if (!typed.ok) {
        setErrors({ "distance.value": typed.message });
        setFeedback({ tone: "error", message: typed.message });
        return;
      }
      change.startedAt = fromLocalInput(when, timeZone) ?? "";
      change.distance = { value: typed.value, unit };
      change.durationSeconds = Math.round(Number(minutes || 0) * 60 + Number(seconds || 0)) || 0;
    }
    setErrors({});
    try {
      await update.mutateAsync(change);
      setFeedback({ tone: "success", message: "Run updated. Your coach sees the change." });
      router.refresh();
    } catch (error) {
      const { message, fields } = formErrorsOf(error);
      setErrors({ ...fields, "distance.value": fields["distance.value"] ?? fields.distance });
      setFeedback({ tone: "error", message: message ?? "This run could not be saved." });
    }
  }

  return (
    <form onSubmit={save} className="space-y-4" noValidate aria-label="Edit the run">
      <Card className="space-y-4 p-4">
        <h2 className="text-lg font-semibold">Edit the run</h2>
        {isTyped ? (
          <>
            <Field label="Date and time" hint={`On your clock (${timeZone.replace(/_/g, " ")}).`} type="datetime-local" value={when} onChange={(e) => (setWhen(e.target.value), setErrors({ ...errors, startedAt: undefined }))} error={errors.startedAt} />
            <Field
              label={`Distance (${unitWords[unit].plural})`}
              inputMode="decimal"
              value={distance}
              onChange={(e) => (setDistance(e.target.value), setErrors({ ...errors, "distance.value": undefined }))}
              error={errors["distance.value"]}
            />
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium text-stone-800">Duration</legend>
              <div className="grid grid-cols-2 gap-2">
                <Field label="Minutes" inputMode="numeric" value={minutes} onChange={(e) => (setMinutes(e.target.value), setErrors({ ...errors, durationSeconds: undefined }))} />
                <Field label="Seconds" inputMode="numeric" value={seconds} onChange={(e) => (setSeconds(e.target.value), setErrors({ ...errors, durationSeconds: undefined }))} />
              </div>
              {errors.durationSeconds ? <p className="text-sm text-red-700">{errors.durationSeconds}</p> : null}
            </fieldset>
          </>
        ) : (
          <p className="text-sm text-stone-700">{FILE_RUN_FIGURES_MESSAGE}</p>
        )}
        <SessionExtras {...extras} errors={errors} onChange={(next) => (setExtras({ ...extras, ...next }), setErrors({ ...errors, effort: undefined, painWhere: undefined, note: undefined }))} noteLabel="Note about the run" />
        <SubmitButton disabled={update.isPending}>{update.isPending ? "Saving…" : "Save changes"}</SubmitButton>
      </Card>
      <SaveFeedback feedback={feedback} />
    </form>
  );
}
