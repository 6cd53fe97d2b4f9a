import { eq } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { runs } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { zoneOf } from "@/server/dates/zones";
import { localDateIn } from "@/lib/local-date";
import { DomainError, notFound } from "@/lib/errors";
import { postPainComment } from "@/server/messages/log-comments";
import { FILE_RUN_FIGURES_MESSAGE, fromZod, sessionMessages, updateRunInput, validateLoggedAt, type FieldIssue, type UpdateRun, type UpdateRunInput } from "@/lib/session-input";
import { evaluateSessionEdit } from "./edit-window";

function refuse(issues: FieldIssue[]): never {
  const [first] = issues;
  throw new DomainError("BAD_REQUEST", first?.message ?? "Check the highlighted fields.", first?.field);
}

// The figures a person types for a run, with the field each is shown under.
const typedFigures = [
  { key: "startedAt", field: "startedAt", message: sessionMessages.startedAt },
  { key: "distance", field: "distance.value", message: sessionMessages.distance },
  { key: "durationSeconds", field: "durationSeconds", message: sessionMessages.duration },
] as const;

/**
 * A client corrects one of their own runs within 24 hours of saving it, as a session. A typed
 * run takes all its fields again; a run read from the watch's file keeps the watch's start,
 * distance and times, and takes only effort, pain and the note. Pain reported by the edit opens
 * the run's comments as on the first report (once per run). Nothing is written on a refusal.
 */
export async function updateRun(q: Queryable, studioId: string, clientId: string, raw: UpdateRunInput | UpdateRun, now: Date) {
  const shape = updateRunInput.safeParse(raw);
  if (!shape.success) refuse(fromZod(shape.error));
  const change = shape.data;
  return q.transaction(async (tx) => {
    const [run] = await tx
      .select({ createdAt: runs.createdAt, source: runs.source })
      .from(runs)
      .where(inStudio(runs, studioId, eq(runs.id, change.id), eq(runs.clientId, clientId)))
      .for("update")
      .limit(1);
    if (!run) throw notFound("run");
    const timeZone = await zoneOf(tx, studioId, { clientId });
    const window = evaluateSessionEdit({ createdAt: run.createdAt, now, timeZone, what: "run" });
    if (!window.isAllowed) throw new DomainError("PRECONDITION_FAILED", window.message);
    let figures: Partial<typeof runs.$inferInsert> = {};
    if (run.source === "file") {
      const typed = typedFigures.find((f) => change[f.key] !== undefined);
      if (typed) throw new DomainError("BAD_REQUEST", FILE_RUN_FIGURES_MESSAGE, typed.field);
    } else {
      const missing = typedFigures.find((f) => change[f.key] === undefined);
      if (missing) throw new DomainError("BAD_REQUEST", missing.message, missing.field);
      const startedAt = change.startedAt!;
      const when = validateLoggedAt(startedAt, now, "startedAt");
      if (when.length > 0) refuse(when);
      figures = { startedAt, localDate: localDateIn(startedAt, timeZone), distanceM: Math.round(change.distanceM!), durationS: change.durationSeconds! };
    }
    await tx
      .update(runs)
      .set({ ...figures, effort: change.effort, hasPain: change.hasPain, painWhere: change.painWhere, note: change.note, updatedAt: now })
      .where(inStudio(runs, studioId, eq(runs.id, change.id), eq(runs.clientId, clientId)));
    if (change.hasPain) await postPainComment(tx, studioId, clientId, { runId: change.id }, change, now);
    return { id: change.id };
  });
}
