import { formatWhen } from "@/lib/time-wording";

/**
 * A client may edit or delete their own session for 24 hours after it was saved; after that it
 * is part of the record the trainer reviews and progression is computed from.
 *
 * The window runs from `createdAt`, the moment the server first stored the session, and not
 * from `performedAt`:
 * - `performedAt` is typed by the client: a session backdated a week would never be editable,
 *   and one dated tomorrow would stay open for two days.
 * - A session kept offline and sent later gets its full 24 hours once it reaches the server,
 *   which is when the client can first see it in their history.
 * - `createdAt` is set by the database on the first insert; a retried or re-synced submit of
 *   the same id changes nothing (insert … on conflict do nothing), so it cannot reopen the
 *   window, and neither does an edit (it is not `updatedAt`).
 */
export const SESSION_EDIT_WINDOW_HOURS = 24;

export type SessionChange = "edit" | "delete";

export type EditWindowInput = {
  /** When the server first stored the session. */
  createdAt: Date;
  now: Date;
  /** The reader's IANA zone, for the time in the message. */
  timeZone: string;
  action?: SessionChange;
  /** Defaults to `SESSION_EDIT_WINDOW_HOURS`. */
  windowHours?: number;
  /** What the message names: a session (the default) or a run, which keeps the same window. */
  what?: "session" | "run";
};

export type EditWindow = {
  isAllowed: boolean;
  /** The last instant at which the change is still allowed (inclusive). */
  closesAt: Date;
  message: string;
};

// A client may change or delete their own session until 24 hours after saving it (at exactly 24 hours it is still allowed); then it is fixed.
export function evaluateSessionEdit(input: EditWindowInput): EditWindow {
  const { createdAt, now, timeZone } = input;
  const action = input.action ?? "edit";
  const hours = input.windowHours ?? SESSION_EDIT_WINDOW_HOURS;
  const closesAt = new Date(createdAt.getTime() + hours * 3_600_000);
  const when = formatWhen(closesAt, timeZone, now);
  const verb = action === "edit" ? "edit" : "delete";
  const what = input.what ?? "session";
  // A clock a little behind another instance's (now < createdAt) is inside the window, not an error.
  if (now.getTime() <= closesAt.getTime()) {
    return { isAllowed: true, closesAt, message: `You can ${verb} this ${what} until ${when}.` };
  }
  return {
    isAllowed: false,
    closesAt,
    message: `This ${what} can no longer be ${action === "edit" ? "edited" : "deleted"}: ${what}s are fixed ${hours} hours after saving, and this one was fixed at ${when}.`,
  };
}
