import { z } from "zod";
import { createTemplate, deleteTemplate, listTemplates, updateTemplate } from "@/server/messages/templates";
import { TEMPLATE_BODY_MAX, TEMPLATE_TITLE_MAX } from "@/lib/message-templates";
import { createTRPCRouter, trainerProcedure } from "../trpc";

// Message templates: a trainer's own, and the studio-wide ones the owner keeps. The exact text
// rules (trimmed, counted as a person counts) are templateProblem's; these bounds stop absurd input early.
const templateText = {
  title: z.string({ error: "Give the template a short title." }).max(TEMPLATE_TITLE_MAX * 4, { error: `Keep the title to ${TEMPLATE_TITLE_MAX} characters.` }),
  body: z.string({ error: "Write the message the template sends." }).max(TEMPLATE_BODY_MAX * 4, { error: `A template can be up to ${TEMPLATE_BODY_MAX.toLocaleString("en")} characters. Shorten it.` }),
};
const templateId = z.uuid({ error: "Pick a template from the list." });

export const templateRouter = createTRPCRouter({
  /** The caller's own templates and the studio-wide ones. */
  list: trainerProcedure.query(({ ctx }) => listTemplates(ctx.db, ctx)),
  /** A coach saves their own; the owner may save one for the whole studio. */
  create: trainerProcedure
    .input(z.object({ ...templateText, isStudioWide: z.boolean({ error: "Say whether the template is for the whole studio." }).default(false) }))
    .mutation(({ ctx, input }) => createTemplate(ctx.db, ctx, input)),
  update: trainerProcedure.input(z.object({ id: templateId, ...templateText })).mutation(({ ctx, input }) => updateTemplate(ctx.db, ctx, input, ctx.now())),
  delete: trainerProcedure.input(z.object({ id: templateId })).mutation(async ({ ctx, input }) => {
    await deleteTemplate(ctx.db, ctx, input.id);
    return { ok: true as const };
  }),
});
