"use server";

import { isRedirectError } from "next/dist/client/components/redirect-error";
import { z } from "zod";
import { passwordCredentials } from "@/server/auth/credentials";
import { signIn } from "@/server/auth/next-auth";

export type SignInState = { error?: string; fields?: { email?: string; password?: string }; email?: string };

function refusalReason(error: unknown): string | null {
  if (error && typeof error === "object" && (error as { type?: string }).type === "CredentialsSignin") {
    return (error as { reason?: string }).reason ?? "That email and password do not match an account.";
  }
  return null;
}

export async function signInWithPasswordAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const parsed = passwordCredentials.safeParse({ email: form.get("email"), password: form.get("password") });
  // Shown back in the field: never a megabyte of it.
  const email = String(form.get("email") ?? "").slice(0, 254);
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    return { email, fields: { email: fields.email?.[0], password: fields.password?.[0] } };
  }
  try {
    await signIn("password", { ...parsed.data, redirectTo: "/after-sign-in" });
    return {};
  } catch (error) {
    if (isRedirectError(error)) throw error;
    const reason = refusalReason(error);
    if (reason) return { email, error: reason };
    throw error;
  }
}

export async function signInWithMagicLinkAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn("magic-link", { token: String(form.get("token") ?? ""), redirectTo: "/after-sign-in" });
    return {};
  } catch (error) {
    if (isRedirectError(error)) throw error;
    const reason = refusalReason(error);
    if (reason) return { error: reason };
    throw error;
  }
}
