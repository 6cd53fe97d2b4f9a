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
 * Runs a server-side call for a page: a refusal renders the "not allowed" page (403); a row
 * that does not exist renders "page not found" (404), and so does another studio's row, which
 * the procedures answer exactly like a missing one, so a page never reveals that it exists; a
 * malformed route id is not found either.
 */
export async function orForbidden<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect("/sign-in");
    if (error instanceof TRPCError && error.code === "FORBIDDEN") forbidden();
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}
