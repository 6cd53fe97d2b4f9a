import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { runFiles, runs } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import type { FileContext } from "./files";

// The files runs were imported from (FIT, GPX, TCX), byte for byte, as files of the zip: the
// client's own recordings, which a person can open in another app. One file is read at a time
// (up to 25 MB each), so a studio's years of runs never sit in memory together.

/**
 * Where an imported file is in the zip: run-files/<the run's local date>-<the file's id, short>-<its name>,
 * named in runs.csv's file_names. The short id keeps two clients' "Morning_Run.gpx" of one day apart.
 */
export function runFileName(localDate: string, fileId: string, fileName: string): string {
  const safe = fileName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").replace(/^\.+/, "_");
  return `run-files/${localDate}-${fileId.slice(0, 8)}-${safe}`;
}

export async function* importedRunFiles(ctx: FileContext): AsyncIterable<{ name: string; bytes: Uint8Array }> {
  const ids = ctx.clients.map((c) => c.id);
  if (!ids.length) return;
  let after: string | null = null;
  for (;;) {
    const [file] = await ctx.q
      .select({ id: runFiles.id, fileName: runFiles.fileName, bytes: runFiles.bytes, localDate: runs.localDate })
      .from(runFiles)
      .innerJoin(runs, and(eq(runs.studioId, runFiles.studioId), eq(runs.id, runFiles.runId)))
      .where(inStudio(runFiles, ctx.studioId, inArray(runFiles.clientId, ids), after ? gt(runFiles.id, after) : undefined))
      .orderBy(asc(runFiles.id))
      .limit(1);
    if (!file) return;
    after = file.id;
    yield { name: runFileName(file.localDate, file.id, file.fileName), bytes: new Uint8Array(file.bytes) };
  }
}
