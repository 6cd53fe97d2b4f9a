import { createHash, randomUUID } from "node:crypto";
import { and, eq, gte, lte, sql } from "drizzle-orm";
import type { Queryable, Tx } from "@/server/db/client";
import { runFiles, runs, runTracks } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { zoneOf } from "@/server/dates/zones";
import { localDateIn } from "@/lib/local-date";
import { DomainError } from "@/lib/errors";
import type { ImportOutcomeKind } from "@/lib/runs/import-wording";
import type { ReadOutcome } from "@/server/activity-import/types";
import { CANDIDATE_WINDOW_S, matchRun } from "./match-run";
import { storedFigures, storedFileName } from "./stored-figures";

// Storing a run read from a watch's file. One transaction per file: the same bytes again are
// recognised (nothing written), another file of a run already imported joins that run, a run
// the client typed before takes the file's figures and keeps everything the client and their
// trainer wrote about it, and anything else is a new run. The matching rule is match-run.ts.

export type ReadRun = Extract<ReadOutcome, { ok: true }>;

export type ImportKind = ImportOutcomeKind;

/** What became of one file: the run it is now part of, as the run now is. */
export type ImportedRun = {
  kind: ImportKind;
  runId: string;
  fileName: string;
  startedAt: Date;
  distanceM: number;
  /** For a merge: when the client had typed it as starting. */
  typedStartedAt?: Date;
};

/** The sha256 of a file's bytes, as run_files keeps it (hex). */
export function fileSha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Any constant of this feature's own: the first key of the per-client import lock. */
const IMPORT_LOCK_KEY = 19_000_019;

/**
 * Stores one file read as a run for the client, in one transaction. Two uploads of the same
 * file at once make one run: the imports of one client take turns (a transaction-scoped
 * advisory lock), so the second finds the first's file; the unique sha256 per client is the
 * database's own guarantee behind it.
 */
export async function importReadRun(q: Queryable, studioId: string, clientId: string, outcome: ReadRun, now: Date): Promise<ImportedRun> {
  const fileName = storedFileName(outcome.fileName);
  const figures = storedFigures(outcome.summary);
  if (!figures) throw new DomainError("BAD_REQUEST", `${fileName}: its distance or time is not one of a run, so it was not imported.`);
  if (figures.startedAt.getTime() > now.getTime() + 86_400_000) throw new DomainError("BAD_REQUEST", `${fileName}: it starts in the future, so it was not imported; check the watch's date.`);
  const sha256 = fileSha256(outcome.bytes);
  return q.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY}::int, hashtext(${clientId}::text))`);
    const already = await runOfFile(tx, studioId, clientId, sha256);
    if (already) return { kind: "already_imported", fileName, ...already } satisfies ImportedRun;

    const timeZone = await zoneOf(tx, studioId, { clientId });
    const localDate = localDateIn(figures.startedAt, timeZone);
    const windowMs = CANDIDATE_WINDOW_S * 1000;
    const candidates = await tx
      .select({ id: runs.id, source: runs.source, startedAt: runs.startedAt, localDate: runs.localDate, distanceM: runs.distanceM })
      .from(runs)
      .where(
        inStudio(
          runs,
          studioId,
          eq(runs.clientId, clientId),
          gte(runs.startedAt, new Date(figures.startedAt.getTime() - windowMs)),
          lte(runs.startedAt, new Date(figures.startedAt.getTime() + windowMs)),
        ),
      );
    const match = matchRun(candidates, { startedAt: figures.startedAt, localDate, distanceM: figures.distanceM });
    const storeFile = (runId: string) => insertFile(tx, { studioId, clientId, runId, fileName, format: outcome.format, sha256, bytes: outcome.bytes });

    if (match.kind === "join") {
      const run = candidates.find((c) => c.id === match.runId)!;
      await storeFile(run.id);
      // Its figures stay those of the first file; a run imported before tracks existed gets this one's.
      await tx.insert(runTracks).values({ runId: run.id, studioId, clientId, data: outcome.track }).onConflictDoNothing();
      return { kind: "joined_existing", runId: run.id, fileName, startedAt: run.startedAt, distanceM: run.distanceM } satisfies ImportedRun;
    }

    if (match.kind === "merge") {
      const typed = candidates.find((c) => c.id === match.runId)!;
      // The run keeps its id, so its effort, pain, note, review, comments and warm-up links stay;
      // what the watch measured replaces what was typed.
      await tx
        .update(runs)
        .set({ ...figures, localDate, source: "file", updatedAt: now })
        .where(inStudio(runs, studioId, eq(runs.id, typed.id), eq(runs.clientId, clientId)));
      await tx.insert(runTracks).values({ runId: typed.id, studioId, clientId, data: outcome.track }).onConflictDoUpdate({ target: runTracks.runId, set: { data: outcome.track } });
      await storeFile(typed.id);
      return { kind: "merged_with_typed", runId: typed.id, fileName, startedAt: figures.startedAt, distanceM: figures.distanceM, typedStartedAt: typed.startedAt } satisfies ImportedRun;
    }

    const runId = randomUUID();
    await tx.insert(runs).values({ id: runId, studioId, clientId, ...figures, localDate, source: "file", createdAt: now, updatedAt: now });
    await tx.insert(runTracks).values({ runId, studioId, clientId, data: outcome.track });
    await storeFile(runId);
    return { kind: "imported", runId, fileName, startedAt: figures.startedAt, distanceM: figures.distanceM } satisfies ImportedRun;
  });
}

async function runOfFile(q: Queryable, studioId: string, clientId: string, sha256: string) {
  const [row] = await q
    .select({ runId: runs.id, startedAt: runs.startedAt, distanceM: runs.distanceM })
    .from(runFiles)
    .innerJoin(runs, and(eq(runs.studioId, runFiles.studioId), eq(runs.id, runFiles.runId)))
    .where(inStudio(runFiles, studioId, eq(runFiles.clientId, clientId), eq(runFiles.sha256, sha256)))
    .limit(1);
  return row ?? null;
}

async function insertFile(tx: Tx, file: { studioId: string; clientId: string; runId: string; fileName: string; format: ReadRun["format"]; sha256: string; bytes: Uint8Array }) {
  const [row] = await tx
    .insert(runFiles)
    .values({ ...file, sizeBytes: file.bytes.byteLength, bytes: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) })
    // Without a target, as everywhere an insert must not raise under a race (DESIGN.md).
    .onConflictDoNothing()
    .returning({ id: runFiles.id });
  // Only another import of the same bytes can get here first, and the lock stops it: say so rather than store half.
  if (!row) throw new DomainError("CONFLICT", `${file.fileName}: the same file was being imported at the same moment; import it again to see which run it is.`);
}
