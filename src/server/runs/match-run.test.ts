import { describe, expect, it } from "vitest";
import { matchRun, type RunCandidate } from "./match-run";

const MIN = 60_000;
// A 10 km run at 07:00 London time (BST) on Tuesday 7 April 2026.
const start = new Date("2026-04-07T06:00:00Z");
const file = { startedAt: start, localDate: "2026-04-07", distanceM: 10_000 };

const run = (overrides: Partial<RunCandidate>): RunCandidate => ({
  id: "00000000-0000-4000-8000-000000000001",
  source: "file",
  startedAt: start,
  localDate: "2026-04-07",
  distanceM: 10_000,
  ...overrides,
});
const at = (minutes: number, seconds = 0) => new Date(start.getTime() + minutes * MIN + seconds * 1000);

describe("matchRun: another file of the same activity", () => {
  it.each([
    { name: "the same start and distance", c: {}, kind: "join" },
    { name: "2 minutes later, exactly", c: { startedAt: at(2) }, kind: "join" },
    { name: "2 minutes earlier, exactly", c: { startedAt: at(-2) }, kind: "join" },
    { name: "2 minutes and a second later", c: { startedAt: at(2, 1) }, kind: "new" },
    { name: "5 % longer, exactly", c: { distanceM: 10_500 }, kind: "join" },
    { name: "5 % shorter, exactly", c: { distanceM: 9_500 }, kind: "join" },
    { name: "a metre more than 5 % longer", c: { distanceM: 10_501 }, kind: "new" },
    { name: "a metre more than 5 % shorter", c: { distanceM: 9_499 }, kind: "new" },
  ])("$name → $kind", ({ c, kind }) => {
    expect(matchRun([run(c)], file).kind).toBe(kind);
  });
});

describe("matchRun: a run the client typed before", () => {
  const typed = (o: Partial<RunCandidate>) => run({ source: "typed", ...o });
  it.each([
    { name: "the same start and distance", c: {}, kind: "merge" },
    { name: "90 minutes earlier, exactly", c: { startedAt: at(-90) }, kind: "merge" },
    { name: "90 minutes later, exactly", c: { startedAt: at(90) }, kind: "merge" },
    { name: "90 minutes and a second later", c: { startedAt: at(90, 1) }, kind: "new" },
    { name: "15 % longer, exactly", c: { distanceM: 11_500 }, kind: "merge" },
    { name: "15 % shorter, exactly", c: { distanceM: 8_500 }, kind: "merge" },
    { name: "a metre more than 15 % longer", c: { distanceM: 11_501 }, kind: "new" },
    { name: "a metre more than 15 % shorter", c: { distanceM: 8_499 }, kind: "new" },
    // An hour apart, but across the client's midnight: a run of another day.
    { name: "within 90 minutes but the day before on the client's calendar", c: { startedAt: at(-60), localDate: "2026-04-06" }, kind: "new" },
  ])("$name → $kind", ({ c, kind }) => {
    expect(matchRun([typed(c)], file).kind).toBe(kind);
  });

  it("a second file of a typed run is loose only for the typed run: a file run 10 minutes off is not joined", () => {
    expect(matchRun([run({ startedAt: at(10) })], file)).toEqual({ kind: "new" });
  });
});

describe("matchRun: several candidates", () => {
  const typedId = "00000000-0000-4000-8000-00000000000a";
  const fileId = "00000000-0000-4000-8000-00000000000b";
  it("prefers another file over a typed run, even a nearer typed one", () => {
    const candidates = [run({ id: typedId, source: "typed" }), run({ id: fileId, startedAt: at(1) })];
    expect(matchRun(candidates, file)).toEqual({ kind: "join", runId: fileId });
  });

  it("takes the nearest start, whatever order the candidates come in", () => {
    const near = run({ id: typedId, source: "typed", startedAt: at(-20) });
    const far = run({ id: fileId, source: "typed", startedAt: at(40) });
    expect(matchRun([far, near], file)).toEqual({ kind: "merge", runId: typedId });
    expect(matchRun([near, far], file)).toEqual({ kind: "merge", runId: typedId });
  });

  it("with the same start, the nearer distance", () => {
    const close = run({ id: fileId, source: "typed", distanceM: 10_100 });
    const off = run({ id: typedId, source: "typed", distanceM: 9_000 });
    expect(matchRun([off, close], file)).toEqual({ kind: "merge", runId: fileId });
  });

  it("no candidates: a new run", () => {
    expect(matchRun([], file)).toEqual({ kind: "new" });
  });
});
