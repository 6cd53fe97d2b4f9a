import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "~test/db";
import { NUL_CHARACTER_MESSAGE } from "@/lib/input-guards";
import { appRouter } from "./root";

const t = setupTestDatabase();

// Found by the fuzzer (test/fuzz): a NUL character in any text reached PostgreSQL, which
// cannot store it, and the caller got a 500. It is now a 400 that names the field.
describe("a NUL character in the input", () => {
  it("is refused with a readable message and its field, not a server error", async () => {
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(`http://localhost/api/trpc/billing.publicPlans?input=${encodeURIComponent(JSON.stringify({ json: { studioSlug: "harbour\u0000" } }))}`),
      router: appRouter,
      createContext: () => ({ db: t.db, userId: null, requestId: "req-nul", isDemo: true, ip: null, now: () => new Date(), appUrl: "http://localhost" }),
    });
    const body = (await res.json()) as { error: { json: { message: string; data: { fieldErrors: unknown } } } };
    expect(res.status).toBe(400);
    expect(body.error.json.message).toBe(NUL_CHARACTER_MESSAGE);
    expect(body.error.json.data.fieldErrors).toEqual({ studioSlug: [NUL_CHARACTER_MESSAGE] });
  });
});
