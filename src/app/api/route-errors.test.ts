import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DomainError } from "@/lib/errors";

// Every route handler under /api answers a refusal the same way: the status of its code and
// its sentence, in one body shape; an unexpected error is a 500 whose message is never shown.
// The data exports once answered CONFLICT, PRECONDITION_FAILED and TOO_MANY_REQUESTS with 500,
// and the progress export answered them with 404 and showed a server error's own message.

let thrown: unknown;
const fail = async () => {
  throw thrown;
};

// Outside Next's request scope, connection() throws; here it only has to let the request on.
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));
vi.mock("@/server/api/context", () => ({ createRequestContext: async () => ({ db: {}, requestId: "r", now: () => new Date() }) }));
// Every procedure the routes ask throws the error under test, as a caller would.
vi.mock("@/server/api/root", () => ({
  createCaller: () => new Proxy({}, { get: () => new Proxy({}, { get: () => fail }) }),
}));
vi.mock("@/server/db/client", () => ({ getDb: async () => ({}) }));
vi.mock("@/server/booking/feed", () => ({ buildFeedForToken: fail }));

const routes = {
  "/api/export/mine": async (r: Request) => (await import("./export/mine/route")).GET(r),
  "/api/export/studio": async (r: Request) => (await import("./export/studio/route")).GET(r),
  "/api/progress/export": async (r: Request) => (await import("./progress/export/route")).GET(r),
  "/api/calendar/[token]": async (r: Request) =>
    (await import("./calendar/[token]/route")).GET(r, { params: Promise.resolve({ token: "a".repeat(32) + ".ics" }) }),
  "/api/messages/photos/[photoId]": async (r: Request) =>
    (await import("./messages/photos/[photoId]/route")).GET(r, { params: Promise.resolve({ photoId: "8f9c1e2a-3b4d-4e5f-8a6b-7c8d9e0f1a2b" }) }),
  "/api/runs/import": async (r: Request) => (await import("./runs/import/route")).POST(r),
};

const get = (path: string) => new Request(`http://localhost:3000${path.replace("[token]", "x")}?kind=runs`);

describe.each(Object.entries(routes))("%s", (path, route) => {
  beforeEach(() => {
    thrown = undefined;
  });

  it.each([
    [new DomainError("CONFLICT", "Someone changed this a moment ago. Reload and try again."), 409],
    [new DomainError("PRECONDITION_FAILED", "Finish the setup before you export."), 412],
    [new TRPCError({ code: "TOO_MANY_REQUESTS", message: "Wait a minute before you download again." }), 429],
    [new TRPCError({ code: "FORBIDDEN", message: "Only the studio's trainers can do this." }), 403],
  ])("answers %s with its status and sentence", async (error, status) => {
    thrown = error;
    const response = await route(get(path));
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: { message: (error as Error).message, requestId: expect.any(String) } });
  });

  it("answers an unexpected error with a 500 and a generic sentence, never its message", async () => {
    thrown = new Error('relation "clients" does not exist');
    const response = await route(get(path));
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(JSON.parse(body).error.message).toBe("Something went wrong on our side. Please try again in a moment.");
    expect(body).not.toContain("relation");
  });
});
