import { z } from "zod";
import { NUL_CHARACTER_MESSAGE } from "@/lib/input-guards";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_TOO_LONG, PASSWORD_TOO_SHORT } from "@/lib/password-rule";

// What each way of signing in accepts, checked before any of it reaches the database. The
// sign-in form's action reads them, and so does Auth.js's callback, which anyone can post to
// directly: a NUL (PostgreSQL cannot hold it) or a megabyte-long email is bad input with a
// sentence, not a server error.

const hasNoNul = (text: string) => !text.includes("\u0000");

/** Text a person typed: bounded, and free of the NUL no keyboard types. */
function typed(options: { missing: string; tooLong: string; max: number }) {
  return z.string({ error: options.missing }).max(options.max, options.tooLong).refine(hasNoNul, NUL_CHARACTER_MESSAGE);
}

export const passwordCredentials = z.object({
  // The length is checked first, so a huge value never reaches the email pattern.
  email: typed({ missing: "Enter the email address you signed up with.", tooLong: "That email address is too long.", max: 254 }).pipe(
    z.email({ error: "Enter the email address you signed up with." }),
  ),
  password: typed({ missing: "Enter your password.", tooLong: "That password is too long.", max: PASSWORD_MAX_LENGTH }).pipe(z.string().min(1, "Enter your password.")),
});

/**
 * A password someone chooses (set-up, accepting an invite, signing up at checkout, a reset or
 * a change): the rule of lib/password-rule.ts, and one the sign-in form above accepts (no NUL).
 */
export const newPassword = z
  .string({ error: PASSWORD_TOO_SHORT })
  .min(PASSWORD_MIN_LENGTH, { error: PASSWORD_TOO_SHORT })
  .max(PASSWORD_MAX_LENGTH, { error: PASSWORD_TOO_LONG })
  .refine(hasNoNul, NUL_CHARACTER_MESSAGE);

const LINK_REFUSED = "This sign-in link has expired or was already used. Ask for a new one.";

export const magicLinkCredentials = z.object({ token: typed({ missing: LINK_REFUSED, tooLong: LINK_REFUSED, max: 200 }) });

const CHECKOUT_REFUSED = "This sign-up link has already been used or has expired. Sign in with the email and password you chose.";

export const checkoutCredentials = z.object({
  sessionId: typed({ missing: CHECKOUT_REFUSED, tooLong: CHECKOUT_REFUSED, max: 200 }),
  token: typed({ missing: CHECKOUT_REFUSED, tooLong: CHECKOUT_REFUSED, max: 200 }),
});

/** The first sentence of a refusal, for the person. */
export function firstProblem(error: z.ZodError): string {
  return error.issues[0]?.message ?? "Check what you typed and try again.";
}
