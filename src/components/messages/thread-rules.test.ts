import { describe, expect, it } from "vitest";
import { charactersLeft, mergeMessages, seenMessageId, unreadMarker } from "./thread-rules";

const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 10, m));
const list = [
  { id: "a", createdAt: at(1), isMine: true },
  { id: "b", createdAt: at(2), isMine: false },
  { id: "c", createdAt: at(3), isMine: true },
];

describe("seenMessageId", () => {
  it("marks the last own message when the other side read at or after it", () => {
    expect(seenMessageId(list, at(3))).toBe("c");
    expect(seenMessageId(list, at(4))).toBe("c");
  });
  it("marks nothing when the last own message is newer than the reading, or nobody read", () => {
    expect(seenMessageId(list, at(2))).toBeNull();
    expect(seenMessageId(list, null)).toBeNull();
    expect(seenMessageId([], at(9))).toBeNull();
  });
});

describe("unreadMarker", () => {
  it("is the newest message when the other side wrote it", () => {
    expect(unreadMarker(list.slice(0, 2))).toBe("b");
    expect(unreadMarker(list)).toBeNull();
    expect(unreadMarker([])).toBeNull();
  });
});

describe("charactersLeft", () => {
  it("stays hidden far from the limit and counts down near it", () => {
    expect(charactersLeft("hello")).toBeNull();
    expect(charactersLeft("x".repeat(3600))).toBe(400);
    expect(charactersLeft("x".repeat(4001))).toBe(-1);
    // An emoji is one character, as the server counts.
    expect(charactersLeft("😀".repeat(3600))).toBe(400);
  });
});

describe("mergeMessages", () => {
  it("keeps each message once, older first", () => {
    expect(mergeMessages([{ id: "a" }, { id: "b" }], [{ id: "b" }, { id: "c" }]).map((m) => m.id)).toEqual(["a", "b", "c"]);
  });
});
