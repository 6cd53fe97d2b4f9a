import { and, asc, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addDays, localDateIn } from "@/lib/local-date";
import { answerableUntil, dueOccurrences } from "@/server/checkins/occurrences";
import { exportFiles } from "@/server/data-rights/files";
import { exportClients } from "@/server/data-rights/scope";
import { assignmentVersions, checkinAnswers, checkinForms, checkinPainScores, checkinQuestions, checkinResponses, checkinSchedules, clients, users } from "@/server/db/schema";
import { setupDemoDatabase } from "~test/demo";

const demo = setupDemoDatabase();

async function client(email: string) {
  const [row] = await demo.db.select({ id: clients.id, studioId: clients.studioId, timeZone: users.timeZone }).from(clients).innerJoin(users, eq(users.id, clients.userId)).where(eq(users.email, email));
  return { ...row!, today: localDateIn(new Date(), row!.timeZone) };
}

async function schedulesOf(clientId: string) {
  return demo.db
    .select({ s: checkinSchedules, form: checkinForms.builtInKey })
    .from(checkinSchedules)
    .innerJoin(checkinForms, eq(checkinForms.id, checkinSchedules.formId))
    .where(and(eq(checkinSchedules.clientId, clientId), isNull(checkinSchedules.endedAt)));
}

describe("the demo's check-ins", () => {
  it("the runners are asked the morning check-in at 07:00 (from today; Dana three weeks back) and Dana the weekly review on Sundays at 18:00", async () => {
    for (const email of ["alex@stride.test", "bea@stride.test", "eli@stride.test"]) {
      const c = await client(email);
      const rows = await schedulesOf(c.id);
      expect(rows.map((r) => [r.form, r.s.cadence, r.s.atTime, r.s.startsOn]), email).toEqual([["morning-check-in", "daily", "07:00", c.today]]);
    }
    const dana = await client("dana@stride.test");
    const rows = await schedulesOf(dana.id);
    expect(rows.map((r) => [r.form, r.s.cadence, r.s.weekday, r.s.atTime, r.s.startsOn]).sort()).toEqual([
      ["morning-check-in", "daily", null, "07:00", addDays(dana.today, -21)],
      ["weekly-review", "weekly", 7, "18:00", addDays(dana.today, -21)],
    ]);
  });

  it("asks Chidi the morning check-in and a weekly review today, for the answering story; Alex his morning one", async () => {
    const chidi = await (await demo.as("chidi@stride.test")).checkin.due();
    expect(chidi.open.map((o) => [o.formTitle, o.isToday])).toEqual([
      ["Morning check-in", true],
      ["Weekly review", true],
    ]);
    expect(chidi.answered).toEqual([]);
    const alex = await (await demo.as("alex@stride.test")).checkin.due();
    expect(alex.open.map((o) => [o.formTitle, o.isToday])).toEqual([["Morning check-in", true]]);
  });

  it("Dana answered every morning of three weeks but today, believably, with the last five at pain 2 or less", async () => {
    const dana = await client("dana@stride.test");
    const mornings = await demo.db
      .select({ r: checkinResponses })
      .from(checkinResponses)
      .innerJoin(checkinForms, eq(checkinForms.id, checkinResponses.formId))
      .where(and(eq(checkinResponses.clientId, dana.id), eq(checkinForms.builtInKey, "morning-check-in")))
      .orderBy(asc(checkinResponses.dueOn));
    expect(mornings.map((m) => m.r.dueOn)).toEqual(Array.from({ length: 21 }, (_, i) => addDays(dana.today, i - 21)));
    for (const { r } of mornings) {
      expect(r.localDate).toBe(r.dueOn);
      expect(localDateIn(r.answeredAt, dana.timeZone)).toBe(r.dueOn);
      expect(r.hasRedFlag).toBe(false);
    }
    const scales = await demo.db
      .select({ prompt: checkinQuestions.prompt, value: checkinAnswers.numberValue })
      .from(checkinAnswers)
      .innerJoin(checkinQuestions, eq(checkinQuestions.id, checkinAnswers.questionId))
      .innerJoin(checkinResponses, eq(checkinResponses.id, checkinAnswers.responseId))
      .where(and(eq(checkinResponses.clientId, dana.id), eq(checkinQuestions.kind, "scale"), eq(checkinResponses.scheduleId, mornings[0]!.r.scheduleId!)));
    const feel = scales.filter((s) => s.prompt === "How do you feel this morning?").map((s) => s.value!);
    const sleep = scales.filter((s) => s.prompt === "How well did you sleep?").map((s) => s.value!);
    expect(feel).toHaveLength(21);
    expect(Math.min(...feel)).toBeGreaterThanOrEqual(6);
    expect(Math.max(...feel)).toBeLessThanOrEqual(8);
    expect(Math.min(...sleep)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...sleep)).toBeLessThanOrEqual(8);

    const pain = await demo.db.select().from(checkinPainScores).where(eq(checkinPainScores.clientId, dana.id));
    const knee = pain.filter((p) => p.place === "knee");
    expect(knee.length).toBeGreaterThan(3);
    expect(knee.every((p) => p.side === "left" && p.score <= 2)).toBe(true);
    expect(pain.filter((p) => p.place === "shin").map((p) => [p.side, p.score])).toEqual([["left", 3]]);
    expect(pain.filter((p) => p.localDate >= addDays(dana.today, -5)).every((p) => p.score <= 2)).toBe(true);
    // Nothing hurt enough to pause a drill by itself.
    const automatic = await demo.db.select().from(assignmentVersions).where(and(eq(assignmentVersions.studioId, dana.studioId), isNull(assignmentVersions.changedByMemberId), eq(assignmentVersions.action, "paused")));
    expect(automatic).toEqual([]);
  });

  it("of Dana's weekly reviews, the latest that has closed was missed and the ones before it answered", async () => {
    const dana = await client("dana@stride.test");
    const weekly = (await schedulesOf(dana.id)).find((r) => r.form === "weekly-review")!.s;
    const closed = dueOccurrences(weekly, dana.timeZone, weekly.startsOn, addDays(dana.today, -1)).filter((o) => answerableUntil("weekly", o.dueOn) < dana.today);
    const answered = await demo.db.select({ dueOn: checkinResponses.dueOn }).from(checkinResponses).where(eq(checkinResponses.scheduleId, weekly.id)).orderBy(asc(checkinResponses.dueOn));
    expect(closed.length).toBeGreaterThanOrEqual(2);
    expect(answered.map((a) => a.dueOn)).toEqual(closed.slice(0, -1).map((o) => o.dueOn));
  });

  it("Morgan's queue shows Dana's missed weekly review, and no rising pain or automatic pause for her", async () => {
    const queue = await (await demo.as("morgan@stride.test")).review.attention();
    const dana = queue.filter((i) => i.clientName === "Dana Whitfield").map((i) => i.kind);
    expect(dana.filter((k) => k === "missed_checkin")).toHaveLength(1);
    expect(dana).not.toContain("rising_pain");
    expect(dana).not.toContain("auto_paused");
  });

  it("Dana's check-ins are in her own export", async () => {
    const { scope } = await (await demo.as("dana@stride.test")).dataRights.myExport();
    const file = exportFiles("client").find((f) => f.name === "checkins.csv")!;
    const rows: unknown[][] = [];
    for await (const chunk of file.rows({ q: demo.db, studioId: scope.studioId, clients: await exportClients(demo.db, scope) })) rows.push(...chunk);
    expect(rows.some((r) => r.includes("left shin 3"))).toBe(true);
  });
});
