"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { z } from "zod";
import { env } from "@/env";
import { newPassword } from "@/server/auth/credentials";
import { signIn } from "@/server/auth/next-auth";
import { billingProvider, testProvider } from "@/server/billing/config";
import { startSignup, studioIdOfSlug } from "@/server/billing/service";
import { getDb } from "@/server/db/client";
import { isValidTimeZone } from "@/lib/time-zones";
import { DomainError } from "@/lib/errors";
import { logger } from "@/server/logger";
import { clientIp, isSameOrigin } from "@/server/request";
import { servesHttps } from "@/server/security/deployment";
import { SIGNUP_COOKIE, SIGNUP_COOKIE_MAX_AGE } from "./cookie";

// The payment flow's forms. They are server actions (like sign-in) because they set the
// sign-up cookie and sign the new client in; the data rules live in the billing service.


const signupInput = z.object({
  studioSlug: z.string().min(1).max(100),
  planId: z.uuid({ error: "That plan is not on sale any more. Pick another plan." }),
  name: z.string().trim().min(1, "Enter your name.").max(100, "Keep your name under 100 characters."),
  email: z.email({ error: "Enter an email address such as runner@example.com." }).max(254, "That email address is too long."),
  password: newPassword,
  timeZone: z.string().max(100, "Pick your time zone from the list.").refine(isValidTimeZone, { error: "Pick your time zone from the list." }),
});

export type SignupState = { error?: string; fields?: Partial<Record<"name" | "email" | "password" | "planId" | "timeZone", string>>; values?: { name: string; email: string; timeZone: string } };

export async function startSignupAction(_prev: SignupState, form: FormData): Promise<SignupState> {
  const raw = Object.fromEntries(["studioSlug", "planId", "name", "email", "password", "timeZone"].map((k) => [k, String(form.get(k) ?? "")]));
  const values = { name: raw.name!, email: raw.email!, timeZone: raw.timeZone! };
  const parsed = signupInput.safeParse(raw);
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    return { values, fields: { name: fields.name?.[0], email: fields.email?.[0], password: fields.password?.[0], planId: fields.planId?.[0], timeZone: fields.timeZone?.[0] } };
  }
  let url: string;
  try {
    const db = await getDb();
    const studioId = await studioIdOfSlug(db, parsed.data.studioSlug);
    const started = await startSignup(db, await billingProvider(db, { appUrl: env().appUrl, now: () => new Date(), studioId }), {
      ...parsed.data,
      appUrl: env().appUrl,
      ip: clientIp(await headers()),
    });
    (await cookies()).set(SIGNUP_COOKIE, started.signInToken, {
      httpOnly: true,
      sameSite: "lax",
      secure: servesHttps(env()),
      path: "/checkout",
      maxAge: SIGNUP_COOKIE_MAX_AGE,
    });
    url = started.url;
  } catch (error) {
    if (error instanceof DomainError) return { values, error: error.field ? undefined : error.message, fields: error.field ? { [error.field]: error.message } : {} };
    logger.error({ err: error }, "sign-up checkout failed");
    return { values, error: "We could not start the payment. Please try again in a moment." };
  }
  redirect(url);
}

export type PayState = { error?: string; cardError?: string };

/** The test-mode checkout's Pay button. */
export async function payTestCheckoutAction(_prev: PayState, form: FormData): Promise<PayState> {
  if (!isSameOrigin(await headers(), env().appUrl)) return { error: "Cross-site requests are not allowed." };
  let redirectTo: string;
  try {
    const db = await getDb();
    const result = await testProvider(db, { appUrl: env().appUrl, now: () => new Date() }).payCheckout({
      sessionId: String(form.get("sessionId") ?? ""),
      cardNumber: String(form.get("cardNumber") ?? ""),
    });
    redirectTo = result.redirectTo;
  } catch (error) {
    if (error instanceof DomainError) return error.field === "cardNumber" ? { cardError: error.message } : { error: error.message };
    logger.error({ err: error }, "test checkout failed");
    return { error: "The payment could not be completed. Please try again." };
  }
  redirect(redirectTo);
}

export type FinishState = { error?: string };

/** "Continue to your portal" after paying for a sign-up: signs in once with the checkout cookie. */
export async function finishSignupAction(_prev: FinishState, form: FormData): Promise<FinishState> {
  const token = (await cookies()).get(SIGNUP_COOKIE)?.value ?? "";
  try {
    await signIn("checkout", { sessionId: String(form.get("sessionId") ?? ""), token, redirectTo: "/portal" });
    return {};
  } catch (error) {
    if (isRedirectError(error)) {
      (await cookies()).delete({ name: SIGNUP_COOKIE, path: "/checkout" });
      throw error;
    }
    const reason = (error as { type?: string; reason?: string }).type === "CredentialsSignin" ? (error as { reason?: string }).reason : null;
    if (reason) return { error: reason };
    throw error;
  }
}
