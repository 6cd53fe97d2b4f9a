import sharp from "sharp";
import { getStudioSettings } from "@/server/studio/service";
import { eq } from "drizzle-orm";
import { studioMembers } from "@/server/db/schema";
import { ANY_OWNER, EVERYONE, TRAINERS, type ProcedureRules } from "../roles";

/** A real 8 × 8 PNG: the smallest logo the upload accepts. */
async function tinyPngBase64(): Promise<string> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#0f5e3f" } }).png().toBuffer();
  return png.toString("base64");
}

export const studioRules: ProcedureRules = {
  "studio.get": { allowed: ANY_OWNER },
  // The caller's own studio's settings sent back unchanged (the home studio's for those without
  // one): the shared fixture stays as it is.
  "studio.update": {
    allowed: ANY_OWNER,
    input: async (f, db, callerId) => {
      const [member] = callerId ? await db.select({ studioId: studioMembers.studioId }).from(studioMembers).where(eq(studioMembers.userId, callerId)) : [];
      const { logo: _logo, ...settings } = await getStudioSettings(db, member?.studioId ?? f.home.studioId);
      return settings;
    },
  },
  "studio.setLogo": { allowed: ANY_OWNER, input: async () => ({ imageBase64: await tinyPngBase64() }) },
  "studio.removeLogo": { allowed: ANY_OWNER },
  "studio.defaults": { allowed: [...TRAINERS, "otherTrainer"], clientScoped: false },
  // Everyone may ask; each gets their own studio's name and colour, a visitor none of several.
  "studio.brand": { allowed: EVERYONE, clientScoped: false },
};
