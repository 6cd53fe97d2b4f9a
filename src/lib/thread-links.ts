// Where each side reads a thread: the one place notifications, emails and the inbox take
// their links from.
export type ThreadPlace =
  | { kind: "conversation"; clientId: string }
  | { kind: "session"; clientId: string; sessionId: string }
  | { kind: "run"; clientId: string; runId: string };

export function threadPathFor(reader: "client" | "trainer", place: ThreadPlace): string {
  if (reader === "client") {
    if (place.kind === "conversation") return "/portal/messages";
    if (place.kind === "session") return `/portal/history/${place.sessionId}`;
    // The run's own page (its comments are on it); History still opens `?run=` links sent before.
    return `/portal/runs/${place.runId}`;
  }
  if (place.kind === "conversation") return `/dashboard/messages/${place.clientId}`;
  if (place.kind === "session") return `/dashboard/sessions/${place.sessionId}`;
  return `/dashboard/runs/${place.runId}`;
}
