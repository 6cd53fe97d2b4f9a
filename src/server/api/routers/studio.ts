import { z } from "zod";
import { brandColorProblem, normalizeHexColor } from "@/lib/brand-color";
import { DISTANCE_UNITS } from "@/lib/distance-units";
import { CURRENCIES } from "@/lib/money";
import { normalizeSlug, slugProblem } from "@/lib/studio-slug";
import { isValidTimeZone } from "@/lib/time-zones";
import { masteryRuleInput } from "@/server/drills/mastery";
import { MAX_LOGO_BYTES } from "@/server/studio/logo";
import {
  getStudioSettings,
  onlyStudioId,
  removeStudioLogo,
  setStudioLogo,
  studioBrand,
  studioDefaults,
  updateStudioSettings,
} from "@/server/studio/service";
import { DomainError } from "@/lib/errors";
import { createTRPCRouter, ownerProcedure, publicProcedure, trainerProcedure, viewerOf } from "../trpc";

const PICK_ZONE = "Pick the studio's time zone from the list.";

export const updateStudioInput = z.object({
  name: z.string({ error: "Enter the studio's name." }).trim().min(1, { error: "Enter the studio's name." }).max(100, { error: "Keep the studio's name to 100 characters." }),
  slug: z
    .string({ error: "Enter the address of your public page." })
    .max(100, { error: "Use 3 to 60 characters for the address." })
    .superRefine((text, ctx) => {
      const problem = slugProblem(text);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform(normalizeSlug),
  timeZone: z.string({ error: PICK_ZONE }).max(100, { error: PICK_ZONE }).refine(isValidTimeZone, { error: PICK_ZONE }),
  currency: z.enum(CURRENCIES, { error: "Pick a currency from the list." }),
  distanceUnit: z.enum(DISTANCE_UNITS, { error: "Pick kilometres or miles." }),
  isListed: z.boolean({ error: "Say whether to list the studio on the Plans page." }),
  // null or "": Stride's own green.
  brandColor: z
    .string({ error: "Enter the colour as # and six hex digits, e.g. #0f5e3f." })
    .max(20, { error: "Enter the colour as # and six hex digits, e.g. #0f5e3f." })
    .nullable()
    .superRefine((text, ctx) => {
      const problem = text?.trim() ? brandColorProblem(text) : null;
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform((text) => (text?.trim() ? normalizeHexColor(text) : null)),
  defaultCancelFreeUntilHours: z
    .number({ error: "Enter the hours before a session." })
    .int({ error: "Enter whole hours." })
    .min(0, { error: "Enter zero hours or more." })
    .max(336, { error: "Enter at most 336 hours (two weeks)." }),
  masteryRule: masteryRuleInput,
});

// Base64 grows a file by a third: a 2 MB logo is at most this many characters.
const MAX_LOGO_BASE64 = Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 4;
export const setLogoInput = z.object({
  imageBase64: z
    .string({ error: "Choose an image file to upload." })
    .max(MAX_LOGO_BASE64 + 1000, { error: "Upload a logo of at most 2 MB." })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: "Upload the logo as a PNG, JPEG or WebP image." }),
});

// The studio's settings are its owner's; what new things start from is every trainer's to
// read; how a studio presents itself (name, colour, logo) is public.
export const studioRouter = createTRPCRouter({
  get: ownerProcedure.query(({ ctx }) => getStudioSettings(ctx.db, ctx.studioId)),
  update: ownerProcedure
    .input(updateStudioInput)
    .mutation(({ ctx, input }) => updateStudioSettings(ctx.db, { studioId: ctx.studioId, memberId: ctx.memberId, now: ctx.now(), settings: input })),
  /** Used by the upload route (src/app/api/studio/logo), which reads the file from a form. */
  setLogo: ownerProcedure.input(setLogoInput).mutation(({ ctx, input }) => {
    const bytes = Buffer.from(input.imageBase64, "base64");
    if (bytes.byteLength === 0) throw new DomainError("BAD_REQUEST", "Choose an image file to upload.", "logo");
    return setStudioLogo(ctx.db, ctx.studioId, bytes, ctx.now());
  }),
  removeLogo: ownerProcedure.mutation(({ ctx }) => removeStudioLogo(ctx.db, ctx.studioId)),
  defaults: trainerProcedure.query(({ ctx }) => studioDefaults(ctx.db, ctx.studioId)),
  /**
   * The brand to dress a page in: the signed-in person's studio; for a visitor, the server's
   * only studio (self-hosted); else none (Stride's own). A visitor never learns which of
   * several studios exist.
   */
  brand: publicProcedure.query(async ({ ctx }) => {
    const viewer = await viewerOf(ctx);
    const studioId = viewer && "studioId" in viewer ? viewer.studioId : await onlyStudioId(ctx.db);
    return studioId ? studioBrand(ctx.db, studioId) : null;
  }),
});
