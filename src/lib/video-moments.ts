// The moments of a form-check video, as people write and read them ("0:07"), and what a
// comment pinned to one must be. Pure: the player (in the browser) and the comment procedures
// share them, so the form and the server say the same sentence.

export const MAX_COMMENT_CHARS = 1000;

/** Playback steps one frame at a time at the phones' usual 30 frames a second. */
export const FRAME_MS = 1000 / 30;

const MOMENT = /^(?:(\d{1,2}):(\d{1,2}(?:\.\d{1,3})?)|(\d{1,3}(?:\.\d{1,3})?))$/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * A moment as a trainer writes it: "0:07", "1:02.5", or plain seconds ("7"). The seconds of
 * m:ss go up to 59: "0:99" is a typo for some moment, not the 99th second.
 */
export function parseMoment(text: string): Parsed<number> {
  const written = text.trim();
  const match = MOMENT.exec(written);
  if (!match) return { ok: false, problem: `Write the moment as minutes and seconds, for example 0:07${written ? ` ("${written.slice(0, 20)}" is not one)` : ""}.` };
  if (match[3] !== undefined) return { ok: true, value: Math.round(Number(match[3]) * 1000) };
  const seconds = Number(match[2]);
  if (seconds >= 60) return { ok: false, problem: `${written} is not a moment: the seconds after the colon go up to 59 (write 1:05 for 65 seconds).` };
  return { ok: true, value: Math.round((Number(match[1]) * 60 + seconds) * 1000) };
}

/** A moment as the page shows it beside a comment: whole seconds, "0:07". */
export function formatMoment(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

/** The player's current time, to the tenth of a second a frame step moves it by: "0:07.2". */
export function formatPreciseMoment(ms: number): string {
  const tenths = Math.floor(Math.max(0, ms) / 100);
  const total = Math.floor(tenths / 10);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}.${tenths % 10}`;
}

/** A comment is pinned within the video: from its first frame to its last. */
export function momentProblem(atMs: number, durationMs: number): string | null {
  if (atMs < 0 || atMs > durationMs) return `${formatMoment(atMs)} is not a moment of this video: it is ${formatMoment(durationMs)} long.`;
  return null;
}

/** What the trainer wrote, trimmed; some words, and not an essay. */
export function commentBodyProblem(body: string): string | null {
  const trimmed = body.trim();
  if (!trimmed) return "Write what you see at this moment.";
  if (trimmed.length > MAX_COMMENT_CHARS) return `Keep a comment to ${MAX_COMMENT_CHARS} characters (this one has ${trimmed.length}).`;
  return null;
}

/** The moment as a `t` in a link (seconds; tenths only when there are any). */
export function momentParam(ms: number): string {
  const tenths = Math.floor(Math.max(0, ms) / 100);
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}

/** A `t` from a link, as a moment; null when it is not one (the player then starts at 0). */
export function momentFromParam(param: string | null | undefined): number | null {
  if (!param || !/^\d{1,4}(?:\.\d{1,3})?$/.test(param)) return null;
  return Math.round(Number(param) * 1000);
}

/** Where the client sees the comment: their session's page, at the moment, on that video. */
export function clientMomentPath(sessionId: string, videoId: string, atMs: number): string {
  return `/portal/history/${sessionId}?video=${videoId}&t=${momentParam(atMs)}#video-${videoId}`;
}

/** The comment as the message the client reads in their thread with the trainer. */
export function commentMessageText(atMs: number, body: string): string {
  return `${formatMoment(atMs)} — ${body.trim()}`;
}
