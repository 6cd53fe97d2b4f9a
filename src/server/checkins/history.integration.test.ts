import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications, threads } from "@/server/db/schema";
import { callerFor } from "~test/caller";
import { builtInForm, scheduleCheckin } from "~test/checkin-fixtures";
import { storeAnswers } from "~test/checkin-answer-fixtures";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, type TestStudio } from "~test/factories";
import { refusalOf } from "~test/refusal";
import { checkinHistoryOf } from "./history";

const t = setupTestDatabase();

// Thursday 3 December 2026, noon in London (the factories' zone): two weeks start Monday 23 November.
const NOW = new Date("2026-12-03T12:00:00Z");
const at = { now: () => NOW };

/** Client A's morning check-in, daily from 23 November, answered on three days of the second week. */
async function aWeekOfMornings(studio: TestStudio) {
  const { form, questions, schedule } = await scheduleCheckin(t.db, studio, { startsOn: "2026-11-23" });
  const answer = (localDate: string, pain: { place: "knee" | "shin"; side: "left" | "right"; score: number }[], feel: number) =>
    storeAnswers(t.db, {
      studioId: studio.studioId,
      clientId: studio.clientA.clientId,
      form,
      questions,
      scheduleId: schedule.id,
      localDate,
      pain,
      answer: (q) => (q.prompt.startsWith("How do you feel") ? { kind: "scale", value: feel } : undefined),
    });
  const monday = await answer("2026-11-30", [{ place: "knee", side: "left", score: 3 }], 6);
  const tuesday = await answer("2026-12-01", [], 7);
  const thursday = await answer("2026-12-03", [{ place: "knee", side: "left", score: 5 }, { place: "shin", side: "right", score: 2 }], 4);
  return { form, questions, schedule, monday, tuesday, thursday };
}

describe("a client's check-ins over the weeks", () => {
  it("reads pain per place and side, each scale by day, and answered against due, for the client and their trainer alike", async () => {
    const studio = await createTestStudio(t.db);
    const { monday, tuesday, thursday } = await aWeekOfMornings(studio);
    // Client B's answers are not A's.
    const { form, questions, schedule } = await scheduleCheckin(t.db, studio, { clientId: studio.clientB.clientId, startsOn: "2026-11-23" });
    await storeAnswers(t.db, { studioId: studio.studioId, clientId: studio.clientB.clientId, form, questions, scheduleId: schedule.id, localDate: "2026-12-02", pain: [{ place: "hip", side: "left", score: 9 }] });

    const mine = await callerFor(t.db, studio.clientA.userId, at).checkinHistory.mine({ weeks: 2 });
    expect(mine.from).toBe("2026-11-23");
    expect(mine.today).toBe("2026-12-03");
    expect(mine.painDays).toEqual(["2026-11-30", "2026-12-01", "2026-12-03"]);
    expect(mine.pain.map((s) => [s.label, s.points.map((p) => p.score)])).toEqual([
      ["right shin", [0, 0, 2]],
      ["left knee", [3, 0, 5]],
    ]);
    const feel = mine.scales.find((s) => s.prompt === "How do you feel this morning?");
    expect(feel?.points).toEqual([
      { localDate: "2026-11-30", value: 6 },
      { localDate: "2026-12-01", value: 7 },
      { localDate: "2026-12-03", value: 4 },
    ]);
    // Every day from 23 November was due; today's answered, Wednesday's missed.
    expect(mine.weeks).toEqual([
      { weekStart: "2026-11-23", due: 7, answered: 0, missed: 7 },
      { weekStart: "2026-11-30", due: 4, answered: 3, missed: 1 },
    ]);
    expect(mine.responses.map((r) => r.id)).toEqual([thursday.id, tuesday.id, monday.id]);
    expect(mine.responses[0]!.answers.map((a) => a.text)).toEqual(["4 of 10", "5 of 10", "right shin 2/10, left knee 5/10", "Nothing written"]);

    const forTrainer = await callerFor(t.db, studio.trainer.userId, at).checkinHistory.forClient({ clientId: studio.clientA.clientId, weeks: 2 });
    expect(forTrainer.pain).toEqual(mine.pain);
    expect(forTrainer.client.name).toBe(studio.clientA.name);
    // The default is the twelve weeks the progress page shows for drills and runs.
    expect((await checkinHistoryOf(t.db, studio.studioId, studio.clientA.clientId, NOW)).weeks).toHaveLength(12);
  });

  it("is nobody else's: another studio's trainer and another client are answered as missing", async () => {
    const studio = await createTestStudio(t.db);
    const other = await createTestStudio(t.db, "other");
    const { monday } = await aWeekOfMornings(studio);
    expect(await refusalOf(callerFor(t.db, other.trainer.userId, at).checkinHistory.forClient({ clientId: studio.clientA.clientId }), "checkinHistory.forClient")).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusalOf(callerFor(t.db, studio.clientB.userId, at).checkinHistory.response({ responseId: monday.id }), "checkinHistory.response")).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusalOf(callerFor(t.db, other.owner.userId, at).checkinHistory.response({ responseId: monday.id }), "checkinHistory.response")).toMatchObject({ code: "NOT_FOUND" });
    // Client B's own history has none of A's answers.
    expect((await callerFor(t.db, studio.clientB.userId, at).checkinHistory.mine({})).responses).toEqual([]);
  });

  it("shows the intake's red flags to the trainer, answer by answer", async () => {
    const studio = await createTestStudio(t.db);
    const { form, questions } = await builtInForm(t.db, studio.studioId, "health-intake");
    const heart = questions[0]!;
    const intake = await storeAnswers(t.db, {
      studioId: studio.studioId,
      clientId: studio.clientA.clientId,
      form,
      questions,
      localDate: "2026-12-02",
      answer: (q) => (q.id === heart.id ? { kind: "yes_no", value: true } : undefined),
    });
    const view = await callerFor(t.db, studio.trainer.userId, at).checkinHistory.response({ responseId: intake.id });
    expect(view.hasRedFlag).toBe(true);
    expect(view.kind).toBe("intake");
    expect(view.answers.filter((a) => a.isRedFlagYes).map((a) => a.prompt)).toEqual([heart.prompt]);
    expect(view.client).toMatchObject({ id: studio.clientA.clientId, timeZone: "Europe/London" });
  });
});

describe("comments on a check-in", () => {
  it("are one thread per response, read and written by the client and their trainer, and the other side is told", async () => {
    const studio = await createTestStudio(t.db);
    const { monday, tuesday } = await aWeekOfMornings(studio);
    const client = callerFor(t.db, studio.clientA.userId, at);
    const trainer = callerFor(t.db, studio.trainer.userId, at);

    // Both sides opening it at once make one thread.
    const [first, second] = await Promise.all([client.message.forLog({ checkinResponseId: monday.id }), trainer.message.forLog({ checkinResponseId: monday.id })]);
    expect(first.threadId).toBe(second.threadId);
    const rows = await t.db.select().from(threads).where(eq(threads.checkinResponseId, monday.id));
    expect(rows).toMatchObject([{ kind: "checkin", clientId: studio.clientA.clientId }]);
    // Another response has its own.
    expect((await client.message.forLog({ checkinResponseId: tuesday.id })).threadId).not.toBe(first.threadId);

    await client.message.send({ threadId: first.threadId, id: randomUUID(), body: "The left knee was stiff after yesterday's hopping." });
    const seen = await trainer.message.forLog({ checkinResponseId: monday.id });
    expect(seen.messages.map((m) => [m.body, m.authorKind])).toEqual([["The left knee was stiff after yesterday's hopping.", "client"]]);
    const [told] = await t.db.select().from(notifications).where(and(eq(notifications.userId, studio.trainer.userId), eq(notifications.kind, "log_comment")));
    expect(told).toMatchObject({ title: `${studio.clientA.name} commented on a check-in`, url: `/dashboard/clients/${studio.clientA.clientId}/check-ins/${monday.id}` });

    await trainer.message.send({ threadId: first.threadId, id: randomUUID(), body: "Skip the hopping today; knee drive only." });
    const [toldClient] = await t.db.select().from(notifications).where(and(eq(notifications.userId, studio.clientA.userId), eq(notifications.kind, "log_comment")));
    expect(toldClient).toMatchObject({ title: `${studio.trainer.name} commented on a check-in`, url: `/portal/check-ins/${monday.id}` });

    // The history counts them beside the response.
    const history = await client.checkinHistory.mine({ weeks: 2 });
    expect(history.responses.find((r) => r.id === monday.id)?.commentCount).toBe(2);
  });

  it("are nobody else's: another client and another studio's trainer are refused (a trainer kept to their own clients: the authorization matrix)", async () => {
    const studio = await createTestStudio(t.db);
    const other = await createTestStudio(t.db, "other");
    const { monday } = await aWeekOfMornings(studio);
    const { threadId } = await callerFor(t.db, studio.clientA.userId, at).message.forLog({ checkinResponseId: monday.id });

    expect(await refusalOf(callerFor(t.db, studio.clientB.userId, at).message.forLog({ checkinResponseId: monday.id }), "message.forLog")).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusalOf(callerFor(t.db, studio.clientB.userId, at).message.send({ threadId, id: randomUUID(), body: "Not mine to read." }), "message.send")).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusalOf(callerFor(t.db, other.trainer.userId, at).message.forLog({ checkinResponseId: monday.id }), "message.forLog")).toMatchObject({ code: "NOT_FOUND" });
    // Nothing was made for them: still the one thread.
    expect(await t.db.select().from(threads).where(eq(threads.checkinResponseId, monday.id))).toHaveLength(1);
  });
});
