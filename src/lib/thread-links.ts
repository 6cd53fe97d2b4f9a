// Where each side reads a thread: the one place notifications, emails and the inbox take
// their links from.
export type ThreadPlace =
  | { kind: "conversation"; clientId: string }
  | { kind: "session"; clientId: string; sessionId: string }
  | { kind: "run"; clientId: string; runId: string }
  | { kind: "checkin"; clientId: string; checkinResponseId: string };

/** An answered check-in's own page (its answers and comments): Today's answered card and the client's page link here. */
export function checkinResponsePath(reader: "client" | "trainer", response: { clientId: string; checkinResponseId: string }): string {
  return reader === "client" ? `/portal/check-ins/${response.checkinResponseId}` : `/dashboard/clients/${response.clientId}/check-ins/${response.checkinResponseId}`;
}

/** A client's answered check-ins, newest first. */
export function checkinHistoryPath(reader: "client" | "trainer", clientId: string): string {
  return reader === "client" ? "/portal/check-ins" : `/dashboard/clients/${clientId}/check-ins`;
}

export function threadPathFor(reader: "client" | "trainer", place: ThreadPlace): string {
  if (reader === "client") {
    if (place.kind === "conversation") return "/portal/messages";
    if (place.kind === "session") return `/portal/history/${place.sessionId}`;
    if (place.kind === "checkin") return checkinResponsePath(reader, place);
    // The run's own page (its comments are on it); History still opens `?run=` links sent before.
    return `/portal/runs/${place.runId}`;
  }
  if (place.kind === "conversation") return `/dashboard/messages/${place.clientId}`;
  if (place.kind === "session") return `/dashboard/sessions/${place.sessionId}`;
  if (place.kind === "checkin") return checkinResponsePath(reader, place);
  return `/dashboard/runs/${place.runId}`;
}
