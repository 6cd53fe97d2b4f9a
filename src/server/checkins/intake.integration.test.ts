import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkinAnswers, checkinForms, checkinResponses, messages, notifications, practiceSessions, studioMembers, studios, threads, users } from "@/server/db/schema";
import { intakeAnswers } from "@/server/seed/intake";
import type { CheckinQuestion } from "@/lib/checkins/vocabulary";
import { FORM_CHANGED_MESSAGE } from "@/lib/checkins/answers";
import { callerFor } from "~test/caller";
import { builtInForm } from "~test/checkin-fixtures";
import { setupTestDatabase, testDbKind } from "~test/db";
import { whileHeld } from "~test/held-lock";
import { createTestStudio, type TestStudio } from "~test/factories";
import { refusalOf } from "~test/refusal";
import { sampleSession, withFoundation } from "~test/training-fixtures";
import { removeQuestion } from "./form-editor";
import { answerIntake, HELD_MESSAGE } from "./intake-service";

const t = setupTestDatabase();
const now = new Date("2026-12-03T09:00:00Z");

const KNEE = "Left knee: it aches after long runs.";
const isJointQuestion = (q: CheckinQuestion) => q.isRedFlag && /joint/.test(q.prompt);

async function intakeOf(studio: TestStudio) {
  return builtInForm(t.db, studio.studioId, "health-intake");
}

/** Client A's answers: no to all, or a yes to the joint question (with its detail) and a sore left knee. */
async function answersOf(studio: TestStudio, options: { withFlag?: boolean } = {}) {
  const { form, questions } = await intakeOf(studio);
  const answers = intakeAnswers(questions, options.withFlag ? { yesTo: (q) => (isJointQuestion(q) ? KNEE : null), pain: [{ place: "knee", side: "left", score: 4 }] } : {});
  return { responseId: randomUUID(), formId: form.id, answers };
}

const asClient = (studio: TestStudio, who: "clientA" | "clientB" = "clientA") => callerFor(t.db, studio[who].userId, { now: () => now });
const asTrainer = (studio: TestStudio, who: "trainer" | "owner" = "trainer") => callerFor(t.db, studio[who].userId, { now: () => now });

async function healthFlagsTo(userId: string) {
  return t.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, "health_flag")));
}

describe("the intake's status", () => {
  it("is to answer, with the studio's live questions, until the client answers; then answered", async () => {
    const studio = await createTestStudio(t.db);
    const before = await asClient(studio).intake.status();
    expect(before.status).toBe("to_answer");
    if (before.status !== "to_answer") return;
    expect(before.questions.filter((q) => q.isRedFlag)).toHaveLength(7);
    const saved = await asClient(studio).intake.answer(await answersOf(studio));
    expect(saved).toMatchObject({ isNew: true, status: "answered" });
    expect(await asClient(studio).intake.status()).toMatchObject({ status: "answered", responseId: saved.responseId });
    expect(await asClient(studio, "clientB").intake.status()).toMatchObject({ status: "to_answer" });
    // Nobody is told of an intake without a red flag.
    expect(await healthFlagsTo(studio.trainer.userId)).toEqual([]);
  });

  it("is not asked when the studio has archived its intake form", async () => {
    const studio = await createTestStudio(t.db);
    const { form } = await intakeOf(studio);
    await t.db.update(checkinForms).set({ archivedAt: now }).where(eq(checkinForms.id, form.id));
    expect(await asClient(studio).intake.status()).toEqual({ status: "not_asked" });
    const refused = await refusalOf(asClient(studio).intake.answer({ responseId: randomUUID(), formId: form.id, answers: [] }), "intake.answer");
    expect(refused.message).toBe("Your studio asks no health questions now; go on to Today.");
  });
});

describe("answering the intake", () => {
  it("refuses a missing answer with a sentence and stores nothing", async () => {
    const studio = await createTestStudio(t.db);
    const input = await answersOf(studio);
    const refused = await refusalOf(asClient(studio).intake.answer({ ...input, answers: input.answers.slice(1) }), "intake.answer");
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/^Answer "Has a doctor ever said/);
    expect(await t.db.select().from(checkinResponses).where(eq(checkinResponses.clientId, studio.clientA.clientId))).toEqual([]);
  });

  it("refuses answers to another form (the studio changed it meanwhile)", async () => {
    const studio = await createTestStudio(t.db);
    const input = await answersOf(studio);
    const refused = await refusalOf(asClient(studio).intake.answer({ ...input, formId: randomUUID() }), "intake.answer");
    expect([refused.code, refused.message]).toEqual(["CONFLICT", FORM_CHANGED_MESSAGE]);
  });

  it("with a red flag: held, and the coach and the owner are told (not the other trainer's clients, not the client)", async () => {
    const studio = await createTestStudio(t.db);
    const saved = await asClient(studio).intake.answer(await answersOf(studio, { withFlag: true }));
    expect(saved).toMatchObject({ isNew: true, status: "held" });
    expect(await asClient(studio).intake.status()).toMatchObject({ status: "held" });
    for (const who of [studio.trainer, studio.owner]) {
      const told = await healthFlagsTo(who.userId);
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({ title: "A client's health answers need your eye", url: `/dashboard/clients/${studio.clientA.clientId}` });
      expect(told[0]!.body).toContain(studio.clientA.name);
    }
    expect(await healthFlagsTo(studio.clientA.userId)).toEqual([]);
    // Trainers can turn the kind off; a client, who is never sent it, is not offered it.
    expect((await asTrainer(studio).push.preferences()).map((p) => p.kind)).toContain("health_flag");
    expect((await asClient(studio).push.preferences()).map((p) => p.kind)).not.toContain("health_flag");
    expect((await asClient(studio).push.setPreference({ kind: "message", pushEnabled: false })).map((p) => p.kind)).not.toContain("health_flag");
  });

  it("answered from two tabs keeps the first and tells nobody twice", async () => {
    const studio = await createTestStudio(t.db);
    const first = await answersOf(studio, { withFlag: true });
    const second = await answersOf(studio);
    const [a, b] = await Promise.all([asClient(studio).intake.answer(first), asClient(studio).intake.answer(second)]);
    expect(a.responseId).toBe(b.responseId);
    expect([a.isNew, b.isNew].sort()).toEqual([false, true]);
    const rows = await t.db.select().from(checkinResponses).where(eq(checkinResponses.clientId, studio.clientA.clientId));
    expect(rows).toHaveLength(1);
    const answerRows = await t.db.select().from(checkinAnswers).where(eq(checkinAnswers.responseId, rows[0]!.id));
    expect(answerRows.length).toBeGreaterThan(0);
    expect(await healthFlagsTo(studio.trainer.userId)).toHaveLength(rows[0]!.hasRedFlag ? 1 : 0);
    // A retry of the same answers is the same response.
    expect(await asClient(studio).intake.answer(first)).toMatchObject({ responseId: rows[0]!.id, isNew: false });
  });
});

// The studio edits its intake while a new client answers it: as with check-ins, one waits for
// the other (see answer-service.integration.test.ts); at the same moment on PostgreSQL only.
describe("answering the intake while the studio edits it", () => {
  const intakeInput = (input: Awaited<ReturnType<typeof answersOf>>) => ({ ...input, scheduleId: null, dueOn: null });
  const storedOf = (studio: TestStudio) => t.db.select().from(checkinResponses).where(eq(checkinResponses.clientId, studio.clientA.clientId));

  it("in turn: a question removed before the answers arrive refuses them whole, and nobody is told", async () => {
    const studio = await createTestStudio(t.db);
    const input = await answersOf(studio, { withFlag: true });
    const { questions } = await intakeOf(studio);
    await removeQuestion(t.db, studio.studioId, questions.find(isJointQuestion)!.id, now);
    const refused = await refusalOf(asClient(studio).intake.answer(input), "intake.answer");
    expect([refused.code, refused.message]).toEqual(["CONFLICT", FORM_CHANGED_MESSAGE]);
    expect(await storedOf(studio)).toEqual([]);
    expect(await healthFlagsTo(studio.trainer.userId)).toEqual([]);
  });

  it.runIf(testDbKind === "postgres")("answers sent while a question is being removed wait for it, are told the form changed and store nothing", async () => {
    const studio = await createTestStudio(t.db);
    const input = await answersOf(studio, { withFlag: true });
    const { questions } = await intakeOf(studio);
    const outcome = await whileHeld(
      t.db,
      (tx) => removeQuestion(tx, studio.studioId, questions.find(isJointQuestion)!.id, now),
      () => answerIntake(t.db, studio.studioId, studio.clientA.clientId, intakeInput(input), now),
    );
    expect(outcome.waited).toBe(true);
    expect(outcome.error).toMatchObject({ code: "CONFLICT", message: FORM_CHANGED_MESSAGE });
    expect(await storedOf(studio)).toEqual([]);
    expect(await healthFlagsTo(studio.trainer.userId)).toEqual([]);
  });

  it.runIf(testDbKind === "postgres")("a removal begun while the answers are being stored waits, then keeps the question with its answer", async () => {
    const studio = await createTestStudio(t.db);
    const input = await answersOf(studio, { withFlag: true });
    const joint = (await intakeOf(studio)).questions.find(isJointQuestion)!;
    const outcome = await whileHeld(
      t.db,
      (tx) => answerIntake(tx, studio.studioId, studio.clientA.clientId, intakeInput(input), now),
      () => removeQuestion(t.db, studio.studioId, joint.id, now),
    );
    expect(outcome.waited).toBe(true);
    expect(outcome.value?.kept).toBe(true);
    const [stored] = await storedOf(studio);
    expect(stored).toMatchObject({ hasRedFlag: true });
    expect(await t.db.select().from(checkinAnswers).where(and(eq(checkinAnswers.responseId, stored!.id), eq(checkinAnswers.questionId, joint.id)))).toHaveLength(1);
  });
});

describe("the hold", () => {
  it("hides Today's drills and refuses a drill log while held; runs are still logged; clearing lifts it", async () => {
    const studio = await createTestStudio(t.db);
    const drills = await withFoundation(t.db, studio, "clientA", now);
    const client = asClient(studio);
    expect((await client.portal.today()).drills.length).toBeGreaterThan(0);
    await client.intake.answer(await answersOf(studio, { withFlag: true }));

    const today = await client.portal.todayDone();
    expect(today).toMatchObject({ isHeldForHealth: true, drills: [], paused: [], upcoming: [] });
    const session = sampleSession(drills, now);
    const refused = await refusalOf(client.session.log(session), "session.log");
    expect(refused).toMatchObject({ code: "PRECONDITION_FAILED", message: HELD_MESSAGE });
    expect(await t.db.select().from(practiceSessions).where(eq(practiceSessions.id, session.id))).toEqual([]);
    const run = await client.run.log({ id: randomUUID(), startedAt: new Date(now.getTime() - 7_200_000), distance: { value: 5, unit: "km" }, durationSeconds: 1800, effort: 5, hasPain: false, painWhere: null, note: null });
    expect(run.isDuplicate).toBe(false);

    expect(await asTrainer(studio).intake.clear({ clientId: studio.clientA.clientId, note: "Seen your physio's letter: build up slowly." })).toMatchObject({ status: "cleared" });
    expect(await client.intake.status()).toMatchObject({ status: "cleared" });
    expect((await client.portal.today()).drills.length).toBeGreaterThan(0);
    expect(await client.session.log(session)).toEqual({ id: session.id, isDuplicate: false });
  });
});

describe("clearing a held intake", () => {
  it("records who and why, tells the client in their conversation once, and shows on the trainer's card", async () => {
    const studio = await createTestStudio(t.db);
    await asClient(studio).intake.answer(await answersOf(studio, { withFlag: true }));
    const trainer = asTrainer(studio);

    const held = await trainer.intake.forClient({ clientId: studio.clientA.clientId });
    expect(held.status).toBe("held");
    if (held.status !== "held") return;
    const flagged = held.answers.filter((a) => a.isFlagged);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ yes: true, text: KNEE });
    expect(held.answers.find((a) => a.kind === "pain_map")?.pain).toEqual([{ place: "knee", side: "left", score: 4 }]);
    expect(held.answers.filter((a) => a.kind === "yes_no" && !a.isFlagged).every((a) => a.yes === false)).toBe(true);
    expect(held.cleared).toBeNull();

    await trainer.intake.clear({ clientId: studio.clientA.clientId, note: "  Build up slowly.  " });
    // A second clear (a double tap, the owner as well) changes nothing and says nothing again.
    await asTrainer(studio, "owner").intake.clear({ clientId: studio.clientA.clientId, note: "Another note." });
    const cleared = await trainer.intake.forClient({ clientId: studio.clientA.clientId });
    expect(cleared).toMatchObject({ status: "cleared", cleared: { byName: studio.trainer.name, note: "Build up slowly." } });

    const [conversation] = await t.db.select().from(threads).where(and(eq(threads.clientId, studio.clientA.clientId), eq(threads.kind, "conversation")));
    const said = await t.db.select().from(messages).where(eq(messages.threadId, conversation!.id));
    expect(said).toHaveLength(1);
    expect(said[0]!.body).toBe("I have read your health answers and cleared you to train: your drills are on Today.\n\nBuild up slowly.");
    const toldClient = await t.db.select().from(notifications).where(eq(notifications.userId, studio.clientA.userId));
    expect(toldClient.map((n) => n.kind)).toEqual(["message"]);
  });

  it("refuses when there is nothing held: not answered, or answered without a red flag", async () => {
    const studio = await createTestStudio(t.db);
    const trainer = asTrainer(studio);
    expect(await trainer.intake.forClient({ clientId: studio.clientA.clientId })).toEqual({ status: "to_answer" });
    expect((await refusalOf(trainer.intake.clear({ clientId: studio.clientA.clientId }), "intake.clear")).message).toBe(
      "This client has not answered the health questions yet; there is nothing to clear.",
    );
    await asClient(studio).intake.answer(await answersOf(studio));
    const refused = await refusalOf(trainer.intake.clear({ clientId: studio.clientA.clientId }), "intake.clear");
    expect(refused).toMatchObject({ code: "PRECONDITION_FAILED", message: "This client answered no to every health question; there is nothing to clear." });
  });

  it("is kept within the studio, and to the client's trainers where trainers see only their own clients", async () => {
    const home = await createTestStudio(t.db, "home");
    const other = await createTestStudio(t.db, "other");
    await asClient(home).intake.answer(await answersOf(home, { withFlag: true }));
    const clientId = home.clientA.clientId;

    const stranger = asTrainer(other);
    expect((await refusalOf(stranger.intake.forClient({ clientId }), "intake.forClient")).code).toBe("NOT_FOUND");
    expect((await refusalOf(stranger.intake.clear({ clientId }), "intake.clear")).code).toBe("NOT_FOUND");
    // Another studio's trainers are never told.
    expect(await healthFlagsTo(other.owner.userId)).toEqual([]);

    // A second trainer of the studio who does not coach A is turned away once the studio keeps trainers to their own clients.
    const [user] = await t.db.insert(users).values({ email: `second-${randomUUID().slice(0, 8)}@example.test`, name: "Second Trainer", timeZone: "Europe/London" }).returning();
    await t.db.insert(studioMembers).values({ studioId: home.studioId, userId: user!.id, role: "trainer" });
    const secondTrainer = callerFor(t.db, user!.id, { now: () => now });
    expect((await secondTrainer.intake.forClient({ clientId })).status).toBe("held");
    await t.db.update(studios).set({ clientVisibility: "own" }).where(eq(studios.id, home.studioId));
    expect((await refusalOf(secondTrainer.intake.forClient({ clientId }), "intake.forClient")).code).toBe("NOT_FOUND");
    expect((await refusalOf(secondTrainer.intake.clear({ clientId }), "intake.clear")).code).toBe("NOT_FOUND");
    expect(await healthFlagsTo(user!.id)).toEqual([]);
    expect((await asTrainer(home).intake.forClient({ clientId })).status).toBe("held");
    expect((await asTrainer(home, "owner").intake.forClient({ clientId })).status).toBe("held");

    // A client never reads or clears another's answers: those procedures are trainers' only.
    expect((await refusalOf(callerFor(t.db, home.clientB.userId).intake.forClient({ clientId }), "intake.forClient")).code).toBe("FORBIDDEN");
    const [count] = await t.db.select({ n: sql<number>`count(*)::int` }).from(checkinResponses).where(eq(checkinResponses.clientId, home.clientB.clientId));
    expect(count!.n).toBe(0);
  });
});
