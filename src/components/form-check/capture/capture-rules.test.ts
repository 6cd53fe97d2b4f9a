import { describe, expect, it } from "vitest";
import { clipRefusal, percentOf, pickRecordingType, progressText, recordingName, sidesToFilm, timerText } from "./capture-rules";

const limits = { maxBytes: 100 * 1024 * 1024, maxSeconds: 60 };
const MB = 1024 * 1024;

describe("pickRecordingType", () => {
  it.each([
    ["Safari and Chrome: MP4 with H.264", ["video/mp4;codecs=avc1", "video/mp4", "video/webm"], "video/mp4;codecs=avc1"],
    ["an MP4 recorder without codec names", ["video/mp4"], "video/mp4"],
    ["Firefox: WebM, VP9 before VP8", ["video/webm;codecs=vp8", "video/webm;codecs=vp9", "video/webm"], "video/webm;codecs=vp9"],
    ["an old WebM recorder", ["video/webm"], "video/webm"],
    ["no recorder type we take: the phone's camera app instead", ["video/ogg"], null],
  ])("%s", (_case, supported, expected) => {
    expect(pickRecordingType((t) => supported.includes(t))).toBe(expected);
  });
});

describe("clipRefusal", () => {
  it.each([
    ["a 3 s phone clip", { type: "video/mp4", sizeBytes: 4 * MB, durationSeconds: 3 }, null],
    ["a clip whose length the browser cannot read goes to the server", { type: "video/quicktime", sizeBytes: 4 * MB, durationSeconds: null }, null],
    ["a file with no declared type goes to the server", { type: "", sizeBytes: 4 * MB, durationSeconds: null }, null],
    ["a recording stopped at the limit, a little over", { type: "video/webm", sizeBytes: 9 * MB, durationSeconds: 60.4 }, null],
    ["a PDF", { type: "application/pdf", sizeBytes: 1 * MB, durationSeconds: null }, "This file is not a video. Choose a video you filmed (MP4, MOV or WebM)."],
    ["an empty file", { type: "video/mp4", sizeBytes: 0, durationSeconds: null }, "This video is empty. Film it again."],
    ["a 2 GB file", { type: "video/mp4", sizeBytes: 2048 * MB, durationSeconds: 30 }, "This video is larger than 100 MB. Film a shorter clip (up to 60 seconds of one side) and upload that."],
    ["exactly 100 MB is allowed", { type: "video/mp4", sizeBytes: 100 * MB, durationSeconds: 30 }, null],
    ["a 10-minute video", { type: "video/mp4", sizeBytes: 90 * MB, durationSeconds: 600 }, "This video is 10:00 long; a form check is up to 60 seconds of one side. Trim it or film a shorter clip."],
    ["61 seconds", { type: "video/mp4", sizeBytes: 9 * MB, durationSeconds: 61 }, "This video is 1:01 long; a form check is up to 60 seconds of one side. Trim it or film a shorter clip."],
  ])("%s", (_case, clip, expected) => {
    expect(clipRefusal(clip, limits)).toBe(expected);
  });
});

describe("progress", () => {
  it.each([
    [0, 10 * MB, 0, "Uploading 0% (0.0 of 10.0 MB)"],
    [4.2 * MB, 10 * MB, 42, "Uploading 42% (4.2 of 10.0 MB)"],
    // The last byte sent is not the server's answer: 100% waits for the upload to be acknowledged.
    [10 * MB - 1, 10 * MB, 99, "Uploading 99% (10.0 of 10.0 MB)"],
    [10 * MB, 10 * MB, 100, "Uploading 100% (10.0 of 10.0 MB)"],
    [0, 0, 0, "Uploading 0% (0.0 of 0.0 MB)"],
  ])("%d of %d bytes", (sent, total, percent, text) => {
    expect(percentOf(sent, total)).toBe(percent);
    expect(progressText(sent, total)).toBe(text);
  });

  it("the recording timer counts up to the limit and no further", () => {
    expect(timerText(0, 60)).toBe("0:00 of 1:00");
    expect(timerText(7.9, 60)).toBe("0:07 of 1:00");
    expect(timerText(61, 60)).toBe("1:00 of 1:00");
  });
});

describe("sidesToFilm", () => {
  it("one video per drill and side, on the first set logged, in the order logged", () => {
    const knee = "k", rot = "r";
    expect(
      sidesToFilm([
        { drillId: rot, setNumber: 2, side: "left" },
        { drillId: knee, setNumber: 1, side: "left" },
        { drillId: knee, setNumber: 1, side: "right" },
        { drillId: rot, setNumber: 1, side: "left" },
        { drillId: "plank", setNumber: 1, side: "both" },
      ]),
    ).toEqual([
      { drillId: rot, setNumber: 1, side: "left" },
      { drillId: knee, setNumber: 1, side: "left" },
      { drillId: knee, setNumber: 1, side: "right" },
      { drillId: "plank", setNumber: 1, side: "both" },
    ]);
  });
});

it("a recording's file name says the side and the container", () => {
  const at = new Date("2026-12-04T22:10:05.123Z");
  expect(recordingName("left", "video/mp4", at)).toBe("left-side-2026-12-04T22-10-05-123Z.mp4");
  expect(recordingName("both", "video/webm", at)).toBe("both-sides-2026-12-04T22-10-05-123Z.webm");
});
