/** A line of a client's history: a session on its own, or a run with the warm-ups logged for it. */
export type HistoryItem<S, R> = { kind: "session"; at: Date; session: S } | { kind: "run"; at: Date; run: R; warmups: S[] };

// A run and the warm-up done before it are one thing to the runner: one item, at the run's time.
// A warm-up whose run is not in the list (older than the page, or deleted) stands on its own.
export function historyItems<S extends { id: string; runId: string | null; performedAt: Date }, R extends { id: string; startedAt: Date }>(sessions: readonly S[], runs: readonly R[]): HistoryItem<S, R>[] {
  const warmupsOf = new Map<string, S[]>(runs.map((r) => [r.id, []]));
  const alone: S[] = [];
  for (const session of sessions) {
    const warmups = session.runId ? warmupsOf.get(session.runId) : undefined;
    if (warmups) warmups.push(session);
    else alone.push(session);
  }
  const items: HistoryItem<S, R>[] = [
    ...alone.map((session) => ({ kind: "session" as const, at: session.performedAt, session })),
    ...runs.map((run) => ({ kind: "run" as const, at: run.startedAt, run, warmups: [...warmupsOf.get(run.id)!].sort((a, b) => a.performedAt.getTime() - b.performedAt.getTime()) })),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime());
}
