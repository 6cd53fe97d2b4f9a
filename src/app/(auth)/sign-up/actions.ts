"use server";

import { TRPCError } from "@trpc/server";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { z } from "zod";
import { signIn } from "@/server/auth/next-auth";
import { DomainError } from "@/lib/errors";
import { signupInput, type SignupField } from "@/server/signup/input";
import { api } from "@/trpc/server";

/** What a refused sign-up shows: a sentence beside each field, and what was typed (never the password). */
export type SignUpState = {
  error?: string;
  fields?: Partial<Record<SignupField, string>>;
  values?: Partial<Record<Exclude<SignupField, "password">, string>>;
};

const ECHOED = ["studioName", "ownerName", "email", "timeZone", "currency", "distanceUnit"] as const;

// Creates the account and the studio through the `signup.create` procedure (which refuses
// unless sign-up is open), then signs the trainer in, on this device's own session row,
// straight into the first-run dashboard.
export async function signUpAction(_prev: SignUpState, form: FormData): Promise<SignUpState> {
  const values = Object.fromEntries(ECHOED.map((field) => [field, String(form.get(field) ?? "").slice(0, 254)]));
  const parsed = signupInput.safeParse({ ...Object.fromEntries(ECHOED.map((field) => [field, form.get(field) ?? undefined])), password: form.get("password") ?? undefined });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Partial<Record<SignupField, string[]>>;
    return { values, fields: Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages?.[0]])) };
  }
  try {
    const { email } = await (await api()).signup.create(parsed.data);
    await signIn("password", { email, password: parsed.data.password, redirectTo: "/dashboard" });
    return {};
  } catch (error) {
    if (isRedirectError(error)) throw error;
    const cause = error instanceof TRPCError ? error.cause : error;
    if (cause instanceof DomainError) {
      return cause.field ? { values, fields: { [cause.field]: cause.message } } : { values, error: cause.message };
    }
    throw error;
  }
}
