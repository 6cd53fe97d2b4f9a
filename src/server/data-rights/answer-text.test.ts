import { describe, expect, it } from "vitest";
import { answerAsText, type StoredAnswer } from "./answer-text";

const none = { numberValue: null, textValue: null, boolValue: null, painScores: [] };
const painMap: Pick<StoredAnswer, "kind" | "options"> = { kind: "pain_map", options: { kind: "pain_map", places: ["knee", "shin", "lower_back"] } };

describe("a check-in answer as the export writes it", () => {
  it.each<[string, StoredAnswer, string | null]>([
    ["a scale", { ...none, kind: "scale", options: { kind: "scale", minLabel: "Awful", maxLabel: "Great" }, numberValue: 7 }, "7/10"],
    ["a scale at 0", { ...none, kind: "scale", options: { kind: "scale", minLabel: "", maxLabel: "" }, numberValue: 0 }, "0/10"],
    ["a number with its unit", { ...none, kind: "number", options: { kind: "number", unit: "kg", min: 0, max: 300, decimals: 1 }, numberValue: 62.5 }, "62.5 kg"],
    ["a number without a unit", { ...none, kind: "number", options: { kind: "number", unit: "", min: 0, max: 10, decimals: 0 }, numberValue: 3 }, "3"],
    ["yes", { ...none, kind: "yes_no", options: { kind: "yes_no", askDetailOnYes: false }, boolValue: true }, "yes"],
    ["yes with the detail", { ...none, kind: "yes_no", options: { kind: "yes_no", askDetailOnYes: true }, boolValue: true, textValue: "Old sprain, left ankle" }, "yes: Old sprain, left ankle"],
    ["no", { ...none, kind: "yes_no", options: { kind: "yes_no", askDetailOnYes: true }, boolValue: false }, "no"],
    ["a choice", { ...none, kind: "choice", options: { kind: "choice", choices: ["Easy", "Hard"] }, textValue: "Hard" }, "Hard"],
    ["a text left empty", { ...none, kind: "text", options: { kind: "text" } }, null],
    ["a pain map with nothing hurting", { ...none, ...painMap }, "no pain"],
    [
      "pain by place and side, in body-map order",
      { ...none, ...painMap, painScores: [{ place: "shin", side: "right", score: 2 }, { place: "knee", side: "left", score: 6 }, { place: "lower_back", side: "left", score: 1 }] },
      "right shin 2; left knee 6; lower back (left) 1",
    ],
  ])("%s", (_, answer, text) => {
    expect(answerAsText(answer)).toBe(text);
  });
});
