import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";

const t = setupTestDatabase();

type Caller = ReturnType<typeof callerFor>;

/** The code a refused call answers with, or "ok". */
async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

// What the pages under a dynamic route ([clientId], [sessionId], [drillId], [slug]) read. A page
// renders "not found" (404) for NOT_FOUND, so each must answer NOT_FOUND, never FORBIDDEN, for an
// id nobody has and for another studio's id alike (never revealing that the other one exists).
const byClientId: [string, (c: Caller, clientId: string) => Promise<unknown>][] = [
  ["client.get", (c, clientId) => c.client.get({ clientId })],
  ["assignment.forClient", (c, clientId) => c.assignment.forClient({ clientId })],
  ["booking.clientBookings", (c, clientId) => c.booking.clientBookings({ clientId })],
  ["billing.clientMembership", (c, clientId) => c.billing.clientMembership({ clientId })],
  ["credit.forClient", (c, clientId) => c.credit.forClient({ clientId })],
  ["dataRights.deletionPreview", (c, clientId) => c.dataRights.deletionPreview({ clientId })],
  ["progression.forClient", (c, clientId) => c.progression.forClient({ clientId })],
];

describe("an unknown id behind a page answers 'not found'", () => {
  it.each(byClientId)("%s: an unknown client and another studio's client are not found", async (_name, call) => {
    const home = await createTestStudio(t.db, "home");
    const other = await createTestStudio(t.db, "other");
    const owner = callerFor(t.db, home.owner.userId);
    expect(await codeOf(call(owner, randomUUID()))).toBe("NOT_FOUND");
    expect(await codeOf(call(owner, other.clientA.clientId))).toBe("NOT_FOUND");
    expect(await codeOf(call(owner, home.clientA.clientId))).toBe("ok");
  });

  it("a session, a drill and a studio's plans page that do not exist are not found", async () => {
    const home = await createTestStudio(t.db, "home");
    const trainer = callerFor(t.db, home.trainer.userId);
    const client = callerFor(t.db, home.clientA.userId);
    expect(await codeOf(trainer.review.session({ sessionId: randomUUID() }))).toBe("NOT_FOUND");
    expect(await codeOf(trainer.drill.get({ drillId: randomUUID() }))).toBe("NOT_FOUND");
    expect(await codeOf(client.session.mine({ sessionId: randomUUID() }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(t.db, null).billing.publicPlans({ studioSlug: `nope-${randomUUID()}` }))).toBe("NOT_FOUND");
  });
});
