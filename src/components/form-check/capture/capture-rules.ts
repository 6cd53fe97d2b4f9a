// The rules a phone applies to a form-check clip before a byte is sent (issue 22). The server
// checks the same limits again from the bytes; these only spare a client a 100 MB upload that
// would be refused at the end.

export type FilmedSide = "left" | "right" | "both";
export type EntrySide = { sessionId: string; drillId: string; setNumber: number; side: FilmedSide };
export type UploadLimits = { endpoint: string; maxBytes: number; maxSeconds: number; acceptedTypes: string[] };

/**
 * What MediaRecorder is asked to record, best first. MP4 first: it is what iPhones record and
 * play, and a WebM from MediaRecorder carries no length in its header, so the server's ffprobe
 * cannot tell how long it is. WebM for browsers that record nothing else (Firefox).
 */
export const RECORDING_TYPES = ["video/mp4;codecs=avc1", "video/mp4", "video/webm;codecs=vp9", "video/webm;codecs=vp8", "video/webm"] as const;

/** The first type this browser's MediaRecorder can record, or null (then the phone's own camera app, through the file input). */
export function pickRecordingType(isTypeSupported: (type: string) => boolean): string | null {
  return RECORDING_TYPES.find((type) => isTypeSupported(type)) ?? null;
}

/** "video/mp4;codecs=avc1" → "video/mp4": the type a file of the recording declares. */
export const containerOf = (mimeType: string) => mimeType.split(";")[0]!.trim().toLowerCase();

/** The file name of a recording: the side and the time, with the container's extension. */
export function recordingName(side: FilmedSide, mimeType: string, at: Date): string {
  const ext = containerOf(mimeType) === "video/mp4" ? "mp4" : "webm";
  return `${side === "both" ? "both-sides" : `${side}-side`}-${at.toISOString().replace(/[:.]/g, "-")}.${ext}`;
}

/** 0:07, 1:00 */
export function clockOf(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/** The running timer of a recording: "0:07 of 1:00". */
export const timerText = (elapsedSeconds: number, maxSeconds: number) => `${clockOf(Math.min(elapsedSeconds, maxSeconds))} of ${clockOf(maxSeconds)}`;

/** A clip as the phone knows it before sending: its declared type, its size, its length when the browser could read it. */
export type ClipFacts = { type: string; sizeBytes: number; durationSeconds: number | null };

/**
 * Why this clip would be refused, in a sentence, or null to send it. A clip whose type or
 * length the browser cannot tell is sent: the server reads its bytes and has the last word.
 */
export function clipRefusal(clip: ClipFacts, limits: Pick<UploadLimits, "maxBytes" | "maxSeconds">): string | null {
  if (clip.type && !clip.type.startsWith("video/")) return "This file is not a video. Choose a video you filmed (MP4, MOV or WebM).";
  if (clip.sizeBytes === 0) return "This video is empty. Film it again.";
  if (clip.sizeBytes > limits.maxBytes) {
    return `This video is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB. Film a shorter clip (up to ${limits.maxSeconds} seconds of one side) and upload that.`;
  }
  // Half a second of slack, as the server allows: a recording stopped at the limit runs a little over.
  if (clip.durationSeconds !== null && clip.durationSeconds > limits.maxSeconds + 0.5) {
    return `This video is ${clockOf(Math.round(clip.durationSeconds))} long; a form check is up to ${limits.maxSeconds} seconds of one side. Trim it or film a shorter clip.`;
  }
  return null;
}

/** Whole percent sent, never 100 before the last byte is acknowledged. */
export function percentOf(bytesSent: number, bytesTotal: number): number {
  if (bytesTotal <= 0) return 0;
  if (bytesSent >= bytesTotal) return 100;
  return Math.min(99, Math.floor((bytesSent / bytesTotal) * 100));
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** "Uploading 42% (4.2 of 10.0 MB)" */
export function progressText(bytesSent: number, bytesTotal: number): string {
  return `Uploading ${percentOf(bytesSent, bytesTotal)}% (${megabytes(Math.min(bytesSent, bytesTotal))} of ${megabytes(bytesTotal)} MB)`;
}

/** The sides to film of a logged session: one per drill and side, on its first logged set, in the order logged. */
export function sidesToFilm(entries: readonly { drillId: string; setNumber: number; side: FilmedSide }[]): { drillId: string; setNumber: number; side: FilmedSide }[] {
  const first = new Map<string, { drillId: string; setNumber: number; side: FilmedSide }>();
  for (const e of entries) {
    const key = `${e.drillId}|${e.side}`;
    const seen = first.get(key);
    if (!seen || e.setNumber < seen.setNumber) first.set(key, { drillId: e.drillId, setNumber: e.setNumber, side: e.side });
  }
  return [...first.values()];
}

/** "Film left side", "Film right side", "Film both sides" */
export const filmLabel = (side: FilmedSide) => (side === "both" ? "Film both sides" : `Film ${side} side`);
export const sideWords = (side: FilmedSide) => (side === "both" ? "both sides" : `the ${side} side`);

/** The key of one side of one drill of one session: one upload at a time per key. */
export const entryKeyOf = (e: EntrySide) => `${e.sessionId}|${e.drillId}|${e.setNumber}|${e.side}`;
