import { describe, expect, it } from "vitest";
import { rangeOf } from "./range";

describe("rangeOf: what a phone seeking in a 1000-byte video gets", () => {
  it.each([
    [null, { kind: "whole" }],
    ["bytes=0-", { kind: "part", range: { start: 0, end: 999 } }],
    ["bytes=0-1", { kind: "part", range: { start: 0, end: 1 } }],
    ["bytes=500-599", { kind: "part", range: { start: 500, end: 599 } }],
    ["bytes=900-5000", { kind: "part", range: { start: 900, end: 999 } }],
    ["bytes=-100", { kind: "part", range: { start: 900, end: 999 } }],
    ["bytes=-5000", { kind: "part", range: { start: 0, end: 999 } }],
    ["bytes=1000-", { kind: "unsatisfiable" }],
    ["bytes=600-500", { kind: "unsatisfiable" }],
    ["bytes=-0", { kind: "unsatisfiable" }],
    ["bytes=-", { kind: "unsatisfiable" }],
    ["items=0-5", { kind: "unsatisfiable" }],
    ["bytes=0-5,10-20", { kind: "whole" }],
  ] as const)("Range: %s", (header, answer) => {
    expect(rangeOf(header, 1000)).toEqual(answer);
  });
});
