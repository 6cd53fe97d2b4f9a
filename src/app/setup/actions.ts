"use server";

import { isRedirectError } from "next/dist/client/components/redirect-error";
import { headers } from "next/headers";
import { z } from "zod";
import { signIn } from "@/server/auth/next-auth";
import { getDb } from "@/server/db/client";
import { DomainError } from "@/lib/errors";
import { clientIp } from "@/server/request";
import { setupInput, type SetupField } from "@/server/setup/input";
import { completeSetup } from "@/server/setup/service";

/** What a refused set-up shows: a sentence beside each field, and what was typed (never the password). */
export type SetupState = {
  error?: string;
  fields?: Partial<Record<SetupField, string>>;
  values?: Partial<Record<Exclude<SetupField, "password">, string>>;
};

const ECHOED = ["code", "studioName", "ownerName", "email", "timeZone", "currency", "distanceUnit"] as const;

// Sets up the studio with the code from the log, then signs its owner in, on this device's
// own session row, straight into the empty dashboard.
export async function completeSetupAction(_prev: SetupState, form: FormData): Promise<SetupState> {
  const values = Object.fromEntries(ECHOED.map((field) => [field, String(form.get(field) ?? "").slice(0, 254)]));
  const parsed = setupInput.safeParse({ ...Object.fromEntries(ECHOED.map((field) => [field, form.get(field) ?? undefined])), password: form.get("password") ?? undefined });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Partial<Record<SetupField, string[]>>;
    return { values, fields: Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages?.[0]])) };
  }
  try {
    const { email } = await completeSetup(await getDb(), { ...parsed.data, ip: clientIp(await headers()), now: new Date() });
    await signIn("password", { email, password: parsed.data.password, redirectTo: "/dashboard" });
    return {};
  } catch (error) {
    if (isRedirectError(error)) throw error;
    if (error instanceof DomainError) {
      return error.field ? { values, fields: { [error.field]: error.message } } : { values, error: error.message };
    }
    throw error;
  }
}
