import { createCaller } from "@/server/api/root";
import type { Context } from "@/server/api/trpc";
import type { Db } from "@/server/db/client";

/** A tRPC caller acting as `userId` (null: anonymous), exactly as the HTTP route would. */
export function callerFor(db: Db, userId: string | null, overrides: Partial<Context> = {}) {
  return createCaller({
    db,
    userId,
    requestId: "test",
    isDemo: true,
    ip: "203.0.113.7",
    now: () => new Date(),
    appUrl: "http://localhost:3000",
    ...overrides,
  });
}
