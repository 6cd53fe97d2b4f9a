"use client";

/**
 * What the phone keeps until the server has it: each logged session or run is written here
 * first (IndexedDB, so it survives a closed tab or a dead battery), then sent. It carries the
 * id the device made, so sending it twice (a retry, two tabs, a flaky connection) stores it
 * once on the server. Items are sent in the order they were logged: a run before its warm-up.
 * A message written offline waits here too, and its thread shows it as "Waiting to send"; so
 * do a check-in's answers, whose card on Today says so.
 */

export type PendingKind = "session" | "run" | "message" | "checkin";
export type PendingItem = {
  id: string;
  kind: PendingKind;
  /** The exact input of `session.log` / `run.log` / `message.send` / `checkin.answer`. */
  payload: unknown;
  /** Shown in the list, e.g. "Knee Drive, Back Rotations". */
  label: string;
  queuedAt: number;
  /** The signed-in person who logged it: only they send it, so a shared phone never files one client's log under another. */
  owner?: string | null;
  /** The server refused it (it will never be accepted as is): shown with the reason, kept until discarded. */
  refusal?: string;
};

const DB_NAME = "stride";
const STORE = "pending";
export const QUEUE_EVENT = "stride:queue";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "id" });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

const CHANNEL = "stride:queue";
let channel: BroadcastChannel | null | undefined;
/** One channel per page, made on first use in the browser (never during server rendering). */
function queueChannel(): BroadcastChannel | null {
  if (channel === undefined) channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL) : null;
  return channel;
}

// This page's banner reloads on QUEUE_EVENT; the other tabs of the phone hear it on the channel.
const changed = () => {
  window.dispatchEvent(new Event(QUEUE_EVENT));
  queueChannel()?.postMessage("changed");
};

/** Re-reads the queue when another tab changes it (a log sent or queued there); returns the way to stop. */
export function watchQueue(): () => void {
  const found = queueChannel();
  if (!found) return () => undefined;
  const relay = () => window.dispatchEvent(new Event(QUEUE_EVENT));
  found.addEventListener("message", relay);
  return () => found.removeEventListener("message", relay);
}

let owner: string | null = null;
/** Who is signed in on this page (set by the portal's frame before any form can save). */
export function setQueueOwner(userId: string): void {
  owner = userId;
}

export async function enqueue(item: Omit<PendingItem, "queuedAt" | "owner">): Promise<void> {
  await run("readwrite", (s) => s.put({ ...item, owner, queuedAt: Date.now() }));
  changed();
}

/** The signed-in person's items, oldest first. */
export async function listPending(): Promise<PendingItem[]> {
  const items = await run<PendingItem[]>("readonly", (s) => s.getAll() as IDBRequest<PendingItem[]>);
  return items.filter((i) => (i.owner ?? null) === owner).sort((a, b) => a.queuedAt - b.queuedAt);
}

export async function removePending(id: string): Promise<void> {
  await run("readwrite", (s) => s.delete(id));
  changed();
}

export async function markRefused(id: string, refusal: string): Promise<void> {
  const items = await listPending();
  const item = items.find((i) => i.id === id);
  if (!item) return;
  await run("readwrite", (s) => s.put({ ...item, refusal }));
  changed();
}

/** An id made on this device; `crypto.randomUUID` needs a secure page, so plain-http LAN setups get the same v4 by hand. */
export function newDeviceId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
