// Which of a client's runs a file read from their watch is the same activity as. The same run
// comes in twice in two ways: another export of it (the FIT from the watch and the GPX its app
// exported), or a run the client typed by hand before they imported the file. Typed times and
// distances are rough (a start rounded to the half hour, a distance off the app's map), so a
// typed run is matched more loosely than another file, but only on the same day of the client's.

/** A run of the client's near the file's start, as the import reads it from the database. */
export type RunCandidate = {
  id: string;
  source: "typed" | "file";
  startedAt: Date;
  /** The client's calendar day of the run ('YYYY-MM-DD'). */
  localDate: string;
  distanceM: number;
};

/** What the file is: another file of a run already imported, the file of a typed run, or a new run. */
export type RunMatch = { kind: "join"; runId: string } | { kind: "merge"; runId: string } | { kind: "new" };

/** The tolerances, in the trainer's words: a second file starts within 2 minutes and 5 % of the distance; a typed run the same day within 90 minutes and 15 %. */
export const MATCH_RULES = {
  file: { startS: 2 * 60, distancePercent: 5 },
  typed: { startS: 90 * 60, distancePercent: 15 },
} as const;

/** The widest window a candidate can start in, for the query that fetches them. */
export const CANDIDATE_WINDOW_S = Math.max(MATCH_RULES.file.startS, MATCH_RULES.typed.startS);

type FileRun = { startedAt: Date; localDate: string; distanceM: number };

// Whole metres against a percentage, in integers: 5 % of 10 000 m is 500 m, exactly at the edge.
function isWithinDistance(candidateM: number, fileM: number, percent: number): boolean {
  return Math.abs(candidateM - fileM) * 100 <= percent * fileM;
}

function startGapS(candidate: RunCandidate, file: FileRun): number {
  return Math.abs(candidate.startedAt.getTime() - file.startedAt.getTime()) / 1000;
}

/**
 * The run a file belongs to. Another file's run wins over a typed run (the watch already told
 * us); among several, the nearest start, then the nearest distance, then the id (so the answer
 * never depends on the order the database returned them in).
 */
export function matchRun(candidates: readonly RunCandidate[], file: FileRun): RunMatch {
  const nearest = (list: RunCandidate[]) =>
    list.sort((a, b) => startGapS(a, file) - startGapS(b, file) || Math.abs(a.distanceM - file.distanceM) - Math.abs(b.distanceM - file.distanceM) || a.id.localeCompare(b.id))[0];
  const files = candidates.filter(
    (c) => c.source === "file" && startGapS(c, file) <= MATCH_RULES.file.startS && isWithinDistance(c.distanceM, file.distanceM, MATCH_RULES.file.distancePercent),
  );
  const joined = nearest(files);
  if (joined) return { kind: "join", runId: joined.id };
  const typed = candidates.filter(
    (c) =>
      c.source === "typed" &&
      c.localDate === file.localDate &&
      startGapS(c, file) <= MATCH_RULES.typed.startS &&
      isWithinDistance(c.distanceM, file.distanceM, MATCH_RULES.typed.distancePercent),
  );
  const merged = nearest(typed);
  if (merged) return { kind: "merge", runId: merged.id };
  return { kind: "new" };
}
