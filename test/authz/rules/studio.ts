import sharp from "sharp";
import { getStudioSettings } from "@/server/studio/service";
import { EVERYONE, OWNER, TRAINERS, type ProcedureRules } from "../roles";

/** A real 8 × 8 PNG: the smallest logo the upload accepts. */
async function tinyPngBase64(): Promise<string> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#0f5e3f" } }).png().toBuffer();
  return png.toString("base64");
}

export const studioRules: ProcedureRules = {
  "studio.get": { allowed: OWNER },
  // The home studio's own settings sent back unchanged: the shared fixture stays as it is.
  "studio.update": {
    allowed: OWNER,
    input: async (f, db) => {
      const { logo: _logo, ...settings } = await getStudioSettings(db, f.home.studioId);
      return settings;
    },
  },
  "studio.setLogo": { allowed: OWNER, input: async () => ({ imageBase64: await tinyPngBase64() }) },
  "studio.removeLogo": { allowed: OWNER },
  "studio.defaults": { allowed: [...TRAINERS, "otherTrainer"], clientScoped: false },
  // Everyone may ask; each gets their own studio's name and colour, a visitor none of several.
  "studio.brand": { allowed: EVERYONE, clientScoped: false },
};
