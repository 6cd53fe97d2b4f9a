import { describe, expect, it } from "vitest";
import { formatBytes } from "./byte-size";

const MB = 1024 * 1024;

describe("formatBytes", () => {
  it.each([
    [0, "0 bytes"],
    [1, "1 byte"],
    [812, "812 bytes"],
    [1024, "1 KB"],
    [4300, "4.2 KB"],
    [1024 * 1024 - 1, "1 MB"],
    [100 * MB, "100 MB"],
    [212 * MB + 300_000, "212 MB"],
    [1.5 * 1024 * MB, "1.5 GB"],
    [3 * 1024 ** 5, "3072 TB"],
    [Number.NaN, "0 bytes"],
  ])("%d → %s", (bytes, words) => expect(formatBytes(bytes)).toBe(words));

  it("reads the upload limit as the limit's sentence says it", () => {
    expect(formatBytes(100 * 1024 * 1024)).toBe("100 MB");
  });
});
