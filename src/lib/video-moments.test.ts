import { describe, expect, it } from "vitest";
import { clientMomentPath, commentBodyProblem, commentMessageText, formatMoment, formatPreciseMoment, momentFromParam, momentParam, momentProblem, parseMoment } from "./video-moments";

describe("parseMoment", () => {
  it.each([
    ["0:07", 7000],
    [" 0:07 ", 7000],
    ["0:7", 7000],
    ["1:02.5", 62500],
    ["7", 7000],
    ["7.25", 7250],
    ["0:00", 0],
    ["10:59", 659000],
  ])("reads %s as %i ms", (text, ms) => expect(parseMoment(text)).toEqual({ ok: true, value: ms }));

  it("says the seconds of m:ss stop at 59", () => {
    expect(parseMoment("0:99")).toEqual({ ok: false, problem: "0:99 is not a moment: the seconds after the colon go up to 59 (write 1:05 for 65 seconds)." });
  });

  it.each(["", "abc", "0:07:01", "-1", "0:", ":07", "1,5"])("refuses %j with a sentence", (text) => {
    const parsed = parseMoment(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(/^Write the moment as minutes and seconds, for example 0:07/);
  });
});

describe("momentProblem", () => {
  it("accepts the first and the last frame", () => {
    expect(momentProblem(0, 20000)).toBeNull();
    expect(momentProblem(20000, 20000)).toBeNull();
  });
  it("refuses a moment past the end, saying how long the video is", () => {
    expect(momentProblem(25000, 10000)).toBe("0:25 is not a moment of this video: it is 0:10 long.");
    expect(momentProblem(99000, 20000)).toBe("1:39 is not a moment of this video: it is 0:20 long.");
  });
});

describe("formatting", () => {
  it.each([
    [0, "0:00", "0:00.0"],
    [7000, "0:07", "0:07.0"],
    [7233, "0:07", "0:07.2"],
    [65999, "1:05", "1:05.9"],
  ])("%i ms is %s (%s)", (ms, whole, precise) => {
    expect(formatMoment(ms)).toBe(whole);
    expect(formatPreciseMoment(ms)).toBe(precise);
  });
  it("writes the moment into a link and reads it back", () => {
    expect(momentParam(7000)).toBe("7");
    expect(momentParam(7250)).toBe("7.2");
    expect(momentFromParam("7")).toBe(7000);
    expect(momentFromParam("7.2")).toBe(7200);
    expect(momentFromParam("x")).toBeNull();
    expect(momentFromParam(null)).toBeNull();
    expect(clientMomentPath("s1", "v1", 7000)).toBe("/portal/history/s1?video=v1&t=7#video-v1");
  });
});

describe("comments", () => {
  it("needs words, at most 1000 characters", () => {
    expect(commentBodyProblem("  ")).toBe("Write what you see at this moment.");
    expect(commentBodyProblem("x".repeat(1001))).toBe("Keep a comment to 1000 characters (this one has 1001).");
    expect(commentBodyProblem("your left hip drops here")).toBeNull();
  });
  it("posts as the moment and the words", () => {
    expect(commentMessageText(7000, " your left hip drops here ")).toBe("0:07 — your left hip drops here");
  });
});
