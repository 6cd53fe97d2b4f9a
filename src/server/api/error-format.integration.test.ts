import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { appRouter } from "./root";
import type { Context } from "./trpc";

const t = setupTestDatabase();
type ErrorBody = { error: { json: { message: string; data: Record<string, unknown> } } };

// What the browser receives: the same handler as /api/trpc, through the error formatter.
async function send(path: string, input: unknown, method: "GET" | "POST", ctx: Partial<Context> = {}) {
  const encoded = encodeURIComponent(JSON.stringify({ json: input }));
  const req =
    method === "GET"
      ? new Request(`http://localhost/api/trpc/${path}?input=${encoded}`)
      : new Request(`http://localhost/api/trpc/${path}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify({ json: input }) });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => ({ db: t.db, userId: null, requestId: "req-1", isDemo: true, ip: null, now: () => new Date(), appUrl: "http://localhost", ...ctx }),
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as ErrorBody };
}

describe("errors as the browser sees them", () => {
  it("a zod refusal is a 400 with a readable message and the field it belongs to", async () => {
    const { status, body, text } = await send("auth.requestMagicLink", { email: "nope" }, "POST");
    expect(status).toBe(400);
    expect(body.error.json.message).toBe("Enter an email address such as runner@example.com.");
    expect(body.error.json.data.fieldErrors).toEqual({ email: ["Enter an email address such as runner@example.com."] });
    expect(text).not.toMatch(/stack|node_modules/);
  });

  it("an unauthenticated call is a 401 that says what to do", async () => {
    const { status, body } = await send("client.list", {}, "GET");
    expect(status).toBe(401);
    expect(body.error.json.message).toBe("Sign in to continue.");
  });

  it("another studio's client is a 404 that names no one", async () => {
    const a = await createTestStudio(t.db);
    const b = await createTestStudio(t.db);
    const { status, text } = await send("client.get", { clientId: a.clientA.clientId }, "GET", { userId: b.owner.userId });
    expect(status).toBe(404);
    expect(text).toContain("That client does not exist or is not part of your studio.");
    expect(text).not.toContain(a.clientA.email);
  });

  it("a server fault is a 500 with a generic message, the request id, and no internals", async () => {
    const a = await createTestStudio(t.db);
    const broken = {
      ...t.db,
      select: () => {
        throw new Error('relation "secret_table" does not exist');
      },
    } as unknown as Context["db"];
    const { status, body, text } = await send("auth.requestMagicLink", { email: a.owner.email }, "POST", { db: broken });
    expect(status).toBe(500);
    expect(body.error.json.message).toBe("Something went wrong on our side. Please try again in a moment.");
    expect(body.error.json.data.requestId).toBe("req-1");
    expect(text).not.toContain("secret_table");
  });
});
