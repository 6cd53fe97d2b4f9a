"use server";

import { isRedirectError } from "next/dist/client/components/redirect-error";
import { z } from "zod";
import { newPassword } from "@/server/auth/credentials";
import { signIn } from "@/server/auth/next-auth";
import { acceptInvite } from "@/server/clients/service";
import { getDb } from "@/server/db/client";
import { isValidTimeZone } from "@/lib/time-zones";
import { DomainError } from "@/lib/errors";

const acceptInput = z.object({
  token: z.string().min(1).max(200),
  password: newPassword,
  timeZone: z.string().refine(isValidTimeZone, { error: "Pick your time zone from the list." }),
});

export type AcceptState = { error?: string; fields?: { password?: string; timeZone?: string }; timeZone?: string };

// Accepting sets the password and time zone, spends the link, then signs the person in.
export async function acceptInviteAction(_prev: AcceptState, form: FormData): Promise<AcceptState> {
  const parsed = acceptInput.safeParse({ token: form.get("token"), password: form.get("password"), timeZone: form.get("timeZone") });
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    return { fields: { password: fields.password?.[0], timeZone: fields.timeZone?.[0] }, error: fields.token?.[0] ? "This link is incomplete." : undefined, timeZone: String(form.get("timeZone") ?? "") };
  }
  try {
    const { email } = await acceptInvite(await getDb(), { ...parsed.data, now: new Date() });
    await signIn("password", { email, password: parsed.data.password, redirectTo: "/after-sign-in" });
    return {};
  } catch (error) {
    if (isRedirectError(error)) throw error;
    if (error instanceof DomainError) return { error: error.message, timeZone: parsed.data.timeZone };
    throw error;
  }
}
