import { AsyncLocalStorage } from "node:async_hooks";
import { pino, stdTimeFunctions } from "pino";
import { logLevelSchema } from "@/env";

// Structured JSON lines (pino) on stdout: one object per event. A request's id travels in
// AsyncLocalStorage, so a line written anywhere while serving it (a service, the webhook,
// an auth callback) carries `requestId` without threading it through every call.
// No transport: pino's transports run in worker threads that Next's bundling breaks, and
// production wants plain JSON for the log collector anyway (pipe to `pino-pretty` to read).

const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `fn` as part of the request `requestId`: every log line inside carries it. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return requestScope.run({ requestId }, fn);
}

/** The id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

// Tests stay quiet unless LOG_LEVEL asks; an invalid LOG_LEVEL is refused at start-up by
// loadEnv (scripts/start.ts), so here it only falls back instead of throwing at import.
function levelOf(source: NodeJS.ProcessEnv) {
  const parsed = logLevelSchema.safeParse(source.LOG_LEVEL);
  if (parsed.success && parsed.data) return parsed.data;
  return source.NODE_ENV === "test" ? "silent" : "info";
}

/** A logger writing JSON lines to `destination` (stdout by default). */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}) {
  return pino(
    {
      level: options.level ?? levelOf(process.env),
      timestamp: stdTimeFunctions.isoTime,
      // `err` goes through pino's error serializer (type, message, stack, cause).
      serializers: { err: pino.stdSerializers.err },
      // Whatever a caller passes, these never reach the log.
      redact: { paths: ["password", "*.password", "token", "*.token", "secret", "*.secret", "authorization", "cookie"], censor: "[redacted]" },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    options.destination ?? pino.destination(1),
  );
}

export const logger = createLogger();

export type Logger = typeof logger;
