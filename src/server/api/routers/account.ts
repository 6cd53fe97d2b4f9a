import { z } from "zod";
import { DISTANCE_UNITS } from "@/lib/distance-units";
import { getAccount, listDevices, signOutDevice, updateProfile } from "@/server/account/service";
import { changePassword } from "@/server/auth/change-password";
import { newPassword } from "@/server/auth/credentials";
import { cancelEmailChange, CONFIRM_LINK_REFUSED, confirmEmailChange, requestEmailChange } from "@/server/auth/email-change";
import { billingProvider } from "@/server/billing/config";
import { deleteClient } from "@/server/data-rights/delete-client";
import { isValidTimeZone } from "@/lib/time-zones";
import { authedProcedure, clientProcedure, createTRPCRouter } from "../trpc";
import { emailField } from "./auth";

export const updateProfileInput = z.object({
  name: z.string({ error: "Enter your name." }).trim().min(1, { error: "Enter your name." }).max(100, { error: "Keep your name to 100 characters." }),
  timeZone: z.string({ error: "Pick your time zone from the list." }).max(100, { error: "Pick your time zone from the list." }).refine(isValidTimeZone, { error: "Pick your time zone from the list." }),
  // null: the studio's unit.
  distanceUnit: z.enum(DISTANCE_UNITS, { error: "Pick kilometres, miles or the studio's unit." }).nullable(),
});
export const changePasswordInput = z.object({
  currentPassword: z.string({ error: "Enter your current password." }).min(1, { error: "Enter your current password." }).max(200, { error: "That is not your current password." }),
  newPassword,
});
export const requestEmailChangeInput = z.object({ newEmail: emailField });
export const confirmEmailChangeInput = z.object({ token: z.string({ error: CONFIRM_LINK_REFUSED }).min(1, { error: CONFIRM_LINK_REFUSED }).max(200, { error: CONFIRM_LINK_REFUSED }) });
export const signOutDeviceInput = z.object({ deviceId: z.uuid({ error: "That device is no longer signed in to your account." }) });
export const deleteMyAccountInput = z.object({
  confirmName: z.string({ error: "Type your name to confirm." }).trim().min(1, { error: "Type your name to confirm." }).max(200, { error: "That is longer than your name; type it as shown." }),
});

// Everyone's own account: each procedure acts on the signed-in person only, named by the
// session, never by input.
export const accountRouter = createTRPCRouter({
  get: authedProcedure.query(({ ctx }) => getAccount(ctx.db, ctx.viewer.userId)),
  updateProfile: authedProcedure.input(updateProfileInput).mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.viewer.userId, input)),
  changePassword: authedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    await changePassword(ctx.db, { userId: ctx.viewer.userId, deviceSessionId: ctx.deviceSessionId ?? null, ...input, now: ctx.now() });
    return { message: "Your password is changed. Your other devices are signed out; this one stays signed in." };
  }),
  requestEmailChange: authedProcedure
    .input(requestEmailChangeInput)
    .mutation(({ ctx, input }) => requestEmailChange(ctx.db, { userId: ctx.viewer.userId, newEmail: input.newEmail, now: ctx.now(), appUrl: ctx.appUrl })),
  cancelEmailChange: authedProcedure.mutation(({ ctx }) => cancelEmailChange(ctx.db, ctx.viewer.userId)),
  confirmEmailChange: authedProcedure
    .input(confirmEmailChangeInput)
    .mutation(({ ctx, input }) => confirmEmailChange(ctx.db, { userId: ctx.viewer.userId, token: input.token, now: ctx.now() })),
  devices: authedProcedure.query(({ ctx }) => listDevices(ctx.db, { userId: ctx.viewer.userId, deviceSessionId: ctx.deviceSessionId ?? null, now: ctx.now() })),
  signOutDevice: authedProcedure.input(signOutDeviceInput).mutation(({ ctx, input }) => signOutDevice(ctx.db, { userId: ctx.viewer.userId, deviceId: input.deviceId })),
  /** A client deletes their own account: the owner's deletion rule, and their coach is told. */
  deleteMine: clientProcedure.input(deleteMyAccountInput).mutation(({ ctx, input }) =>
    deleteClient(ctx.db, () => billingProvider(ctx.db, { appUrl: ctx.appUrl, now: ctx.now, studioId: ctx.studioId }), {
      studioId: ctx.studioId,
      requestedBy: { by: "client" },
      clientId: ctx.clientId,
      confirmName: input.confirmName,
      now: ctx.now(),
    }),
  ),
});
