import { z } from "zod";
import { CURRENCIES } from "@/lib/money";
import { slugify } from "@/lib/slug";
import { NUL_CHARACTER_MESSAGE } from "@/lib/input-guards";
import { newPassword } from "@/server/auth/credentials";
import { normalizeEmail } from "@/server/auth/service";
import { isValidTimeZone } from "@/lib/time-zones";
import { DISTANCE_UNITS } from "@/lib/distance-units";
import { normalizeSetupCode } from "./code";


const hasNoNul = (text: string) => !text.includes("\u0000");

/** A name a person types: trimmed, not empty, bounded. */
function name(missing: string, max = 100) {
  return z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, `Keep it under ${max} characters.`)
    .refine(hasNoNul, NUL_CHARACTER_MESSAGE);
}

// The first-run set-up form: the studio, its owner's account, and the studio's settings.
export const setupInput = z.object({
  code: z
    .string({ error: "Enter the set-up code from the server's log." })
    .max(50, "A set-up code looks like K7QM-3XPA: eight letters and digits.")
    .transform((typed, ctx) => {
      if (typed.trim() === "") {
        ctx.addIssue({ code: "custom", message: "Enter the set-up code from the server's log." });
        return z.NEVER;
      }
      const code = normalizeSetupCode(typed);
      if (!code) {
        ctx.addIssue({ code: "custom", message: "A set-up code looks like K7QM-3XPA: eight letters and digits." });
        return z.NEVER;
      }
      return code;
    }),
  studioName: name("Name your studio."),
  ownerName: name("Enter your name."),
  // Bounded before the pattern, so a huge value never reaches it; stored lower-case (users_email_lowercase).
  email: z
    .string({ error: "Enter your email address." })
    .trim()
    .max(254, "That email address is too long.")
    .pipe(z.email({ error: "Enter an email address such as you@example.com." }))
    .transform(normalizeEmail),
  password: newPassword,
  timeZone: z.string({ error: "Pick your time zone from the list." }).max(100).refine(isValidTimeZone, { error: "Pick your time zone from the list." }),
  currency: z.enum(CURRENCIES, { error: "Pick the currency you charge in." }),
  distanceUnit: z.enum(DISTANCE_UNITS, { error: "Pick kilometres or miles." }),
});

export type SetupInput = z.infer<typeof setupInput>;
export type SetupField = keyof SetupInput;

/** A studio's address on the public pages (/studios/<slug>), from its name. */
export function studioSlugOf(studioName: string): string {
  return slugify(studioName, "studio", 60);
}
