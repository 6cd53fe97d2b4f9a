import type { LiveEvent } from "@/lib/live-events";
import { databaseOf, type Db } from "@/server/db/client";
import { logger } from "@/server/logger";
import { LIVE_CHANNEL, parseLivePayload } from "./payload";

type Listener = (event: LiveEvent) => void;

/**
 * This process's open subscriptions, by the person they belong to. One LISTEN per process feeds
 * it; each event goes to the people its payload names and to no one else.
 */
export class LiveHub {
  private readonly listeners = new Map<string, Set<Listener>>();

  /** Calls `listener` with every event for `userId` until the returned function is called. */
  subscribe(userId: string, listener: Listener): () => void {
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(userId) === set) this.listeners.delete(userId);
    };
  }

  /** A NOTIFY payload as it arrived: handed to the named people's listeners. */
  deliver(payload: string): void {
    const parsed = parseLivePayload(payload);
    if (!parsed) {
      logger.warn({ channel: LIVE_CHANNEL }, "ignored a live payload Stride did not send");
      return;
    }
    for (const userId of parsed.userIds) {
      for (const listener of this.listeners.get(userId) ?? []) {
        try {
          listener(parsed.event);
        } catch (error) {
          logger.error({ err: error }, "a live listener failed");
        }
      }
    }
  }

  /** Open subscriptions in this process (for the bench and tests). */
  get subscriptionCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}

// One hub (and one LISTEN) per database per process; on globalThis because dev mode re-evaluates
// modules, and a second hub would LISTEN a second time.
const holder = globalThis as unknown as { __strideLiveHubs?: WeakMap<Db, Promise<LiveHub>> };

/** The hub fed by this database's `stride_live` channel, listening from the first call on. */
export function liveHubOf(db: Db): Promise<LiveHub> {
  const hubs = (holder.__strideLiveHubs ??= new WeakMap());
  let hub = hubs.get(db);
  if (!hub) {
    const database = databaseOf(db);
    if (!database) return Promise.reject(new Error("liveHubOf: this Db was not opened by src/server/db/client.ts"));
    const created = new LiveHub();
    hub = database.listen(LIVE_CHANNEL, (payload) => created.deliver(payload)).then(
      () => created,
      (error: unknown) => {
        // Not cached: the next subscription tries to LISTEN again.
        hubs.delete(db);
        throw error;
      },
    );
    hubs.set(db, hub);
  }
  return hub;
}

// A page that stops reading (a stalled tab) must not grow the server's memory: past this many
// waiting events the oldest go. Events are hints to refetch, so a dropped one costs nothing
// once a later one arrives.
const MAX_WAITING = 500;

/** The person's events from now on, until `signal` aborts or the consumer stops. */
export async function* liveEventsFor(hub: LiveHub, userId: string, signal?: AbortSignal): AsyncGenerator<LiveEvent, void, undefined> {
  const waiting: LiveEvent[] = [];
  let wake: (() => void) | null = null;
  const unsubscribe = hub.subscribe(userId, (event) => {
    waiting.push(event);
    if (waiting.length > MAX_WAITING) waiting.shift();
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort);
  try {
    while (!signal?.aborted) {
      const event = waiting.shift();
      if (event) {
        yield event;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    unsubscribe();
    signal?.removeEventListener("abort", onAbort);
  }
}
