import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { loadViewer, type Viewer } from "@/server/auth/viewer";
import type { Db } from "@/server/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { isHiddenFrom, type ClientRowRef } from "@/server/clients/visibility";
import { httpStatusOf, publicMessageOf } from "@/server/http-errors";
import { logger } from "@/server/logger";
import { NUL_CHARACTER_MESSAGE, pathOfNulCharacter } from "@/lib/input-guards";
import { installReadableZodMessages } from "./zod-messages";

export type Context = {
  db: Db;
  /** From the verified session cookie; never from input. */
  userId: string | null;
  /**
   * That user's viewer, when verifying the session already loaded it (HTTP requests); callers
   * built directly (tests) leave it out and it is loaded on first need.
   */
  viewer?: Viewer | null;
  /** The signed-in device's row (auth_sessions), from the same cookie; null without one (tests). */
  deviceSessionId?: string | null;
  requestId: string;
  /** Demo mode (embedded database, no SMTP): the outbox is readable in the app. */
  isDemo: boolean;
  /** SMTP_URL is set: emails leave the server. Without it, links go to the server's log. */
  hasMailServer?: boolean;
  /** STRIDE_SIGNUP=open: trainers may sign up studios of their own (tests set it; absent means closed). */
  isSignupOpen?: boolean;
  ip: string | null;
  now: () => Date;
  appUrl: string;
};

// Inputs whose schema has no message of its own still answer with a sentence.
installReadableZodMessages();

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // The live channel (live.events) over Server-Sent Events. A ping comment every 15 s keeps
  // proxies from closing an idle stream, and tells the browser, which reconnects after 40 s
  // without one, that a silent stream is a dead one (a lost network). Each stream ends after
  // 10 minutes and the browser reconnects at once: the sign-in is checked again then, so a
  // signed-out device stops hearing within minutes.
  sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 40_000 }, maxDurationMs: 10 * 60_000 },
  // Zod field errors travel with the error so the form that sent them can show each one
  // beside its field; stack traces and SQL never reach the browser.
  errorFormatter({ shape, error, ctx }) {
    const httpStatus = httpStatusOf(error);
    if (httpStatus >= 500) logger.error({ requestId: ctx?.requestId, err: error.cause ?? error }, "procedure failed");
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const domainField = error.cause instanceof DomainError ? error.cause.field : undefined;
    const fieldErrors: Record<string, string[]> = {
      ...(zodError ? fieldErrorsOf(zodError) : {}),
      ...(domainField ? { [domainField]: [error.message] } : {}),
    };
    return {
      message: publicMessageOf(error),
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus,
        path: shape.data.path,
        requestId: ctx?.requestId,
        fieldErrors: Object.keys(fieldErrors).length ? fieldErrors : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;

// Each issue under its field's dotted path ("prescription.repMax"); top-level fields keep
// their plain names, exactly as `z.flattenError` gives them.
function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    if (issue.path.length === 0) continue;
    const key = issue.path.join(".");
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
export const createCallerFactory = t.createCallerFactory;

// Domain code throws DomainError; this is the one place it becomes a tRPC (HTTP) error.
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});

// PostgreSQL cannot store a NUL character: refuse it in any input, before a query fails on it.
const noNulCharacters = t.middleware(async ({ getRawInput, next }) => {
  const field = pathOfNulCharacter(await getRawInput());
  if (field) throw new DomainError("BAD_REQUEST", NUL_CHARACTER_MESSAGE, field === "input" ? undefined : field);
  return next();
});

export const publicProcedure = t.procedure.use(domainErrors).use(noNulCharacters);

/** The signed-in viewer, or null: the one the request already loaded, or loaded now. */
export async function viewerOf(ctx: Context): Promise<Viewer | null> {
  if (!ctx.userId) return null;
  return ctx.viewer ?? loadViewer(ctx.db, ctx.userId);
}

const withViewer = t.middleware(async ({ ctx, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  const viewer = await viewerOf(ctx);
  if (!viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended. Sign in again." });
  return next({ ctx: { viewer } });
});

export const authedProcedure = publicProcedure.use(withViewer);

type TrainerViewer = Extract<Viewer, { kind: "trainer" }>;
type ClientViewer = Extract<Viewer, { kind: "client" }>;

/**
 * Studio members. Adds the tenant (`studioId`), who is acting (`memberId`, `role`) and whose
 * clients they may see (`clientScope`: null for all, else their own member id; the studio's
 * setting, read with the viewer on this request). Lists narrow to it through
 * `coachFilterWithin` or `clientVisibleTo`; a procedure naming one client's rows declares it
 * with `namesClientRow`.
 */
export const trainerProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.viewer.kind !== "trainer") throw new TRPCError({ code: "FORBIDDEN", message: "Only the studio's trainers can do this." });
  const viewer: TrainerViewer = ctx.viewer;
  return next({ ctx: { viewer, studioId: viewer.studioId, memberId: viewer.memberId, role: viewer.role, clientScope: viewer.clientScope } });
});

/**
 * For a trainer procedure whose input names a client or one of their rows: a client the member
 * may not see answers exactly as a client of another studio would (`missing`, the procedure's
 * own "not found"), before the procedure runs. Rows that do not exist pass through to the
 * procedure's lookup, which answers them the same way.
 */
export function namesClientRow<I>(rowOf: (input: I) => ClientRowRef, missing: (ref: ClientRowRef) => DomainError = (ref) => notFound(wordOf(ref))) {
  return async <R>(opts: { ctx: { db: Db; studioId: string; clientScope: string | null }; input: I; next: () => Promise<R> }): Promise<R> => {
    const { ctx } = opts;
    const ref = rowOf(opts.input);
    if (ctx.clientScope && (await isHiddenFrom(ctx.db, ctx.studioId, ctx.clientScope, ref))) throw missing(ref);
    return opts.next();
  };
}

// The word each row's own lookup says "not found" with.
function wordOf(ref: ClientRowRef): string {
  if ("sessionId" in ref) return "session";
  if ("runId" in ref) return "run";
  if ("assignmentId" in ref) return "assignment";
  if ("bookingId" in ref) return "booking";
  if ("threadId" in ref) return "conversation";
  if ("checkinScheduleId" in ref) return "check-in schedule";
  return "client";
}

/** The studio's owner: billing, staff and coach reassignment. */
export const ownerProcedure = trainerProcedure.use(({ ctx, next }) => {
  if (ctx.role !== "owner") throw new TRPCError({ code: "FORBIDDEN", message: "Only the studio owner can do this." });
  return next();
});

/** Active clients. Adds the tenant (`studioId`) and the client's own row id (`clientId`). */
export const clientProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.viewer.kind !== "client") throw new TRPCError({ code: "FORBIDDEN", message: "Only clients can do this." });
  const viewer: ClientViewer = ctx.viewer;
  return next({ ctx: { viewer, studioId: viewer.studioId, clientId: viewer.clientId } });
});
