import { addQuestionInput, formIdInput, formInput, moveQuestionInput, questionIdInput, updateFormInput, updateQuestionInput } from "@/lib/checkins/question-input";
import { addQuestion, createForm, getForm, listForms, moveQuestion, removeQuestion, setFormArchived, updateForm, updateQuestion } from "@/server/checkins/form-editor";
import { createTRPCRouter, trainerProcedure } from "../trpc";

// The studio's questionnaires, written by its trainers like its drills.
export const checkinFormRouter = createTRPCRouter({
  list: trainerProcedure.query(({ ctx }) => listForms(ctx.db, ctx.studioId)),
  get: trainerProcedure.input(formIdInput).query(({ ctx, input }) => getForm(ctx.db, ctx.studioId, input.formId)),
  create: trainerProcedure.input(formInput).mutation(({ ctx, input }) => createForm(ctx.db, ctx.studioId, ctx.memberId, input)),
  update: trainerProcedure.input(updateFormInput).mutation(({ ctx, input }) => updateForm(ctx.db, ctx.studioId, input.formId, input.form)),
  archive: trainerProcedure.input(formIdInput).mutation(({ ctx, input }) => setFormArchived(ctx.db, ctx.studioId, input.formId, true, ctx.now())),
  restore: trainerProcedure.input(formIdInput).mutation(({ ctx, input }) => setFormArchived(ctx.db, ctx.studioId, input.formId, false, ctx.now())),
  addQuestion: trainerProcedure.input(addQuestionInput).mutation(({ ctx, input }) => addQuestion(ctx.db, ctx.studioId, input.formId, input.question)),
  updateQuestion: trainerProcedure.input(updateQuestionInput).mutation(({ ctx, input }) => updateQuestion(ctx.db, ctx.studioId, input.questionId, input.question)),
  moveQuestion: trainerProcedure.input(moveQuestionInput).mutation(({ ctx, input }) => moveQuestion(ctx.db, ctx.studioId, input.questionId, input.direction)),
  removeQuestion: trainerProcedure.input(questionIdInput).mutation(({ ctx, input }) => removeQuestion(ctx.db, ctx.studioId, input.questionId, ctx.now())),
});
