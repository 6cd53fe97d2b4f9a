// The write load every write bench sends: a practice session as the phone sends it, posted
// over HTTP as `session.log`, closed loop (each client waits for its answer) and open loop (a
// steady rate whatever the answers). Used by bench/write.bench.ts against Stride and against
// the bare write server, so both see the very same requests.
import { randomUUID } from "node:crypto";
import type { LogSessionInput } from "../../src/lib/session-input";
import { percentile } from "../lib";
import { batchMutation, expectOk } from "./http";

/** Open-loop rates tried, in sessions a second across all clients. */
export const WRITE_RATES = [5, 10, 20, 40, 80, 120, 160, 240];

/** A practice session as the phone sends it: Knee Drive, three sets, both sides (6 entries). */
export function sessionInput(kneeDriveId: string, id: string = randomUUID()): LogSessionInput {
  return {
    id,
    performedAt: new Date(Date.now() - 60_000),
    context: "standalone",
    runId: null,
    effort: 6,
    hasPain: false,
    painWhere: null,
    note: null,
    entries: [1, 2, 3].flatMap((setNumber) =>
      (["left", "right"] as const).map((side) => ({ drillId: kneeDriveId, setNumber, side, value: Math.round((25 + Math.random() * 20) * 10) / 10, contactFeel: null, note: null })),
    ),
  };
}

/** Sends one write as `cookie`'s client and resolves with its latency in ms. */
export type Post = (cookie: string) => Promise<number>;

/** `session.log` over HTTP, as the phone's tRPC client sends it. */
export function sessionLogPost(url: string, kneeDriveId: string): Post {
  return async (cookie) => {
    const { path, body } = batchMutation("session.log", sessionInput(kneeDriveId));
    const started = performance.now();
    const res = await fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json", cookie }, body });
    await expectOk(res, "session.log");
    return performance.now() - started;
  };
}

/** One client alone, one session after another: the time of one session without a queue. */
export async function writeAlone(post: Post, cookie: string, count: number) {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(await post(cookie));
  return samples;
}

/** Every client at once, each logging `perClient` sessions one after another (closed loop). */
export async function writeClosedLoop(post: Post, cookies: string[], perClient: number) {
  const samples: number[] = [];
  const started = performance.now();
  await Promise.all(
    cookies.map(async (c) => {
      for (let i = 0; i < perClient; i++) samples.push(await post(c));
    }),
  );
  return { samples, rate: samples.length / ((performance.now() - started) / 1000) };
}

/**
 * Open loop: the clients together send `rate` sessions a second, evenly spaced, each sent on
 * time whether or not earlier ones have been answered (so a slow answer is not hidden by
 * sending less, as a closed loop does).
 */
export async function writeAtRate(post: Post, cookies: string[], rate: number, seconds: number) {
  const samples: number[] = [];
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < Math.round(rate * seconds); i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(post(cookies[i % cookies.length]!).then((ms) => void samples.push(ms)));
  }
  await Promise.all(pending);
  return { rate, p50: percentile(samples, 50), p95: percentile(samples, 95), samples };
}
