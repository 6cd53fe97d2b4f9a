import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import { DomainError } from "@/lib/errors";

// The one place an error becomes an HTTP answer, for the tRPC formatter and every route
// handler alike. DomainError's codes are tRPC's, so tRPC's own table gives the status: a
// procedure and a route refusing for the same reason answer with the same status.

export const SERVER_ERROR_MESSAGE = "Something went wrong on our side. Please try again in a moment.";

/** The status an error answers with; anything that is not a DomainError or TRPCError is a 500. */
export function httpStatusOf(error: unknown): number {
  if (error instanceof TRPCError) return getHTTPStatusCodeFromError(error);
  if (error instanceof DomainError) return getHTTPStatusCodeFromError(new TRPCError({ code: error.code }));
  return 500;
}

/** The sentence the person reads: the refusal's own, bad input's first, never a server error's message. */
export function publicMessageOf(error: unknown): string {
  if (httpStatusOf(error) >= 500) return SERVER_ERROR_MESSAGE;
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof ZodError) return cause.issues[0]?.message ?? "Check the highlighted fields.";
  return (error as Error).message;
}

/** A route handler's answer to an error: `{ error: { message, requestId } }` with its status. */
export function errorResponse(error: unknown, requestId: string | undefined): Response {
  return Response.json({ error: { message: publicMessageOf(error), requestId } }, { status: httpStatusOf(error) });
}
