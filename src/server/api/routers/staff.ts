import { z } from "zod";
import { changeRole, deactivateMember, inviteTrainer, listStaff, resendStaffInvite, revokeStaffInvite } from "@/server/staff/service";
import { createTRPCRouter, ownerProcedure } from "../trpc";
import { emailField } from "./auth";

export const inviteTrainerInput = z.object({ email: emailField });
export const staffInviteIdInput = z.object({ inviteId: z.uuid({ error: "That invite id is not valid." }) });
const memberId = z.uuid({ error: "Pick a trainer from the list." });
export const changeRoleInput = z.object({ memberId, role: z.enum(["owner", "trainer"], { error: "Pick a role: owner or trainer." }) });
export const deactivateMemberInput = z.object({
  memberId,
  coachId: z.uuid({ error: "Pick who takes over their clients." }),
  perClient: z
    .array(z.object({ clientId: z.uuid({ error: "That client id is not valid." }), coachId: z.uuid({ error: "Pick who takes over this client." }) }))
    .max(10_000, { error: "That is more clients than a trainer can have." })
    .default([]),
});

// The studio's staff is the owner's alone: the tenant comes from the session, every row is
// looked up inside it, and another studio's member or invite is "not found".
export const staffRouter = createTRPCRouter({
  list: ownerProcedure.query(({ ctx }) => listStaff(ctx.db, ctx.studioId, ctx.memberId, ctx.now())),
  /** Without a mail server, the inviting owner gets this one link to hand over (nobody else ever sees it). */
  invite: ownerProcedure
    .input(inviteTrainerInput)
    .mutation(({ ctx, input }) => inviteTrainer(ctx.db, ctx, input, { now: ctx.now(), appUrl: ctx.appUrl, hasMailServer: ctx.hasMailServer ?? false })),
  resendInvite: ownerProcedure.input(staffInviteIdInput).mutation(({ ctx, input }) => resendStaffInvite(ctx.db, ctx, input.inviteId, { now: ctx.now(), appUrl: ctx.appUrl })),
  revokeInvite: ownerProcedure.input(staffInviteIdInput).mutation(({ ctx, input }) => revokeStaffInvite(ctx.db, ctx.studioId, input.inviteId, ctx.now())),
  changeRole: ownerProcedure.input(changeRoleInput).mutation(({ ctx, input }) => changeRole(ctx.db, ctx.studioId, input)),
  deactivate: ownerProcedure.input(deactivateMemberInput).mutation(({ ctx, input }) => deactivateMember(ctx.db, ctx.studioId, { ...input, now: ctx.now() })),
});
