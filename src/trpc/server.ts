import "server-only";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { createRequestContext } from "@/server/api/context";
import { createCaller } from "@/server/api/root";

/** The tRPC caller for server components: same procedures, same authorization. */
export const api = cache(async () => createCaller(await createRequestContext(await headers())));

/**
 * Runs a server-side call for a page: a refusal or another studio's row renders the
 * "not allowed" page (403) instead of data; a missing route id renders 404.
 */
export async function orForbidden<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect("/sign-in");
    if (error instanceof TRPCError && ["FORBIDDEN", "NOT_FOUND"].includes(error.code)) forbidden();
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") notFound();
    throw error;
  }
}
