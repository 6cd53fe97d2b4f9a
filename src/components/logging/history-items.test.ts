import { describe, expect, it } from "vitest";
import { historyItems } from "./history-items";

const at = (iso: string) => new Date(iso);
const session = (id: string, performedAt: string, runId: string | null = null) => ({ id, performedAt: at(performedAt), runId });
const run = (id: string, startedAt: string) => ({ id, startedAt: at(startedAt) });

describe("historyItems: a run and its warm-up are one item (issue 15)", () => {
  it("puts each warm-up inside the run it was logged for, at the run's time, newest first", () => {
    const items = historyItems(
      [session("drills", "2026-04-07T18:00:00Z"), session("warmup", "2026-04-07T06:50:00Z", "morning-run"), session("yesterday", "2026-04-06T07:00:00Z")],
      [run("morning-run", "2026-04-07T07:00:00Z")],
    );
    expect(items.map((i) => (i.kind === "run" ? `run:${i.run.id}[${i.warmups.map((w) => w.id).join(",")}]` : `session:${i.session.id}`))).toEqual([
      "session:drills",
      "run:morning-run[warmup]",
      "session:yesterday",
    ]);
  });

  it("keeps two warm-ups of one run in the order they were done", () => {
    const [item] = historyItems([session("second", "2026-04-07T06:55:00Z", "r"), session("first", "2026-04-07T06:40:00Z", "r")], [run("r", "2026-04-07T07:00:00Z")]);
    expect(item!.kind === "run" && item!.warmups.map((w) => w.id)).toEqual(["first", "second"]);
  });

  it("shows a warm-up on its own when its run is not in the list (older than the page, or deleted)", () => {
    const items = historyItems([session("warmup", "2026-04-07T06:50:00Z", "gone")], [run("other", "2026-04-05T07:00:00Z")]);
    expect(items.map((i) => i.kind)).toEqual(["session", "run"]);
    expect(items[1]!.kind === "run" && items[1]!.warmups).toEqual([]);
  });
});
