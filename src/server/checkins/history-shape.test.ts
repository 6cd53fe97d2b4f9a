import { describe, expect, it } from "vitest";
import type { QuestionKind, QuestionOptions } from "@/lib/checkins/vocabulary";
import { answerText, historyStart, shapeCheckinHistory, weekStartOf, type HistoryAnswerRow, type HistoryPainRow, type HistoryResponseRow } from "./history-shape";

// Thursday 3 December 2026; the window of 2 weeks starts Monday 23 November.
const TODAY = "2026-12-03";
const SCHEDULE = "00000000-0000-4000-8000-00000000000a";
const WEEKLY = "00000000-0000-4000-8000-00000000000b";

let n = 0;
function response(localDate: string, overrides: Partial<HistoryResponseRow> = {}): HistoryResponseRow {
  n += 1;
  return {
    id: `r${String(n).padStart(3, "0")}`,
    formId: "morning",
    formTitle: "Morning check-in",
    kind: "checkin",
    scheduleId: SCHEDULE,
    dueOn: localDate,
    localDate,
    answeredAt: new Date(`${localDate}T07:10:00Z`),
    hasRedFlag: false,
    clearedAt: null,
    clearNote: null,
    commentCount: 0,
    ...overrides,
  };
}

const options: Record<QuestionKind, QuestionOptions> = {
  scale: { kind: "scale", minLabel: "Awful", maxLabel: "Great" },
  choice: { kind: "choice", choices: ["Too easy", "About right", "Too hard"] },
  yes_no: { kind: "yes_no", askDetailOnYes: true },
  number: { kind: "number", unit: "h", min: 0, max: 24, decimals: 1 },
  text: { kind: "text" },
  pain_map: { kind: "pain_map", places: ["knee", "shin"] },
};

function answer(r: HistoryResponseRow, questionId: string, kind: QuestionKind, value: Partial<Pick<HistoryAnswerRow, "numberValue" | "textValue" | "boolValue" | "isRedFlag">> = {}, position = 0): HistoryAnswerRow {
  return { responseId: r.id, questionId, kind, prompt: `Question ${questionId}`, options: options[kind], position, isRedFlag: false, numberValue: null, textValue: null, boolValue: null, ...value };
}

const pain = (r: HistoryResponseRow, place: HistoryPainRow["place"], side: HistoryPainRow["side"], score: number, questionId = "pain"): HistoryPainRow => ({ responseId: r.id, questionId, place, side, score });

describe("the window", () => {
  it("is whole ISO weeks ending with today's", () => {
    expect(weekStartOf("2026-12-03")).toBe("2026-11-30");
    expect(weekStartOf("2026-11-30")).toBe("2026-11-30");
    expect(weekStartOf("2026-12-06")).toBe("2026-11-30");
    expect(historyStart(TODAY, 1)).toBe("2026-11-30");
    expect(historyStart(TODAY, 12)).toBe("2026-09-14");
  });
});

describe("how the client felt, shaped for the charts", () => {
  it("charts only places that hurt at least once, 0 on a day with a pain map and a gap on a day without", () => {
    const monday = response("2026-11-30");
    const tuesday = response("2026-12-01");
    const wednesday = response("2026-12-02", { scheduleId: null, dueOn: null, kind: "intake", formTitle: "Health questions" });
    const thursday = response("2026-12-03");
    const shaped = shapeCheckinHistory({
      today: TODAY,
      weeks: 2,
      responses: [monday, tuesday, wednesday, thursday],
      // Wednesday's intake had no pain map: it is no day of the pain lines.
      answers: [answer(monday, "pain", "pain_map"), answer(tuesday, "pain", "pain_map"), answer(wednesday, "feel", "scale", { numberValue: 5 }), answer(thursday, "pain", "pain_map")],
      pain: [pain(monday, "knee", "left", 3), pain(thursday, "knee", "left", 5), pain(thursday, "shin", "right", 2)],
      due: [],
    });
    expect(shaped.painDays).toEqual(["2026-11-30", "2026-12-01", "2026-12-03"]);
    expect(shaped.pain.map((s) => [s.label, s.points.map((p) => p.score)])).toEqual([
      // In body order, from the foot up.
      ["right shin", [0, 0, 2]],
      ["left knee", [3, 0, 5]],
    ]);
    // No right knee, no left shin: they never hurt.
    expect(shaped.pain.some((s) => s.label === "right knee" || s.label === "left shin")).toBe(false);
  });

  it("takes the worst score of a day with two pain maps", () => {
    const morning = response("2026-12-01");
    const review = response("2026-12-01", { scheduleId: WEEKLY, formTitle: "Weekly review", answeredAt: new Date("2026-12-01T18:00:00Z") });
    const shaped = shapeCheckinHistory({
      today: TODAY,
      weeks: 1,
      responses: [morning, review],
      answers: [answer(morning, "pain", "pain_map"), answer(review, "pain2", "pain_map")],
      pain: [pain(morning, "calf", "right", 6), pain(review, "calf", "right", 2, "pain2")],
      due: [],
    });
    expect(shaped.pain).toEqual([{ place: "calf", side: "right", label: "right calf", points: [{ localDate: "2026-12-01", score: 6 }] }]);
  });

  it("draws each scale and number by day, and leaves out what is before the window", () => {
    const old = response("2026-11-20");
    const a = response("2026-11-24");
    const b = response("2026-11-26");
    const shaped = shapeCheckinHistory({
      today: TODAY,
      weeks: 2,
      responses: [old, a, b],
      answers: [answer(old, "feel", "scale", { numberValue: 1 }), answer(a, "feel", "scale", { numberValue: 7 }), answer(b, "feel", "scale", { numberValue: 8 }), answer(b, "sleep", "number", { numberValue: 6.5 }, 1)],
      pain: [],
      due: [],
    });
    expect(shaped.scales.map((s) => [s.questionId, s.kind, s.unit, s.min, s.max, s.points])).toEqual([
      ["feel", "scale", null, 0, 10, [{ localDate: "2026-11-24", value: 7 }, { localDate: "2026-11-26", value: 8 }]],
      ["sleep", "number", "h", 0, 24, [{ localDate: "2026-11-26", value: 6.5 }]],
    ]);
    expect(shaped.responses.map((r) => r.id)).toEqual([b.id, a.id]);
  });

  it("counts each choice in the question's order, yes and no, and a choice since removed", () => {
    const [a, b, c] = [response("2026-11-29", { scheduleId: WEEKLY }), response("2026-11-22"), response("2026-12-01")];
    // The intake's yes and no are read on its own page, not counted over time.
    const intake = response("2026-11-20", { kind: "intake", scheduleId: null, dueOn: null });
    const shaped = shapeCheckinHistory({
      today: TODAY,
      weeks: 3,
      responses: [a, b, c, intake],
      answers: [
        answer(intake, "heart", "yes_no", { boolValue: false, isRedFlag: true }),
        answer(a, "felt", "choice", { textValue: "Too hard" }),
        answer(b, "felt", "choice", { textValue: "Too hard" }),
        answer(c, "felt", "choice", { textValue: "Way too hard" }),
        answer(a, "niggle", "yes_no", { boolValue: true, textValue: "left calf" }, 1),
        answer(b, "niggle", "yes_no", { boolValue: false }, 1),
      ],
      pain: [],
      due: [],
    });
    expect(shaped.choices.map((c) => [c.questionId, c.answered, c.counts])).toEqual([
      ["felt", 3, [{ label: "Too easy", count: 0 }, { label: "About right", count: 0 }, { label: "Too hard", count: 2 }, { label: "Way too hard", count: 1 }]],
      ["niggle", 2, [{ label: "Yes", count: 1 }, { label: "No", count: 1 }]],
    ]);
  });

  it("counts answered against due per week: today's not yet answered is not missed, a weekly review has two more days", () => {
    const daily = (dueOn: string) => ({ scheduleId: SCHEDULE, dueOn, cadence: "daily" as const });
    const monday = response("2026-11-30");
    // A review of a schedule that has ended since: it was due, so it counts.
    const review = response("2026-11-24", { scheduleId: WEEKLY, dueOn: "2026-11-23" });
    const shaped = shapeCheckinHistory({
      today: TODAY,
      weeks: 2,
      responses: [monday, review],
      answers: [],
      pain: [],
      due: [
        ...["2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"].map(daily),
        // Sunday 29 Nov's review can still be answered until Tuesday: missed on Thursday. Next Sunday's is after today.
        { scheduleId: WEEKLY, dueOn: "2026-11-29", cadence: "weekly" },
        { scheduleId: WEEKLY, dueOn: "2026-12-06", cadence: "weekly" },
      ],
    });
    expect(shaped.weeks).toEqual([
      { weekStart: "2026-11-23", due: 4, answered: 1, missed: 3 },
      { weekStart: "2026-11-30", due: 4, answered: 1, missed: 2 },
    ]);
  });

  it("keeps the answers in the form's order, in words, with a red flag marked", () => {
    const intake = response("2026-12-01", { kind: "intake", scheduleId: null, dueOn: null, hasRedFlag: true });
    const [shaped] = shapeCheckinHistory({
      today: TODAY,
      weeks: 1,
      responses: [intake],
      answers: [answer(intake, "pain", "pain_map", {}, 2), answer(intake, "heart", "yes_no", { boolValue: true, isRedFlag: true }, 0), answer(intake, "joint", "yes_no", { boolValue: false, isRedFlag: true }, 1)],
      pain: [pain(intake, "shin", "right", 4), pain(intake, "knee", "left", 2)],
      due: [],
    }).responses;
    expect(shaped!.answers.map((a) => [a.questionId, a.text, a.isRedFlagYes])).toEqual([
      ["heart", "Yes", true],
      ["joint", "No", false],
      ["pain", "right shin 4/10, left knee 2/10", false],
    ]);
  });
});

describe("an answer in words", () => {
  it.each([
    ["scale", { numberValue: 7 }, "7 of 10"],
    ["number", { numberValue: 6.5 }, "6.5 h"],
    ["choice", { textValue: "About right" }, "About right"],
    ["yes_no", { boolValue: true, textValue: "left calf tight" }, "Yes: left calf tight"],
    ["yes_no", { boolValue: false }, "No"],
    ["text", { textValue: "" }, "Nothing written"],
    ["pain_map", {}, "No pain"],
  ] as const)("%s %o reads %s", (kind, value, text) => {
    expect(answerText({ kind, options: options[kind], numberValue: null, textValue: null, boolValue: null, ...value }, [])).toBe(text);
  });
});
