import { z } from "zod";
import { NOTIFICATION_KINDS } from "@/lib/notification-kinds";
import { notificationPreferencesOf, setNotificationPreference } from "@/server/notifications/notify";
import { listPushDevices, subscribeDevice, unsubscribeDevice } from "@/server/push/subscriptions";
import { vapidKeys } from "@/server/push/vapid";
import { authedProcedure, createTRPCRouter } from "../trpc";

const ENDPOINT_REFUSED = "This browser gave an address for notifications that Stride cannot use. Try again, or use another browser.";
const KEY_REFUSED = "This browser gave notification keys Stride cannot use. Turn notifications off and on again.";

// A push service is reached over https; the local stand-in the tests run (web-push-testing)
// answers on http://localhost, so plain http is allowed for this machine only.
function isPushEndpoint(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "127.0.0.1");
}

const endpointField = z.string({ error: ENDPOINT_REFUSED }).max(2000, { error: ENDPOINT_REFUSED }).refine(isPushEndpoint, { error: ENDPOINT_REFUSED });
const keyField = z.string({ error: KEY_REFUSED }).min(1, { error: KEY_REFUSED }).max(200, { error: KEY_REFUSED }).regex(/^[A-Za-z0-9_-]+=*$/, { error: KEY_REFUSED });

export const subscribePushInput = z.object({
  endpoint: endpointField,
  keys: z.object({ p256dh: keyField, auth: keyField }, { error: KEY_REFUSED }),
  label: z.string().trim().max(100, { error: "Keep the device's name to 100 characters." }).default(""),
});
export const unsubscribePushInput = z.object({ endpoint: endpointField });
export const setNotificationPreferenceInput = z.object({
  kind: z.enum(NOTIFICATION_KINDS, { error: "Pick one of the kinds of notification listed." }),
  pushEnabled: z.boolean({ error: "Choose on or off." }),
});

// Everyone's own devices and switches: each procedure acts on the signed-in person only.
export const pushRouter = createTRPCRouter({
  /** The key a browser subscribes with (public by design; the private half never leaves the server). */
  publicKey: authedProcedure.query(() => ({ publicKey: vapidKeys().publicKey })),
  subscribe: authedProcedure
    .input(subscribePushInput)
    .mutation(({ ctx, input }) => subscribeDevice(ctx.db, ctx.viewer.userId, { endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth, label: input.label })),
  unsubscribe: authedProcedure.input(unsubscribePushInput).mutation(({ ctx, input }) => unsubscribeDevice(ctx.db, ctx.viewer.userId, input.endpoint)),
  devices: authedProcedure.query(({ ctx }) => listPushDevices(ctx.db, ctx.viewer.userId)),
  preferences: authedProcedure.query(({ ctx }) => notificationPreferencesOf(ctx.db, ctx.viewer.userId, { isClient: ctx.viewer.kind !== "trainer" })),
  setPreference: authedProcedure
    .input(setNotificationPreferenceInput)
    .mutation(({ ctx, input }) => setNotificationPreference(ctx.db, ctx.viewer.userId, input.kind, input.pushEnabled, { isClient: ctx.viewer.kind !== "trainer" })),
});
