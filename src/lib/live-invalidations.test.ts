import { describe, expect, it } from "vitest";
import { invalidationsAfterReconnect, invalidationsFor, LIVE_INVALIDATIONS, redrawsServerFrame } from "./live-invalidations";

describe("what a live event refetches", () => {
  it("refetches every message query, the inbox and the attention queue on a new message", () => {
    expect(invalidationsFor({ type: "thread.message" })).toEqual([["message"], ["inbox", "list"], ["review", "attention"]]);
  });

  it("refetches the open thread on 'seen', and the counts when unread changes", () => {
    expect(invalidationsFor({ type: "thread.seen" })).toEqual([["message", "conversation"], ["message", "forLog"]]);
    expect(invalidationsFor({ type: "unread.changed" })).toEqual([["message", "unreadCount"], ["inbox", "list"]]);
  });

  it("after a reconnect refetches everything any event would, each once", () => {
    expect(invalidationsAfterReconnect()).toEqual([["message"], ["inbox", "list"], ["review", "attention"]]);
    for (const paths of Object.values(LIVE_INVALIDATIONS)) for (const path of paths) expect(invalidationsAfterReconnect().some((p) => p.every((part, i) => path[i] === part))).toBe(true);
  });
});

describe("redrawsServerFrame", () => {
  it("redraws the server's frame (badges, inbox) for a new message or changed unread counts, not for a read mark", () => {
    expect(redrawsServerFrame({ type: "thread.message" })).toBe(true);
    expect(redrawsServerFrame({ type: "unread.changed" })).toBe(true);
    expect(redrawsServerFrame({ type: "thread.seen" })).toBe(false);
  });
});
