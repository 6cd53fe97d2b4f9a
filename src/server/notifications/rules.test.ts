import { describe, expect, it } from "vitest";
import { DIGEST_GRACE_MS, DIGEST_INTERVAL_MS, digestEmail, digestSendAt, missedItems, type DigestItem } from "./rules";

const at = (iso: string) => new Date(iso);
const item = (over: Partial<DigestItem>): DigestItem => ({
  kind: "message",
  title: "Message from Sam",
  body: "How did the left side feel?",
  url: "/portal/messages",
  createdAt: at("2026-03-29T00:30:00Z"),
  seenAt: null,
  pushedAt: null,
  digestedAt: null,
  ...over,
});

describe("digestSendAt: at most one digest an hour, after a grace for reading in the app", () => {
  it.each([
    ["no digest yet: the grace after the earliest miss", "2026-03-29T00:30:00Z", null, new Date(at("2026-03-29T00:30:00Z").getTime() + DIGEST_GRACE_MS)],
    ["a digest 10 minutes before: an hour after it", "2026-03-29T00:30:00Z", "2026-03-29T00:20:00Z", new Date(at("2026-03-29T00:20:00Z").getTime() + DIGEST_INTERVAL_MS)],
    ["a digest long ago: the grace", "2026-03-29T00:30:00Z", "2026-03-28T12:00:00Z", at("2026-03-29T00:45:00Z")],
    // Europe's clocks move at 01:00 UTC that night: the rule counts real hours, not wall time.
    ["across the DST change", "2026-03-29T00:59:00Z", "2026-03-29T00:30:00Z", at("2026-03-29T01:30:00Z")],
  ])("%s", (_label, earliest, last, expected) => {
    expect(digestSendAt(at(earliest), last ? at(last) : null)).toEqual(expected);
  });
});

describe("missedItems: what reached no device and was not seen", () => {
  it("leaves out the seen, the pushed and the already emailed", () => {
    const items = [
      item({ title: "kept" }),
      item({ title: "seen", seenAt: at("2026-03-29T00:31:00Z") }),
      item({ title: "pushed", pushedAt: at("2026-03-29T00:30:01Z") }),
      item({ title: "emailed", digestedAt: at("2026-03-29T01:00:00Z") }),
    ];
    expect(missedItems(items).map((i) => i.title)).toEqual(["kept"]);
  });
});

describe("digestEmail", () => {
  it("is nothing when nothing was missed", () => {
    expect(digestEmail([item({ seenAt: at("2026-03-29T00:31:00Z") })], "https://coach.example.com")).toBeNull();
  });

  it("groups by kind in the settings' order, newest first, with full links", () => {
    const email = digestEmail(
      [
        item({ kind: "payment_failed", title: "A payment failed", body: "Update your card.", url: "/portal/billing" }),
        item({ title: "Message from Sam", body: "first", createdAt: at("2026-03-29T00:10:00Z") }),
        item({ title: "Message from Sam", body: "second", createdAt: at("2026-03-29T00:20:00Z") }),
      ],
      "https://coach.example.com",
    )!;
    expect(email.subject).toBe("You missed 3 notifications");
    const text = email.text;
    expect(text.indexOf("A new message:")).toBeLessThan(text.indexOf("A payment that failed:"));
    expect(text.indexOf("second")).toBeLessThan(text.indexOf("first"));
    expect(text).toContain("https://coach.example.com/portal/billing");
  });

  it("names the one thing missed in the subject", () => {
    expect(digestEmail([item({})], "http://localhost:3000")!.subject).toBe("You missed: Message from Sam");
  });
});
