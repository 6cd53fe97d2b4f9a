import { describe, expect, it } from "vitest";
import { MESSAGE_MAX_CHARACTERS } from "@/lib/message-text";
import { isFeedbackNews, painCommentId, painCommentText } from "./log-comment-rules";

describe("painCommentText", () => {
  it.each([
    [{ painWhere: "left knee", note: "Sharp on the hops." }, "Pain: left knee — Sharp on the hops."],
    [{ painWhere: "left knee", note: null }, "Pain: left knee"],
    [{ painWhere: null, note: "  " }, "Pain: not said where"],
  ])("%o reads %s", (report, text) => expect(painCommentText(report)).toBe(text));

  it("stays within a message's length", () => {
    expect([...painCommentText({ painWhere: "knee", note: "a".repeat(5000) })]).toHaveLength(MESSAGE_MAX_CHARACTERS);
  });
});

describe("painCommentId", () => {
  it("is one valid uuid per log, different for a session and a run of the same id", () => {
    const id = "7a1f2c3e-1111-4222-8333-944455556666";
    expect(painCommentId({ sessionId: id })).toBe(painCommentId({ sessionId: id }));
    expect(painCommentId({ sessionId: id })).not.toBe(painCommentId({ runId: id }));
    expect(painCommentId({ runId: id })).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("isFeedbackNews", () => {
  it.each([
    [null, "Good work.", true],
    ["Good work.", "Good work.  ", false],
    ["Good work.", "Hips square next time.", true],
    [null, "   ", false],
    ["Good work.", "", false],
  ])("previous %s, saved %s: %s", (previous, feedback, expected) => expect(isFeedbackNews(previous, feedback)).toBe(expected));
});
