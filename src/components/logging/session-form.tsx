"use client";

// These forms parse with zod in the browser; only they pull zod into a page (see the module).
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { SaveFeedback, type Feedback } from "./save-feedback";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { enqueue, newDeviceId, removePending } from "@/lib/offline-queue";
import type { LoggableDrill, LogSessionInput } from "@/lib/session-input";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { clearChanged, DrillLoggers, emptyValues, entriesOf, fromLocalInput, SessionExtras, toLocalInput, type LoggerDrill, type LoggerValues } from "./drill-loggers";
import { useSender } from "./use-sync";
import { SubmitButton } from "@/components/ui/submit-button";
import dynamic from "next/dynamic";
import { FilmLater } from "@/components/form-check/capture/film-later";

// The film-a-side card shows after a save that reached the server only: its code comes then,
// not with the logger (the page's weight has a budget, issue 21). A log queued offline gets
// FilmLater, which is in the page: offline, no chunk can load.
const FilmSession = dynamic(() => import("@/components/form-check/capture/film-session").then((m) => m.FilmSession), { ssr: false });

/** Form errors by field, with entry errors moved onto the value key of their input. */
export function errorsByKey(fields: Record<string, string | undefined>, keys: string[], prefix = "") {
  const errors: Record<string, string | undefined> = {};
  for (const [field, message] of Object.entries(fields)) {
    if (!field.startsWith(prefix)) continue;
    const name = field.slice(prefix.length);
    const match = /^entries\.(\d+)\./.exec(name);
    if (match) errors[keys[Number(match[1])] ?? "entries"] ??= message;
    else errors[name] ??= message;
  }
  return errors;
}

export function loggableMap(drills: LoggerDrill[]) {
  return new Map<string, LoggableDrill>(drills.map((d) => [d.drillId, { name: d.name, measure: d.measure, perSide: d.perSide, recordsContactFeel: d.recordsContactFeel }]));
}

export type SessionFormInitial = {
  id: string;
  performedAt: Date;
  effort: number | null;
  hasPain: boolean;
  painWhere: string | null;
  note: string | null;
  values: LoggerValues;
  context: "standalone" | "warmup_before_run";
  runId: string | null;
};

/** A recent run the session can be marked as the warm-up of, labelled on the client's clock. */
export type RunChoice = { id: string; label: string };

/**
 * Log a practice session (or edit one within 24 hours). A new session is written to this
 * phone's queue first and then sent, so no connection means "waiting to send", never lost.
 */
/**
 * The log's shared zod rules (with the prescription rules they use, ~40 KB gzip) load when the
 * form is first touched, not with the page: the same check runs before saving. If they never
 * loaded (the page came from the phone's cache, offline, and the form was never touched online),
 * the log is saved without the check and the server's answer, when it is sent, says what to fix.
 */
let sessionRules: Promise<typeof import("@/lib/session-input") | null> | undefined;
function loadSessionRules() {
  sessionRules ??= import("@/lib/zod-without-eval")
    .then(() => import("@/lib/session-input"))
    .catch(() => {
      sessionRules = undefined;
      return null;
    });
  return sessionRules;
}

export function SessionForm({ drills, initial, timeZone, runs = [] }: { drills: LoggerDrill[]; initial?: SessionFormInitial; timeZone: string; runs?: RunChoice[] }) {
  const isEdit = Boolean(initial);
  const trpc = useTRPC();
  const router = useRouter();
  const send = useSender();
  const update = useMutation(trpc.session.update.mutationOptions());
  const [id, setId] = useState(() => initial?.id ?? newDeviceId());
  const [when, setWhen] = useState(() => toLocalInput(initial?.performedAt ?? new Date(), timeZone));
  const [runId, setRunId] = useState(initial?.runId ?? "");
  const [values, setValues] = useState<LoggerValues>(() => initial?.values ?? emptyValues());
  const [extras, setExtras] = useState({ effort: initial?.effort ?? null, hasPain: initial?.hasPain ?? false, painWhere: initial?.painWhere ?? "", note: initial?.note ?? "" });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [isSaving, setIsSaving] = useState(false);
  // The log just saved (or queued), so its sides can be filmed once the form is cleared.
  const [saved, setSaved] = useState<{ sessionId: string; entries: LogSessionInput["entries"]; isQueued: boolean } | null>(null);
  const drillMap = useMemo(() => loggableMap(drills), [drills]);
  const drillNames = useMemo(() => new Map(drills.map((d) => [d.drillId, d.name])), [drills]);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setFeedback(null);
    const { entries, keys } = entriesOf(drills, values);
    const payload: LogSessionInput = {
      id,
      performedAt: fromLocalInput(when, timeZone) as Date,
      // Marked as a run's warm-up here, or kept a warm-up without a run (as logged).
      context: runId ? "warmup_before_run" : initial?.runId ? "standalone" : (initial?.context ?? "standalone"),
      runId: runId || null,
      effort: extras.effort,
      hasPain: extras.hasPain,
      painWhere: extras.hasPain ? extras.painWhere : null,
      note: extras.note,
      entries,
    };
    const rules = await loadSessionRules();
    const checked = rules?.logSessionInputFor({ now: new Date(), drills: drillMap }).safeParse(payload);
    if (rules && checked && !checked.success) {
      const fields = Object.fromEntries(rules.fromZod(checked.error).map((i) => [i.field, i.message]));
      const found = errorsByKey(fields, keys);
      setErrors(found);
      setFeedback({ tone: "error", message: found.entries ?? Object.values(found)[0] ?? "Check the highlighted fields." });
      return;
    }
    setErrors({});
    setIsSaving(true);
    try {
      if (isEdit) {
        await update.mutateAsync(payload).then(
          () => {
            router.push("/portal/history");
            router.refresh();
          },
          (error: unknown) => {
            const { message, fields } = formErrorsOf(error);
            setErrors(errorsByKey(fields, keys));
            setFeedback({ tone: "error", message: message ?? "This session could not be saved." });
          },
        );
        return;
      }
      const label = [...new Set(drills.filter((d) => entries.some((e) => e.drillId === d.drillId)).map((d) => d.name))].join(", ");
      await enqueue({ id, kind: "session", payload, label });
      const result = await send({ id, kind: "session", payload });
      if (result.status === "refused") {
        await removePending(id);
        const { message, fields } = formErrorsOf(result.error);
        setErrors(errorsByKey(fields, keys));
        setFeedback({ tone: "error", message: message ?? "This session could not be saved." });
        return;
      }
      setFeedback(
        result.status === "sent"
          ? { tone: "success", message: "Session saved. Your coach will see it." }
          : { tone: "info", message: "No connection: the session is saved on this phone and waiting to send. It goes as soon as you are back online." },
      );
      setSaved({ sessionId: id, entries, isQueued: result.status !== "sent" });
      setId(newDeviceId());
      setValues(emptyValues());
      setExtras({ effort: null, hasPain: false, painWhere: "", note: "" });
      setWhen(toLocalInput(new Date(), timeZone));
      setRunId("");
      if (result.status === "sent") router.refresh();
    } finally {
      setIsSaving(false);
    }
  }

  if (drills.length === 0) {
    return (
      <Card>
        <p>There is nothing to log yet: your coach has not assigned you drills for today.</p>
      </Card>
    );
  }
  return (
    <form onSubmit={save} onFocusCapture={() => void loadSessionRules()} onPointerDownCapture={() => void loadSessionRules()} className="space-y-5" noValidate aria-label={isEdit ? "Edit session" : "Log a session"}>
      <DrillLoggers drills={drills} state={values} onChange={(next) => (setErrors(clearChanged(errors, values, next)), setValues(next))} errors={errors} />
      <Card className="space-y-4 p-4">
        <Field label="When" hint={`On your clock (${timeZone.replace(/_/g, " ")}).`} type="datetime-local" value={when} onChange={(e) => (setWhen(e.target.value), setErrors({ ...errors, performedAt: undefined }))} error={errors.performedAt} />
        {runs.length > 0 ? (
          <div className="space-y-1">
            <label htmlFor="session-run" className="block text-sm font-medium text-stone-800">
              Warm-up before a run?
            </label>
            <select id="session-run" className={inputClass} value={runId} onChange={(e) => setRunId(e.target.value)}>
              <option value="">No, a session on its own</option>
              {runs.map((r) => (
                <option key={r.id} value={r.id}>
                  Warm-up for the {r.label}
                </option>
              ))}
            </select>
            {errors.runId ? <p className="text-sm text-red-700">{errors.runId}</p> : null}
          </div>
        ) : null}
        <SessionExtras {...extras} errors={errors} onChange={(next) => (setExtras({ ...extras, ...next }), setErrors({ ...errors, effort: undefined, painWhere: undefined, note: undefined }))} />
      </Card>
      <SaveFeedback feedback={feedback} />
      {saved && !isEdit ? saved.isQueued ? <FilmLater /> : <FilmSession sessionId={saved.sessionId} entries={saved.entries} drillNames={drillNames} /> : null}
      <SubmitButton size="lg" className="w-full" disabled={isSaving}>
        {isEdit ? "Save changes" : "Save session"}
      </SubmitButton>
    </form>
  );
}
