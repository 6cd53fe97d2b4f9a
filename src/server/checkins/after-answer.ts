import type { Queryable } from "@/server/db/client";
import type { LocalDate } from "@/lib/local-date";
import type { PainScore } from "@/lib/checkins/vocabulary";

/** A drill the app paused by itself after a check-in, with the reason kept in its history. */
export type AutomaticPause = { assignmentId: string; drillName: string; reason: string };

/**
 * What a check-in's answers change, run inside the transaction that stores them: drills whose
 * places hurt above the studio's threshold are paused (trainer told, client shown why), and a
 * drill whose pain condition the answers complete may unlock. Returns the pauses it made.
 * TODO(issue 20): filled in by the pain rules (pain-pauses, pain-gated unlocks).
 */
export async function afterCheckinAnswered(
  _tx: Queryable,
  _input: { studioId: string; clientId: string; responseId: string; localDate: LocalDate; painScores: readonly PainScore[]; now: Date },
): Promise<{ paused: AutomaticPause[] }> {
  return { paused: [] };
}
