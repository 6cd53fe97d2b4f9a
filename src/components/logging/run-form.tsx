"use client";

// These forms parse with zod in the browser; only they pull zod into a page (see the module).
import "@/lib/zod-without-eval";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { SaveFeedback, type Feedback } from "./save-feedback";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formatDistance, parseDistance, unitWords, type DistanceUnit } from "@/lib/distance-units";
import { enqueue, newDeviceId, removePending } from "@/lib/offline-queue";
import { fromZod, logRunInputAt, logSessionInputFor, MAX_RUN_DISTANCE_M, type LogRunInput, type LogSessionInput } from "@/lib/session-input";
import { formErrorsOf } from "@/trpc/react";
import { clearChanged, DrillLoggers, emptyValues, entriesOf, fromLocalInput, SessionExtras, toLocalInput, type LoggerDrill, type LoggerValues } from "./drill-loggers";
import { errorsByKey, loggableMap } from "./session-form";
import { useSender, type SendResult } from "./use-sync";
import { SubmitButton } from "@/components/ui/submit-button";

/** A warm-up is logged as done a few minutes before the run starts. */
const WARMUP_LEAD_MS = 10 * 60_000;

/**
 * Log a run and, with it, the "before each run" drills done as its warm-up. Both go through
 * this phone's queue: the run first, then the warm-up linked to it. The distance is typed in
 * the person's unit (km or miles) and sent as typed; the server stores it in metres.
 */
export function RunForm({ warmupDrills, timeZone, unit }: { warmupDrills: LoggerDrill[]; timeZone: string; unit: DistanceUnit }) {
  const router = useRouter();
  const send = useSender();
  const id = useId();
  const [runId, setRunId] = useState(newDeviceId);
  const [warmupId, setWarmupId] = useState(newDeviceId);
  const [when, setWhen] = useState(() => toLocalInput(new Date(), timeZone));
  const [distance, setDistance] = useState("");
  const [minutes, setMinutes] = useState("");
  const [seconds, setSeconds] = useState("");
  const [extras, setExtras] = useState({ effort: null as number | null, hasPain: false, painWhere: "", note: "" });
  const [didWarmup, setDidWarmup] = useState(false);
  const [values, setValues] = useState<LoggerValues>(emptyValues);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [isSaving, setIsSaving] = useState(false);
  const drillMap = useMemo(() => loggableMap(warmupDrills), [warmupDrills]);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setFeedback(null);
    const startedAt = fromLocalInput(when, timeZone) as Date;
    const durationSeconds = Math.round((Number(minutes || 0) * 60 + Number(seconds || 0)) * 1) || 0;
    const typed = parseDistance(distance, unit, MAX_RUN_DISTANCE_M);
    const run: LogRunInput = {
      id: runId,
      startedAt,
      distance: { value: typed.ok ? typed.value : Number.NaN, unit },
      durationSeconds,
      effort: extras.effort,
      hasPain: extras.hasPain,
      painWhere: extras.hasPain ? extras.painWhere : null,
      note: extras.note,
    };
    const found: Record<string, string | undefined> = {};
    if (!typed.ok) found["distance.value"] = typed.message;
    const runCheck = logRunInputAt(new Date()).safeParse(run);
    if (!runCheck.success) for (const i of fromZod(runCheck.error)) found[i.field === "distance" ? "distance.value" : i.field] ??= i.message;

    const { entries, keys } = entriesOf(warmupDrills, values);
    const warmup: LogSessionInput | null =
      didWarmup && entries.length > 0
        ? { id: warmupId, performedAt: new Date((startedAt?.getTime?.() ?? Date.now()) - WARMUP_LEAD_MS), context: "warmup_before_run", runId, effort: null, hasPain: false, painWhere: null, note: null, entries }
        : null;
    if (didWarmup && entries.length === 0) found.warmup = "Log at least one warm-up drill, or untick the warm-up.";
    if (warmup) {
      const check = logSessionInputFor({ now: new Date(), drills: drillMap }).safeParse(warmup);
      if (!check.success) Object.assign(found, errorsByKey(Object.fromEntries(fromZod(check.error).map((i) => [i.field, i.message])), keys));
    }
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setFeedback({ tone: "error", message: Object.values(found)[0] ?? "Check the highlighted fields." });
      return;
    }
    setErrors({});
    setIsSaving(true);
    try {
      const distanceLabel = typed.ok ? formatDistance(typed.metres, unit) : distance;
      await enqueue({ id: runId, kind: "run", payload: run, label: `${distanceLabel} run` });
      if (warmup) await enqueue({ id: warmupId, kind: "session", payload: warmup, label: `warm-up: ${[...new Set(warmupDrills.filter((d) => entries.some((e) => e.drillId === d.drillId)).map((d) => d.name))].join(", ")}` });
      const runResult = await send({ id: runId, kind: "run", payload: run });
      if (runResult.status === "refused") {
        await removePending(runId);
        if (warmup) await removePending(warmupId);
        const { message, fields } = formErrorsOf(runResult.error);
        setErrors({ ...fields, "distance.value": fields["distance.value"] ?? fields.distance });
        setFeedback({ tone: "error", message: message ?? "This run could not be saved." });
        return;
      }
      let warmupResult: SendResult = runResult;
      if (warmup && runResult.status === "sent") {
        warmupResult = await send({ id: warmupId, kind: "session", payload: warmup });
        if (warmupResult.status === "refused") {
          await removePending(warmupId);
          const { message, fields } = formErrorsOf(warmupResult.error);
          setErrors(errorsByKey(fields, keys));
          setFeedback({ tone: "error", message: `The run is saved, but its warm-up was not: ${message ?? "check the drills."}` });
          setRunId(newDeviceId());
          return;
        }
      }
      setFeedback(
        warmupResult.status === "sent"
          ? { tone: "success", message: warmup ? "Run and warm-up saved. Your coach will see them." : "Run saved." }
          : { tone: "info", message: "No connection: saved on this phone and waiting to send. It goes as soon as you are back online." },
      );
      setRunId(newDeviceId());
      setWarmupId(newDeviceId());
      setDistance("");
      setMinutes("");
      setSeconds("");
      setExtras({ effort: null, hasPain: false, painWhere: "", note: "" });
      setDidWarmup(false);
      setValues(emptyValues());
      if (warmupResult.status === "sent") router.refresh();
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form onSubmit={save} className="space-y-5" noValidate aria-label="Log a run">
      <Card className="space-y-4 p-4">
        <Field label="Date and time" hint={`On your clock (${timeZone.replace(/_/g, " ")}).`} type="datetime-local" value={when} onChange={(e) => (setWhen(e.target.value), setErrors({ ...errors, startedAt: undefined }))} error={errors.startedAt} />
        <Field
          label={`Distance (${unitWords[unit].plural})`}
          hint={`In ${unitWords[unit].plural}, e.g. ${unit === "mi" ? "3.1" : "5"}. Your unit is set in Account.`}
          inputMode="decimal"
          value={distance}
          onChange={(e) => (setDistance(e.target.value), setErrors({ ...errors, "distance.value": undefined, distance: undefined }), setFeedback(feedback?.tone === "error" ? null : feedback))}
          error={errors["distance.value"] ?? errors.distance}
        />
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-stone-800">Duration</legend>
          <div className="grid grid-cols-2 gap-2">
            <Field label="Minutes" inputMode="numeric" value={minutes} onChange={(e) => (setMinutes(e.target.value), setErrors({ ...errors, durationSeconds: undefined }))} />
            <Field label="Seconds" inputMode="numeric" value={seconds} onChange={(e) => (setSeconds(e.target.value), setErrors({ ...errors, durationSeconds: undefined }))} />
          </div>
          {errors.durationSeconds ? <p className="text-sm text-red-700">{errors.durationSeconds}</p> : null}
        </fieldset>
        <SessionExtras {...extras} errors={errors} onChange={(next) => (setExtras({ ...extras, ...next }), setErrors({ ...errors, effort: undefined, painWhere: undefined, note: undefined }))} noteLabel="Note about the run" />
      </Card>
      {warmupDrills.length > 0 ? (
        <section aria-labelledby={`${id}-warmup`} className="space-y-3">
          <h2 id={`${id}-warmup`} className="text-lg font-semibold">
            Warm-up before this run
          </h2>
          <label className="flex min-h-12 items-center gap-3 text-base font-medium">
            <input type="checkbox" className="size-6" checked={didWarmup} onChange={(e) => setDidWarmup(e.target.checked)} />
            I did my warm-up drills before this run
          </label>
          {errors.warmup ? <p className="text-sm text-red-700">{errors.warmup}</p> : null}
          {didWarmup ? <DrillLoggers drills={warmupDrills} state={values} onChange={(next) => (setErrors(clearChanged(errors, values, next)), setValues(next))} errors={errors} /> : null}
        </section>
      ) : null}
      <SaveFeedback feedback={feedback} />
      <SubmitButton size="lg" className="w-full" disabled={isSaving}>
        Save run
      </SubmitButton>
    </form>
  );
}
