import { describe, expect, it } from "vitest";
import { setupDemoDatabase } from "~test/demo";

const demo = setupDemoDatabase();

describe("the demo's logs", () => {
  it("shows Morgan a queue with pain first (Bea's session, Eli's run) and Chidi's unreviewed sessions", async () => {
    const queue = await (await demo.as("morgan@stride.test")).review.attention();
    // A held health answer comes before everything (Leo's knee, seed/intake.ts), then pain.
    expect(queue.map((i) => i.kind).slice(0, 2)).toEqual(["intake_red_flag", "pain"]);
    expect(queue[0]!.clientName).toBe("Leo Fischer");
    const painful = queue.filter((i) => i.kind === "pain").map((i) => i.clientName);
    expect(painful).toEqual(expect.arrayContaining(["Bea Lindqvist", "Eli Navarro"]));
    expect(queue.filter((i) => i.kind === "unreviewed_session" && i.clientName === "Chidi Okafor")).toHaveLength(2);
  });

  it("shows Chidi their history with Morgan's feedback, an older session fixed and a recent one open", async () => {
    const history = await (await demo.as("chidi@stride.test")).session.history();
    expect(history.sessions).toHaveLength(3);
    const reviewed = history.sessions.find((s) => s.review);
    expect(reviewed!.review!.feedback).toMatch(/let the broomstick lead the turn/);
    expect(reviewed!.canChange).toBe(false);
    expect(history.sessions.some((s) => s.canChange)).toBe(true);
    expect(history.runs).toHaveLength(1);
  });

  it("also carries progression's flags and billing's follow-ups: Alex's asymmetry, Eli's unlock, Kira's failed payment", async () => {
    const queue = await (await demo.as("morgan@stride.test")).review.attention();
    const of = (kind: string) => queue.filter((i) => i.kind === kind).map((i) => i.clientName);
    expect(of("asymmetry")).toContain("Alex Morgan");
    expect(of("unlocked")).toContain("Eli Navarro");
    expect(of("failed_payment")).toContain("Kira Mensah");
  });

  it("no client joined after their first log: \"Client since\" is never later than the history", async () => {
    const morgan = await demo.as("morgan@stride.test");
    const alex = (await morgan.client.list({})).find((c) => c.email === "alex@stride.test")!;
    const logs = await morgan.review.forClient({ clientId: alex.id });
    const first = Math.min(...logs.sessions.map((s) => s.performedAt.getTime()), ...logs.runs.map((r) => r.startedAt.getTime()));
    expect(alex.createdAt.getTime()).toBeLessThanOrEqual(first);
    expect((await morgan.client.get({ clientId: alex.id })).clientSince.getTime()).toBeLessThanOrEqual(first);
  });

  it("the other studio sees none of it", async () => {
    const queue = await (await demo.as("rosa@harbour.test")).review.attention();
    // Harbour's own runners (seed/pain-gate.ts) only.
    expect(new Set(queue.map((i) => i.clientName))).toEqual(new Set(["Uma Reyes", "Vic Osei"]));
  });
});
