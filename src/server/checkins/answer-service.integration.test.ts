import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkinAnswers, checkinPainScores, checkinQuestions, checkinResponses } from "@/server/db/schema";
import { FORM_CHANGED_MESSAGE, type AnswerCheckinInput } from "@/lib/checkins/answers";
import { DomainError } from "@/lib/errors";
import { callerFor } from "~test/caller";
import type { CheckinQuestion } from "@/lib/checkins/vocabulary";
import { whileHeld } from "~test/held-lock";
import { answerCheckin } from "./answer-service";
import { ANSWERED_SHAPE_LOCKED, removeQuestion, setFormArchived, updateQuestion } from "./form-editor";
import { scheduleCheckin } from "~test/checkin-fixtures";
import { morningAnswers } from "~test/checkin-answer-fixtures";
import { setupTestDatabase, testDbKind } from "~test/db";
import { createTestStudio, type TestStudio } from "~test/factories";

const t = setupTestDatabase();

// Tuesday 10 March 2026, 08:00 in London (GMT): the morning check-in opened at 07:00.
const NOW = new Date("2026-03-10T08:00:00Z");

async function morningFor(studio: TestStudio, options: { startsOn?: string } = {}) {
  return scheduleCheckin(t.db, studio, { startsOn: options.startsOn ?? "2026-03-01" });
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (error instanceof DomainError) return { code: error.code, message: error.message, cause: { field: error.field } };
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError & { cause?: { field?: string } };
}

async function responsesOf(clientId: string) {
  return t.db.select().from(checkinResponses).where(eq(checkinResponses.clientId, clientId));
}

async function countRows(table: typeof checkinAnswers | typeof checkinPainScores, responseId: string) {
  const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.responseId, responseId));
  return row!.n;
}

function input(m: Awaited<ReturnType<typeof morningFor>>, overrides: Partial<AnswerCheckinInput> = {}): AnswerCheckinInput {
  return { responseId: randomUUID(), formId: m.form.id, scheduleId: m.schedule.id, dueOn: "2026-03-10", answers: morningAnswers(m.questions), ...overrides };
}

describe("a client's check-ins on Today", () => {
  it("lists today's morning check-in with its questions, and once answered shows it done at the client's time", async () => {
    const studio = await createTestStudio(t.db);
    const m = await morningFor(studio);
    const caller = callerFor(t.db, studio.clientA.userId, { now: () => NOW });
    const before = await caller.checkin.due();
    expect(before.localDate).toBe("2026-03-10");
    expect(before.answered).toEqual([]);
    expect(before.open).toHaveLength(1);
    expect(before.open[0]).toMatchObject({ scheduleId: m.schedule.id, formTitle: "Morning check-in", dueOn: "2026-03-10", isToday: true, answerableUntil: "2026-03-10", opensAt: new Date("2026-03-10T07:00:00Z") });
    expect(before.open[0]!.questions.map((q) => q.kind)).toEqual(["scale", "scale", "pain_map", "text"]);

    const answer = input(m, { answers: morningAnswers(m.questions, [{ place: "knee", side: "left", score: 3 }]) });
    const saved = await caller.checkin.answer(answer);
    expect(saved).toEqual({ responseId: answer.responseId, isNew: true, paused: [] });
    const [stored] = await responsesOf(studio.clientA.clientId);
    expect(stored).toMatchObject({ id: answer.responseId, kind: "checkin", scheduleId: m.schedule.id, dueOn: "2026-03-10", localDate: "2026-03-10", hasRedFlag: false });
    expect(await countRows(checkinAnswers, answer.responseId)).toBe(4);
    const pain = await t.db.select().from(checkinPainScores).where(eq(checkinPainScores.responseId, answer.responseId));
    expect(pain.map((p) => [p.place, p.side, p.score, p.localDate])).toEqual([["knee", "left", 3, "2026-03-10"]]);

    const after = await callerFor(t.db, studio.clientA.userId, { now: () => new Date("2026-03-10T08:30:00Z") }).checkin.due();
    expect(after.open).toEqual([]);
    expect(after.answered).toEqual([expect.objectContaining({ responseId: answer.responseId, dueOn: "2026-03-10", label: "Answered at 08:00" })]);
    // Client B has no check-in scheduled: nothing to answer.
    expect((await callerFor(t.db, studio.clientB.userId, { now: () => NOW }).checkin.due()).open).toEqual([]);
  });

  it("keeps a weekly review open for two days after its day, and lists today's first", async () => {
    const studio = await createTestStudio(t.db);
    await morningFor(studio);
    // Weekly on Sunday (8 March): on Tuesday 10 March it is the last day of its grace.
    const weekly = await scheduleCheckin(t.db, studio, { key: "weekly-review", cadence: "weekly", weekday: 7, atTime: "18:00", startsOn: "2026-03-01" });
    const due = await callerFor(t.db, studio.clientA.userId, { now: () => NOW }).checkin.due();
    expect(due.open.map((o) => [o.formTitle, o.dueOn, o.isToday, o.answerableUntil])).toEqual([
      ["Morning check-in", "2026-03-10", true, "2026-03-10"],
      ["Weekly review", "2026-03-08", false, "2026-03-10"],
    ]);
    const answers = weekly.questions.map((q) =>
      q.kind === "scale" ? { questionId: q.id, answer: { kind: "scale" as const, value: 6 } } : q.kind === "pain_map" ? { questionId: q.id, answer: { kind: "pain_map" as const, value: [] } } : q.kind === "yes_no" ? { questionId: q.id, answer: { kind: "yes_no" as const, value: false } } : q.kind === "choice" && q.options.kind === "choice" ? { questionId: q.id, answer: { kind: "choice" as const, value: q.options.choices[0]! } } : q.kind === "number" && q.options.kind === "number" ? { questionId: q.id, answer: { kind: "number" as const, value: q.options.min } } : { questionId: q.id, answer: { kind: "text" as const, value: "" } },
    );
    const saved = await callerFor(t.db, studio.clientA.userId, { now: () => NOW }).checkin.answer({ responseId: randomUUID(), formId: weekly.form.id, scheduleId: weekly.schedule.id, dueOn: "2026-03-08", answers });
    expect(saved.isNew).toBe(true);
    const after = await callerFor(t.db, studio.clientA.userId, { now: () => NOW }).checkin.due();
    expect(after.answered.map((a) => [a.formTitle, a.label])).toEqual([["Weekly review", "Answered at 08:00"]]);
  });
});

describe("answering a check-in", () => {
  it("stores a retry of the same answers once, even after the check-in has closed", async () => {
    const studio = await createTestStudio(t.db);
    const m = await morningFor(studio);
    const answer = input(m);
    const caller = callerFor(t.db, studio.clientA.userId, { now: () => NOW });
    expect((await caller.checkin.answer(answer)).isNew).toBe(true);
    expect(await caller.checkin.answer(answer)).toEqual({ responseId: answer.responseId, isNew: false, paused: [] });
    // The first send's answer was lost and the phone retried the next day: still the same one.
    const nextDay = callerFor(t.db, studio.clientA.userId, { now: () => new Date("2026-03-11T09:00:00Z") });
    expect(await nextDay.checkin.answer(answer)).toEqual({ responseId: answer.responseId, isNew: false, paused: [] });
    expect(await responsesOf(studio.clientA.clientId)).toHaveLength(1);
    expect(await countRows(checkinAnswers, answer.responseId)).toBe(4);
  });

  it("keeps the first of two devices' answers to the same check-in; the second is told and stores nothing", async () => {
    const studio = await createTestStudio(t.db);
    const m = await morningFor(studio);
    const caller = callerFor(t.db, studio.clientA.userId, { now: () => NOW });
    const phone = input(m, { answers: morningAnswers(m.questions, [{ place: "shin", side: "right", score: 4 }]) });
    const tablet = input(m, { answers: morningAnswers(m.questions, [{ place: "knee", side: "left", score: 8 }]) });
    expect((await caller.checkin.answer(phone)).isNew).toBe(true);
    expect(await caller.checkin.answer(tablet)).toEqual({ responseId: phone.responseId, isNew: false, paused: [] });
    const stored = await responsesOf(studio.clientA.clientId);
    expect(stored.map((r) => r.id)).toEqual([phone.responseId]);
    const pain = await t.db.select().from(checkinPainScores).where(eq(checkinPainScores.clientId, studio.clientA.clientId));
    expect(pain.map((p) => [p.place, p.side, p.score])).toEqual([["shin", "right", 4]]);
  });

  // A race needs two connections at once: PGlite runs one query at a time, so there it would
  // pass trivially (DESIGN: concurrency is proven on PostgreSQL).
  it.runIf(testDbKind === "postgres")("keeps exactly one when two devices answer at the same moment", async () => {
    const studio = await createTestStudio(t.db);
    const m = await morningFor(studio);
    for (let round = 0; round < 5; round++) {
      const dueOn = `2026-03-${String(6 + round).padStart(2, "0")}`;
      const at = new Date(`${dueOn}T08:00:00Z`);
      const racer = callerFor(t.db, studio.clientA.userId, { now: () => at });
      const [a, b] = await Promise.all([racer.checkin.answer(input(m, { dueOn })), racer.checkin.answer(input(m, { dueOn }))]);
      expect([a.isNew, b.isNew].sort()).toEqual([false, true]);
      expect(a.responseId).toBe(b.responseId);
    }
    expect(await responsesOf(studio.clientA.clientId)).toHaveLength(5);
    const [answers] = await t.db.select({ n: sql<number>`count(*)::int` }).from(checkinAnswers).innerJoin(checkinResponses, eq(checkinResponses.id, checkinAnswers.responseId)).where(eq(checkinResponses.clientId, studio.clientA.clientId));
    expect(answers!.n).toBe(20);
  });

  it("refuses answers out of range with a sentence and stores nothing", async () => {
    const studio = await createTestStudio(t.db);
    const m = await morningFor(studio);
    // The service itself (as the router's zod check would, in the formatter's words).
    const caller = { checkin: { answer: (i: AnswerCheckinInput) => answerCheckin(t.db, studio.studioId, studio.clientA.clientId, i, NOW) } };
    const scale = m.questions[0]!;
    const tooHigh = input(m, { answers: morningAnswers(m.questions).map((a) => (a.questionId === scale.id ? { questionId: scale.id, answer: { kind: "scale", value: 11 } } : a)) });
    expect((await refusal(caller.checkin.answer(tooHigh))).message).toBe("Pick a number from 0 to 10.");
    const pain = input(m, { answers: morningAnswers(m.questions, [{ place: "knee", side: "left", score: 12 }]) });
    expect((await refusal(caller.checkin.answer(pain))).message).toBe("Score the pain from 0 to 10.");
    const twice = input(m, { answers: morningAnswers(m.questions, [{ place: "knee", side: "left", score: 2 }, { place: "knee", side: "left", score: 3 }]) });
    expect((await refusal(caller.checkin.answer(twice))).message).toBe("Mark each place and side once.");
    // A required question left out: the sentence names it, on its field.
    const missing = await refusal(caller.checkin.answer(input(m, { answers: morningAnswers(m.questions).filter((a) => a.questionId !== scale.id) })));
    expect(missing.code).toBe("BAD_REQUEST");
    expect(missing.message).toBe('Answer "How do you feel this morning?".');
    expect(missing.cause?.field).toBe(scale.id);
    expect(await responsesOf(studio.clientA.clientId)).toEqual([]);
  });

  it("says the form changed when the coach removed a question while the client answered", async () => {
    const studio = await createTestStudio(t.db);
    const m = await morningFor(studio);
    const sleep = m.questions[1]!;
    await t.db.update(checkinQuestions).set({ removedAt: NOW }).where(eq(checkinQuestions.id, sleep.id));
    const error = await refusal(callerFor(t.db, studio.clientA.userId, { now: () => NOW }).checkin.answer(input(m)));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(FORM_CHANGED_MESSAGE);
    expect(await responsesOf(studio.clientA.clientId)).toEqual([]);
    // The form as it stands now is the one listed, without the removed question.
    const due = await callerFor(t.db, studio.clientA.userId, { now: () => NOW }).checkin.due();
    expect(due.open[0]!.questions.map((q) => q.id)).not.toContain(sleep.id);
  });

  it("refuses a check-in that has closed, or is not yet due, saying when the next one opens", async () => {
    const studio = await createTestStudio(t.db);
    const m = await morningFor(studio);
    const early = callerFor(t.db, studio.clientA.userId, { now: () => new Date("2026-03-10T06:30:00Z") });
    const closed = await refusal(early.checkin.answer(input(m, { dueOn: "2026-03-09" })));
    expect(closed.code).toBe("PRECONDITION_FAILED");
    expect(closed.message).toBe("This check-in closed on Mon 9 March; the next one opens today at 07:00.");
    const late = await refusal(callerFor(t.db, studio.clientA.userId, { now: () => NOW }).checkin.answer(input(m, { dueOn: "2026-03-09" })));
    expect(late.message).toBe("This check-in closed on Mon 9 March; answer today's instead.");
    const tomorrow = await refusal(early.checkin.answer(input(m, { dueOn: "2026-03-11" })));
    expect(tomorrow.message).toBe("This check-in opens on Wed 11 March; answer it then.");
    // Before the schedule started, it was never due.
    const never = await refusal(early.checkin.answer(input(m, { dueOn: "2026-02-20" })));
    expect([never.code, never.message]).toEqual(["BAD_REQUEST", "Pick a check-in from your list."]);
    // Before 07:00 today's can already be answered.
    expect((await early.checkin.answer(input(m))).isNew).toBe(true);
  });

  it("refuses another client's check-in exactly like a missing one", async () => {
    const studio = await createTestStudio(t.db);
    const m = await morningFor(studio);
    const error = await refusal(callerFor(t.db, studio.clientB.userId, { now: () => NOW }).checkin.answer(input(m)));
    expect(error.code).toBe("NOT_FOUND");
    const other = await createTestStudio(t.db, "other");
    const elsewhere = await refusal(callerFor(t.db, other.clientA.userId, { now: () => NOW }).checkin.answer(input(m)));
    expect(elsewhere.code).toBe("NOT_FOUND");
    // Client A's own response id cannot be taken by client B either.
    const mine = input(m);
    await callerFor(t.db, studio.clientA.userId, { now: () => NOW }).checkin.answer(mine);
    const bSchedule = await scheduleCheckin(t.db, studio, { clientId: studio.clientB.clientId, startsOn: "2026-03-01" });
    const stolen = await refusal(callerFor(t.db, studio.clientB.userId, { now: () => NOW }).checkin.answer({ ...input(bSchedule), responseId: mine.responseId }));
    expect(stolen.code).toBe("CONFLICT");
    expect(await responsesOf(studio.clientB.clientId)).toEqual([]);
  });
});

/** The editor's fields of a question as it stands, with `change` on top. */
function fieldsOf(question: CheckinQuestion, change: Partial<Pick<CheckinQuestion, "prompt" | "options">> = {}) {
  return { prompt: question.prompt, help: question.help, options: question.options, isRequired: question.isRequired, isRedFlag: question.isRedFlag, ...change };
}

const painMapOf = (m: Awaited<ReturnType<typeof morningFor>>) => m.questions.find((q) => q.kind === "pain_map")!;

/** The refusal a call ended with, as the domain threw it. */
function refusedWith(error: unknown) {
  expect(error).toBeInstanceOf(DomainError);
  const e = error as DomainError;
  return { code: e.code, message: e.message };
}

// The coach edits the form while the client answers it: one waits for the other, so an answer
// is stored against the form as it then stands or not at all, and an edit sees the answers
// stored before it. In order on both databases; at the same moment on PostgreSQL only (two
// connections, one transaction held open; PGlite runs one query at a time).
describe("answering while the coach edits the form", () => {
  it("in turn: a question removed before the answer arrives refuses it whole; one removed after keeps its answers", async () => {
    const studio = await createTestStudio(t.db);
    const m = await morningFor(studio);
    const [feel, sleep] = m.questions;
    await removeQuestion(t.db, studio.studioId, sleep!.id, NOW);
    const error = await refusal(answerCheckin(t.db, studio.studioId, studio.clientA.clientId, input(m), NOW));
    expect([error.code, error.message]).toEqual(["CONFLICT", FORM_CHANGED_MESSAGE]);
    expect(await responsesOf(studio.clientA.clientId)).toEqual([]);

    const asked = m.questions.filter((q) => q.id !== sleep!.id);
    const saved = await answerCheckin(t.db, studio.studioId, studio.clientA.clientId, input(m, { answers: morningAnswers(asked) }), NOW);
    expect(saved.isNew).toBe(true);
    const removed = await removeQuestion(t.db, studio.studioId, feel!.id, NOW);
    expect(removed.kept).toBe(true);
    expect(await countRows(checkinAnswers, saved.responseId)).toBe(3);
    const reshaped = await refusal(updateQuestion(t.db, studio.studioId, painMapOf(m).id, fieldsOf(painMapOf(m), { options: { kind: "pain_map", places: ["knee"] } })));
    expect([reshaped.code, reshaped.message]).toEqual(["CONFLICT", ANSWERED_SHAPE_LOCKED]);
  });

  it.runIf(testDbKind === "postgres")("an answer sent while a question is being removed waits for it, is told the form changed and stores nothing", async () => {
    const studio = await createTestStudio(t.db);
    const m = await morningFor(studio);
    const sleep = m.questions[1]!;
    const outcome = await whileHeld(
      t.db,
      (tx) => removeQuestion(tx, studio.studioId, sleep.id, NOW),
      () => answerCheckin(t.db, studio.studioId, studio.clientA.clientId, input(m), NOW),
    );
    expect(outcome.waited).toBe(true);
    expect(refusedWith(outcome.error)).toEqual({ code: "CONFLICT", message: FORM_CHANGED_MESSAGE });
    expect(await responsesOf(studio.clientA.clientId)).toEqual([]);
    expect(await t.db.select().from(checkinQuestions).where(eq(checkinQuestions.id, sleep.id))).toEqual([]);
  });

  it.runIf(testDbKind === "postgres")("an answer sent while a question's options change waits for it and is told the form changed, though it would fit the new ones", async () => {
    const studio = await createTestStudio(t.db);
    const m = await morningFor(studio);
    const pain = painMapOf(m);
    const outcome = await whileHeld(
      t.db,
      (tx) => updateQuestion(tx, studio.studioId, pain.id, fieldsOf(pain, { options: { kind: "pain_map", places: ["knee", "shin"] } })),
      () => answerCheckin(t.db, studio.studioId, studio.clientA.clientId, input(m, { answers: morningAnswers(m.questions, [{ place: "knee", side: "left", score: 2 }]) }), NOW),
    );
    expect(outcome.waited).toBe(true);
    expect(refusedWith(outcome.error)).toEqual({ code: "CONFLICT", message: FORM_CHANGED_MESSAGE });
    expect(await responsesOf(studio.clientA.clientId)).toEqual([]);
  });

  it.runIf(testDbKind === "postgres")("an answer sent while the form is being archived waits for it and finds nothing to answer", async () => {
    const studio = await createTestStudio(t.db);
    const m = await morningFor(studio);
    const outcome = await whileHeld(
      t.db,
      (tx) => setFormArchived(tx, studio.studioId, m.form.id, true, NOW),
      () => answerCheckin(t.db, studio.studioId, studio.clientA.clientId, input(m), NOW),
    );
    expect(outcome.waited).toBe(true);
    expect(refusedWith(outcome.error).code).toBe("NOT_FOUND");
    expect(await responsesOf(studio.clientA.clientId)).toEqual([]);
  });

  it.runIf(testDbKind === "postgres")("an edit begun while an answer is being stored waits for it, then sees its answers", async () => {
    const studio = await createTestStudio(t.db);
    const m = await morningFor(studio);
    const [feel, sleep] = m.questions;
    const pain = painMapOf(m);
    const answer = input(m);
    const removal = await whileHeld(
      t.db,
      (tx) => answerCheckin(tx, studio.studioId, studio.clientA.clientId, answer, NOW),
      () => removeQuestion(t.db, studio.studioId, sleep!.id, NOW),
    );
    expect(removal.waited).toBe(true);
    // Answered meanwhile: removed from the form, not deleted, and its answer stays.
    expect(removal.value?.kept).toBe(true);
    expect(await countRows(checkinAnswers, answer.responseId)).toBe(4);

    const nextDay = input(m, { dueOn: "2026-03-11", answers: morningAnswers(m.questions.filter((q) => q.id !== sleep!.id)) });
    const reshape = await whileHeld(
      t.db,
      (tx) => answerCheckin(tx, studio.studioId, studio.clientA.clientId, nextDay, new Date("2026-03-11T08:00:00Z")),
      () => updateQuestion(t.db, studio.studioId, pain.id, fieldsOf(pain, { options: { kind: "pain_map", places: ["knee"] } })),
    );
    expect(reshape.waited).toBe(true);
    expect(refusedWith(reshape.error)).toEqual({ code: "CONFLICT", message: ANSWERED_SHAPE_LOCKED });
    // Rewording waits the same way and goes through.
    const reworded = await whileHeld(
      t.db,
      (tx) => answerCheckin(tx, studio.studioId, studio.clientA.clientId, input(m, { dueOn: "2026-03-12", answers: nextDay.answers }), new Date("2026-03-12T08:00:00Z")),
      () => updateQuestion(t.db, studio.studioId, feel!.id, fieldsOf(feel!, { prompt: "How do you feel today?" })),
    );
    expect(reworded.waited).toBe(true);
    expect(reworded.error).toBeUndefined();
    expect(await responsesOf(studio.clientA.clientId)).toHaveLength(3);
  });
});
