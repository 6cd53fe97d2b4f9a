import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkouts, loginAttempts, studios } from "@/server/db/schema";
import { createTestPlans, recordingProvider } from "~test/billing";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { startSignup } from "./service";

const t = setupTestDatabase();

describe("a sign-up with text PostgreSQL cannot store", () => {
  it.each([
    { field: "name", name: "Vera\u0000Visitor", password: "a good long password" },
    { field: "password", name: "Vera Visitor", password: "a good long\u0000password" },
  ])("a NUL in the $field is refused beside that field with a sentence, and nothing is written", async ({ field, name, password }) => {
    const s = await createTestStudio(t.db);
    const { monthly } = await createTestPlans(t.db, s.studioId);
    const [studio] = await t.db.select({ slug: studios.slug }).from(studios).where(eq(studios.id, s.studioId));
    const { provider } = recordingProvider(t.db, { now: new Date() });
    const ip = `nul-${randomUUID()}`;
    const refused = await startSignup(t.db, provider, { studioSlug: studio!.slug, planId: monthly.id, name, email: `vera-${randomUUID().slice(0, 8)}@example.test`, password, appUrl: "http://x", ip }).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: "BAD_REQUEST", field, message: "Remove the invisible control character from this text and try again." });
    expect(await t.db.select().from(checkouts).where(eq(checkouts.studioId, s.studioId))).toEqual([]);
    expect(await t.db.select().from(loginAttempts).where(eq(loginAttempts.key, `signup:${ip}`))).toEqual([]);
  });
});
