"use client";

import { useSyncExternalStore } from "react";
import type { DetailedError, Upload } from "tus-js-client";
import { entryKeyOf, type EntrySide } from "./capture-rules";

// The uploads of this page, kept in a module and not in the component of a drill's side: the
// client scrolls, opens another drill, the logger re-renders, and the upload goes on. A full
// page navigation ends it; a picked file chosen again resumes where it stopped (tus keeps the
// upload's URL in localStorage under the file's fingerprint).

export type UploadState = {
  entry: EntrySide;
  fileName: string;
  /** sending; waiting: the connection dropped (tus tries again, or goes on once online); done; refused: the server's sentence. */
  status: "sending" | "waiting" | "done" | "refused";
  bytesSent: number;
  bytesTotal: number;
  message: string | null;
  videoId: string | null;
};

/** Retried after a dropped connection, then paused until the phone is back online. */
const RETRY_DELAYS_MS = [0, 1_000, 3_000, 5_000, 10_000];
/** Sent in parts, so a dropped connection costs at most one part: HEAD tells how far the server got. */
export const CHUNK_BYTES = 2 * 1024 * 1024;

const states = new Map<string, UploadState>();
const running = new Map<string, Upload>();
const listeners = new Set<() => void>();
let snapshot: ReadonlyMap<string, UploadState> = new Map();

function set(key: string, state: UploadState | null) {
  if (state) states.set(key, state);
  else states.delete(key);
  snapshot = new Map(states);
  for (const listener of listeners) listener();
}
const patch = (key: string, change: Partial<UploadState>) => {
  const state = states.get(key);
  if (state) set(key, { ...state, ...change });
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The upload of one side (null: none on this page). */
export function useUpload(entry: EntrySide): UploadState | null {
  const all = useSyncExternalStore(subscribe, () => snapshot, () => snapshot);
  return all.get(entryKeyOf(entry)) ?? null;
}

/** The sentence of a refusal: the server's body as is (server/media/tus.ts), or ours when it gave none. */
function refusalOf(error: Error | DetailedError): { isRefusal: boolean; message: string } {
  const response = "originalResponse" in error ? error.originalResponse : null;
  const status = response?.getStatus() ?? 0;
  const body = response?.getBody()?.trim();
  // 4xx: the server said no (409 and 423 are tus's "try again": a lock, an offset mismatch).
  const isRefusal = status >= 400 && status < 500 && status !== 409 && status !== 423;
  if (isRefusal) return { isRefusal, message: body && body.length < 400 ? body : "The server refused this video. Film it again or choose another clip." };
  return { isRefusal, message: "The connection dropped: the upload goes on from where it stopped as soon as you are back online." };
}

/**
 * Sends `file` as the video of one side; `onDone` runs when the server has it (to refresh the
 * list of that side's videos). A second start for a side already uploading is ignored.
 */
export async function startUpload(entry: EntrySide, file: File, endpoint: string, onDone: () => void): Promise<void> {
  const key = entryKeyOf(entry);
  const current = states.get(key);
  if (current && (current.status === "sending" || current.status === "waiting")) return;
  set(key, { entry, fileName: file.name, status: "sending", bytesSent: 0, bytesTotal: file.size, message: null, videoId: null });
  // Loaded when a client films, not with the logger (its page weight has a budget, issue 21).
  const tus = await import("tus-js-client");
  let onlineAgain: (() => void) | null = null;
  const upload: Upload = new tus.Upload(file, {
    endpoint,
    chunkSize: CHUNK_BYTES,
    retryDelays: RETRY_DELAYS_MS,
    metadata: { sessionId: entry.sessionId, drillId: entry.drillId, setNumber: String(entry.setNumber), side: entry.side, filename: file.name, filetype: file.type },
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    // The same clip picked for another side is another upload, not a resume of the first.
    fingerprint: async (f) => ["stride-video", f.name, f.type, f.size, f.lastModified, key].join("|"),
    onProgress: (bytesSent, bytesTotal) => patch(key, { status: "sending", bytesSent, bytesTotal, message: null }),
    onShouldRetry: (error) => {
      const { isRefusal, message } = refusalOf(error);
      if (isRefusal) return false;
      patch(key, { status: "waiting", message });
      return navigator.onLine;
    },
    onSuccess: ({ lastResponse }) => {
      running.delete(key);
      patch(key, { status: "done", bytesSent: file.size, message: null, videoId: lastResponse.getHeader("Stride-Video-Id") ?? null });
      onDone();
    },
    onError: (error) => {
      const { isRefusal, message } = refusalOf(error);
      if (isRefusal) {
        running.delete(key);
        patch(key, { status: "refused", message });
        void forgetStoredUploads(upload);
        onDone();
        return;
      }
      // Out of retries, or offline: go on from the server's offset when the phone is back online.
      patch(key, { status: "waiting", message });
      onlineAgain ??= () => {
        onlineAgain = null;
        if (running.get(key) === upload) upload.start();
      };
      window.addEventListener("online", onlineAgain, { once: true });
    },
  });
  running.set(key, upload);
  const previous = await upload.findPreviousUploads().catch(() => []);
  if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
  upload.start();
}

/** The client stops an upload: the server forgets it (tus DELETE) and nothing stays behind. */
export async function cancelUpload(entry: EntrySide): Promise<void> {
  const key = entryKeyOf(entry);
  const upload = running.get(key);
  running.delete(key);
  set(key, null);
  if (upload) await upload.abort(true).catch(() => undefined);
}

/** Clears a finished or refused upload's line (the list of videos shows the result). */
export const dismissUpload = (entry: EntrySide) => set(entryKeyOf(entry), null);

async function forgetStoredUploads(upload: Upload) {
  const tus = await import("tus-js-client");
  for (const previous of await upload.findPreviousUploads().catch(() => [])) await tus.defaultOptions.urlStorage.removeUpload(previous.urlStorageKey).catch(() => undefined);
}
