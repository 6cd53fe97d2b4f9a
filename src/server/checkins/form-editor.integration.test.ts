import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkinAnswers, checkinForms, checkinQuestions, checkinResponses } from "@/server/db/schema";
import { RED_FLAG_ONLY_ON_INTAKE, type QuestionInput } from "@/lib/checkins/question-input";
import { MAX_QUESTIONS_PER_FORM } from "@/lib/checkins/vocabulary";
import { createStudioWithOwner } from "@/server/setup/service";
import { liveIntakeFormOf } from "./forms";
import { ANSWERED_SHAPE_LOCKED, INTAKE_ARCHIVED_NOTICE } from "./form-editor";
import { callerFor } from "~test/caller";
import { builtInForm, scheduleCheckin } from "~test/checkin-fixtures";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, type TestStudio } from "~test/factories";

const t = setupTestDatabase();

/** The refusal of a call: its code, its sentence, and the field it belongs to (zod's or the domain's). */
async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const e = error as TRPCError;
  const { ZodError } = await import("zod");
  const fields: Record<string, string> = {};
  if (e.cause instanceof ZodError) for (const issue of e.cause.issues) fields[issue.path.join(".")] ??= issue.message;
  const field = (e.cause as { field?: string } | undefined)?.field;
  if (field) fields[field] = e.message;
  return { code: e.code, message: e.message, fields };
}

const weight: QuestionInput = { prompt: "Your weight this morning?", options: { kind: "number", unit: "kg", min: 30, max: 200, decimals: 1 } };

/** A stored answer to one question (as the answering service would leave it). */
async function answer(studio: TestStudio, formId: string, questionId: string, kind: "intake" | "checkin" = "checkin") {
  const responseId = randomUUID();
  await t.db.insert(checkinResponses).values({ id: responseId, studioId: studio.studioId, clientId: studio.clientA.clientId, formId, kind, localDate: "2026-12-01" });
  await t.db.insert(checkinAnswers).values({ studioId: studio.studioId, responseId, questionId, numberValue: 7 });
}

describe("the studio's questionnaires", () => {
  it("lists the intake first, then the check-ins, with what each asks, who is scheduled and how often it was answered", async () => {
    const studio = await createTestStudio(t.db);
    const { form: morning } = await scheduleCheckin(t.db, studio, { startsOn: "2026-12-01" });
    await answer(studio, morning.id, (await builtInForm(t.db, studio.studioId, "morning-check-in")).questions[0]!.id);
    const owner = callerFor(t.db, studio.owner.userId);
    const { id } = await owner.checkinForm.create({ title: "Race week" });
    const list = await owner.checkinForm.list();
    expect(list.map((f) => [f.title, f.kind, f.isBuiltIn, f.scheduledClients, f.answeredCount])).toEqual([
      ["Health questions before you start", "intake", true, 0, 0],
      ["Morning check-in", "checkin", true, 1, 1],
      ["Weekly review", "checkin", true, 0, 0],
      ["Race week", "checkin", false, 0, 0],
    ]);
    expect(list[1]!.asks.map((a) => a.kind)).toEqual(["scale", "scale", "pain_map", "text"]);
    expect(list.find((f) => f.id === id)!.asks).toEqual([]);
  });

  it("adds a number with a unit to the morning check-in at the end, and a trainer may edit as the owner does", async () => {
    const studio = await createTestStudio(t.db);
    const { form } = await builtInForm(t.db, studio.studioId, "morning-check-in");
    const trainer = callerFor(t.db, studio.trainer.userId);
    const detail = await trainer.checkinForm.addQuestion({ formId: form.id, question: weight });
    expect(detail.questions.at(-1)).toMatchObject({ kind: "number", prompt: "Your weight this morning?", options: { kind: "number", unit: "kg", min: 30, max: 200, decimals: 1 }, answerCount: 0 });
    expect(detail.questions).toHaveLength(5);
    const renamed = await callerFor(t.db, studio.owner.userId).checkinForm.update({ formId: form.id, form: { title: "Mornings", description: "" } });
    expect(renamed.title).toBe("Mornings");
  });

  it("refuses a choice question with one choice with the sentence, and stores nothing", async () => {
    const studio = await createTestStudio(t.db);
    const { form, questions } = await builtInForm(t.db, studio.studioId, "morning-check-in");
    const owner = callerFor(t.db, studio.owner.userId);
    const refused = await refusal(owner.checkinForm.addQuestion({ formId: form.id, question: { prompt: "Surface?", options: { kind: "choice", choices: ["Road"] } } }));
    expect(refused).toMatchObject({ code: "BAD_REQUEST", fields: { "question.options.choices": "Give at least two choices to pick from." } });
    expect((await owner.checkinForm.get({ formId: form.id })).questions).toHaveLength(questions.length);
  });

  it("keeps red flags to yes-or-no questions of the intake", async () => {
    const studio = await createTestStudio(t.db);
    const owner = callerFor(t.db, studio.owner.userId);
    const { form: morning, questions } = await builtInForm(t.db, studio.studioId, "morning-check-in");
    const { form: intake } = await builtInForm(t.db, studio.studioId, "health-intake");
    const flag: QuestionInput = { prompt: "Have you had surgery in the last year?", isRedFlag: true, options: { kind: "yes_no", askDetailOnYes: true } };
    expect(await refusal(owner.checkinForm.addQuestion({ formId: morning.id, question: flag }))).toMatchObject({ code: "BAD_REQUEST", message: RED_FLAG_ONLY_ON_INTAKE, fields: { "question.isRedFlag": RED_FLAG_ONLY_ON_INTAKE } });
    expect(await refusal(owner.checkinForm.addQuestion({ formId: intake.id, question: { ...flag, options: { kind: "text" } } }))).toMatchObject({ code: "BAD_REQUEST", fields: { "question.isRedFlag": expect.stringContaining("yes-or-no") } });
    const added = await owner.checkinForm.addQuestion({ formId: intake.id, question: flag });
    expect(added.questions.at(-1)).toMatchObject({ isRedFlag: true, kind: "yes_no" });
    // Turning an existing check-in question into a red flag is refused the same way.
    const yesNo = await owner.checkinForm.addQuestion({ formId: morning.id, question: { ...flag, isRedFlag: false } });
    const questionId = yesNo.questions.at(-1)!.id;
    expect(await refusal(owner.checkinForm.updateQuestion({ questionId, question: flag }))).toMatchObject({ message: RED_FLAG_ONLY_ON_INTAKE });
    expect((await owner.checkinForm.get({ formId: morning.id })).questions).toHaveLength(questions.length + 1);
  });

  it("deletes a question nobody answered, and only removes one with answers, which keep its wording", async () => {
    const studio = await createTestStudio(t.db);
    const owner = callerFor(t.db, studio.owner.userId);
    const { form, questions } = await builtInForm(t.db, studio.studioId, "morning-check-in");
    const [feel, sleep] = questions;
    await answer(studio, form.id, feel!.id);

    const afterDelete = await owner.checkinForm.removeQuestion({ questionId: sleep!.id });
    expect(afterDelete.kept).toBe(false);
    expect(await t.db.select().from(checkinQuestions).where(eq(checkinQuestions.id, sleep!.id))).toEqual([]);

    const afterRemove = await owner.checkinForm.removeQuestion({ questionId: feel!.id });
    expect(afterRemove.kept).toBe(true);
    const [kept] = await t.db.select().from(checkinQuestions).where(eq(checkinQuestions.id, feel!.id));
    expect(kept).toMatchObject({ prompt: "How do you feel this morning?", removedAt: expect.any(Date) });
    expect(afterRemove.form.questions.map((q) => q.id)).not.toContain(feel!.id);
    expect(await t.db.select().from(checkinAnswers).where(eq(checkinAnswers.questionId, feel!.id))).toHaveLength(1);
    // A removed question is gone from the editor: nothing more to change on it.
    expect((await refusal(owner.checkinForm.removeQuestion({ questionId: feel!.id }))).code).toBe("NOT_FOUND");
  });

  it("refuses to change what an answered question asks for, but lets its wording change", async () => {
    const studio = await createTestStudio(t.db);
    const owner = callerFor(t.db, studio.owner.userId);
    const { form, questions } = await builtInForm(t.db, studio.studioId, "morning-check-in");
    const feel = questions[0]!;
    await answer(studio, form.id, feel.id);
    const asText = await refusal(owner.checkinForm.updateQuestion({ questionId: feel.id, question: { prompt: feel.prompt, options: { kind: "text" } } }));
    expect(asText).toMatchObject({ code: "CONFLICT", message: ANSWERED_SHAPE_LOCKED, fields: { "question.options": ANSWERED_SHAPE_LOCKED } });
    const relabelled = await refusal(owner.checkinForm.updateQuestion({ questionId: feel.id, question: { prompt: feel.prompt, options: { kind: "scale", minLabel: "Bad", maxLabel: "Great" } } }));
    expect(relabelled.message).toBe(ANSWERED_SHAPE_LOCKED);
    const reworded = await owner.checkinForm.updateQuestion({ questionId: feel.id, question: { prompt: "How do you feel today?", help: "Before coffee.", options: feel.options } });
    expect(reworded.questions[0]).toMatchObject({ prompt: "How do you feel today?", help: "Before coffee.", kind: "scale" });
    // A question nobody answered may become another kind.
    const sleep = questions[1]!;
    const changed = await owner.checkinForm.updateQuestion({ questionId: sleep.id, question: { prompt: "Hours slept?", options: { kind: "number", unit: "h", min: 0, max: 16, decimals: 1 } } });
    expect(changed.questions[1]).toMatchObject({ kind: "number", prompt: "Hours slept?" });
  });

  it("moves a question up and down, and at the top it stays", async () => {
    const studio = await createTestStudio(t.db);
    const owner = callerFor(t.db, studio.owner.userId);
    const { form, questions } = await builtInForm(t.db, studio.studioId, "morning-check-in");
    const ids = questions.map((q) => q.id);
    const down = await owner.checkinForm.moveQuestion({ questionId: ids[0]!, direction: "down" });
    expect(down.questions.map((q) => q.id)).toEqual([ids[1], ids[0], ids[2], ids[3]]);
    const up = await owner.checkinForm.moveQuestion({ questionId: ids[3]!, direction: "up" });
    expect(up.questions.map((q) => q.id)).toEqual([ids[1], ids[0], ids[3], ids[2]]);
    const top = await owner.checkinForm.moveQuestion({ questionId: ids[1]!, direction: "up" });
    expect(top.questions.map((q) => q.id)).toEqual([ids[1], ids[0], ids[3], ids[2]]);
    // An id sent in capitals names the same question (the fuzzer found it).
    const shouted = await owner.checkinForm.moveQuestion({ questionId: ids[1]!.toUpperCase(), direction: "down" });
    expect(shouted.questions.map((q) => q.id)).toEqual([ids[0], ids[1], ids[3], ids[2]]);
  });

  it(`asks at most ${MAX_QUESTIONS_PER_FORM} questions, and never none`, async () => {
    const studio = await createTestStudio(t.db);
    const owner = callerFor(t.db, studio.owner.userId);
    const { id } = await owner.checkinForm.create({ title: "Long one" });
    for (let i = 0; i < MAX_QUESTIONS_PER_FORM; i += 1) await owner.checkinForm.addQuestion({ formId: id, question: { prompt: `Question ${i + 1}`, options: { kind: "text" } } });
    const refused = await refusal(owner.checkinForm.addQuestion({ formId: id, question: weight }));
    expect(refused).toMatchObject({ code: "BAD_REQUEST", message: `A form asks at most ${MAX_QUESTIONS_PER_FORM} questions; remove one before adding another.` });
    const { id: short } = await owner.checkinForm.create({ title: "Short one" });
    const one = await owner.checkinForm.addQuestion({ formId: short, question: weight });
    expect((await refusal(owner.checkinForm.removeQuestion({ questionId: one.questions[0]!.id }))).message).toMatch(/at least one question/);
  });

  it("archives the intake and says new clients are asked nothing; restoring asks them again", async () => {
    const studio = await createTestStudio(t.db);
    const owner = callerFor(t.db, studio.owner.userId);
    const { form: intake } = await builtInForm(t.db, studio.studioId, "health-intake");
    const archived = await owner.checkinForm.archive({ formId: intake.id });
    expect(archived.notice).toBe(INTAKE_ARCHIVED_NOTICE);
    expect(await liveIntakeFormOf(t.db, studio.studioId)).toBeNull();
    const list = await owner.checkinForm.list();
    expect(list.at(-1)).toMatchObject({ id: intake.id, archivedAt: expect.any(Date) });
    const restored = await owner.checkinForm.restore({ formId: intake.id });
    expect(restored.form.archivedAt).toBeNull();
    expect((await liveIntakeFormOf(t.db, studio.studioId))?.id).toBe(intake.id);
  });

  it("gives a studio made by set-up or sign-up its built-in questionnaires at once", async () => {
    const made = await t.db.transaction((tx) =>
      createStudioWithOwner(tx, { studioName: "Fresh Studio", ownerName: "Fresh Owner", email: `fresh-${randomUUID().slice(0, 8)}@example.test`, passwordHash: "x", timeZone: "Europe/London", currency: "EUR", distanceUnit: "km", emailConfirmedAt: null }),
    );
    const rows = await t.db.select({ key: checkinForms.builtInKey }).from(checkinForms).where(eq(checkinForms.studioId, made!.studioId));
    expect(rows.map((r) => r.key).sort()).toEqual(["health-intake", "morning-check-in", "weekly-review"]);
  });

  it("makes only check-in forms: the intake is the built-in one", async () => {
    const studio = await createTestStudio(t.db);
    const owner = callerFor(t.db, studio.owner.userId);
    const { id } = await owner.checkinForm.create({ title: "Pre-race", description: "The week before a race." });
    const [row] = await t.db.select().from(checkinForms).where(eq(checkinForms.id, id));
    expect(row).toMatchObject({ kind: "checkin", builtInKey: null, createdByMemberId: studio.owner.memberId });
  });

  it("keeps each studio's questionnaires to itself, and clients out", async () => {
    const home = await createTestStudio(t.db, "home");
    const other = await createTestStudio(t.db, "other");
    const { form, questions } = await builtInForm(t.db, home.studioId, "morning-check-in");
    const stranger = callerFor(t.db, other.owner.userId);
    const theirs = await stranger.checkinForm.list();
    expect(theirs.map((f) => f.id)).not.toContain(form.id);
    for (const call of [
      () => stranger.checkinForm.get({ formId: form.id }),
      () => stranger.checkinForm.update({ formId: form.id, form: { title: "Mine" } }),
      () => stranger.checkinForm.archive({ formId: form.id }),
      () => stranger.checkinForm.addQuestion({ formId: form.id, question: weight }),
      () => stranger.checkinForm.updateQuestion({ questionId: questions[0]!.id, question: { prompt: "Mine?", options: { kind: "text" } } }),
      () => stranger.checkinForm.moveQuestion({ questionId: questions[0]!.id, direction: "down" }),
      () => stranger.checkinForm.removeQuestion({ questionId: questions[1]!.id }),
    ]) {
      expect(await refusal(call())).toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/does not exist or is not part of your studio/) });
    }
    expect((await refusal(callerFor(t.db, home.clientA.userId).checkinForm.list())).code).toBe("FORBIDDEN");
    const untouched = await builtInForm(t.db, home.studioId, "morning-check-in");
    expect(untouched.form.title).toBe("Morning check-in");
    expect(untouched.questions).toEqual(questions);
  });
});
