import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { livePayloads, MAX_PAYLOAD_BYTES, parseLivePayload } from "./payload";

const event = { type: "thread.message", threadId: randomUUID(), messageId: randomUUID() } as const;

describe("live payloads", () => {
  it("names each person once, in one payload when they fit", () => {
    const a = randomUUID();
    const b = randomUUID();
    const payloads = livePayloads([a, b, a], event);
    expect(payloads).toHaveLength(1);
    expect(parseLivePayload(payloads[0]!)).toEqual({ userIds: [a, b], event });
  });

  it("sends nothing to nobody", () => {
    expect(livePayloads([], { type: "unread.changed" })).toEqual([]);
  });

  it("splits many people over payloads PostgreSQL accepts (under 8000 bytes), losing no one", () => {
    const people = Array.from({ length: 1000 }, () => randomUUID());
    const payloads = livePayloads(people, event);
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(payloads.flatMap((p) => parseLivePayload(p)!.userIds)).toEqual(people);
    for (const p of payloads) expect(parseLivePayload(p)!.event).toEqual(event);
  });

  it("ignores what Stride did not send", () => {
    for (const junk of ["", "not json", "null", "[]", '{"userIds":"x","event":{"type":"thread.message"}}', '{"userIds":[1],"event":{"type":"thread.message"}}', '{"userIds":["a"],"event":{"type":"drop.tables"}}']) {
      expect(parseLivePayload(junk), junk).toBeNull();
    }
  });
});
