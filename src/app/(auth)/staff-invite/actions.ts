"use server";

import { isRedirectError } from "next/dist/client/components/redirect-error";
import { z } from "zod";
import { newPassword } from "@/server/auth/credentials";
import { signIn } from "@/server/auth/next-auth";
import { getDb } from "@/server/db/client";
import { acceptStaffInvite } from "@/server/staff/service";
import { isValidTimeZone } from "@/lib/time-zones";
import { DomainError } from "@/lib/errors";

const nameField = z
  .string({ error: "Enter your name as your clients will see it." })
  .trim()
  .min(1, { error: "Enter your name as your clients will see it." })
  .max(100, { error: "Keep your name under 100 characters." });
const token = z.string().min(1).max(200);
const timeZone = z.string().refine(isValidTimeZone, { error: "Pick your time zone from the list." });

// A new address chooses a name and a password; an existing Stride account proves itself with its own.
const newAccountInput = z.object({ token, name: nameField, password: newPassword, timeZone });
const existingAccountInput = z.object({ token, password: z.string().min(1, { error: "Enter your Stride password." }).max(200, { error: "That password is too long." }), timeZone });

export type StaffAcceptState = { error?: string; fields?: { name?: string; password?: string; timeZone?: string }; name?: string; timeZone?: string };

// Accepting spends the link and makes the person a trainer of the studio, then signs them in.
export async function acceptStaffInviteAction(_prev: StaffAcceptState, form: FormData): Promise<StaffAcceptState> {
  const hasAccount = form.get("hasAccount") === "1";
  const raw = { token: form.get("token"), name: form.get("name") ?? undefined, password: form.get("password"), timeZone: form.get("timeZone") };
  const parsed = hasAccount ? existingAccountInput.safeParse(raw) : newAccountInput.safeParse(raw);
  const echo = { name: String(form.get("name") ?? "").slice(0, 100), timeZone: String(form.get("timeZone") ?? "") };
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
    return { ...echo, fields: { name: fields.name?.[0], password: fields.password?.[0], timeZone: fields.timeZone?.[0] }, error: fields.token?.[0] ? "This link is incomplete." : undefined };
  }
  try {
    const { email } = await acceptStaffInvite(await getDb(), { ...parsed.data, now: new Date() });
    await signIn("password", { email, password: parsed.data.password, redirectTo: "/after-sign-in" });
    return {};
  } catch (error) {
    if (isRedirectError(error)) throw error;
    if (error instanceof DomainError) {
      return error.field ? { ...echo, fields: { [error.field]: error.message } } : { ...echo, error: error.message };
    }
    throw error;
  }
}
