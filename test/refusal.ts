import { TRPCError } from "@trpc/server";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { expect } from "vitest";
import { appRouter } from "@/server/api/root";

/**
 * A refused call as the browser reads it: the one formatter's message and the field each
 * sentence is shown beside (a caller throws the raw zod JSON).
 */
export async function refusalOf(promise: Promise<unknown>, path: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `${path} should have been refused`).toBeInstanceOf(TRPCError);
  const shape = getErrorShape({ config: appRouter._def._config, error: error as TRPCError, type: "mutation", path, input: undefined, ctx: { requestId: "test" } as never });
  const fields = Object.fromEntries(Object.entries(shape.data.fieldErrors ?? {}).map(([field, messages]) => [field, (messages as string[])[0]]));
  return { code: (error as TRPCError).code, message: shape.message, fields };
}
