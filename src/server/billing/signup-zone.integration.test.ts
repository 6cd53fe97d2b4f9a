import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestPlans, recordingProvider } from "~test/billing";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { checkouts, studios, users } from "@/server/db/schema";
import { DomainError } from "@/lib/errors";
import { startSignup } from "./service";

const t = setupTestDatabase();

async function signUp(timeZone: string | null) {
  const s = await createTestStudio(t.db);
  await t.db.update(studios).set({ timeZone: "Europe/London" }).where(eq(studios.id, s.studioId));
  const { monthly } = await createTestPlans(t.db, s.studioId);
  const { provider } = recordingProvider(t.db, { now: new Date() });
  const [studio] = await t.db.select().from(studios).where(eq(studios.id, s.studioId));
  const email = `zone-${randomUUID().slice(0, 8)}@example.test`;
  const started = await startSignup(t.db, provider, { studioSlug: studio!.slug, planId: monthly.id, name: "Berta Berliner", email, password: "a good long password", timeZone, appUrl: "http://localhost:3000" });
  await provider.payCheckout({ sessionId: started.url.split("/").pop()!, cardNumber: "4242 4242 4242 4242" });
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  return { s, user: user! };
}

describe("signing up through the plans page", () => {
  it("gives the new account the visitor's own time zone, not the studio's", async () => {
    const { user } = await signUp("Europe/Berlin");
    expect(user.timeZone).toBe("Europe/Berlin");
  });

  it("falls back to the studio's zone when none was sent", async () => {
    const { user } = await signUp(null);
    expect(user.timeZone).toBe("Europe/London");
  });

  it("refuses a zone that does not exist, on the field, before any checkout is opened", async () => {
    const s = await createTestStudio(t.db);
    const { monthly } = await createTestPlans(t.db, s.studioId);
    const { provider } = recordingProvider(t.db, { now: new Date() });
    const [studio] = await t.db.select().from(studios).where(eq(studios.id, s.studioId));
    const error = await startSignup(t.db, provider, { studioSlug: studio!.slug, planId: monthly.id, name: "X", email: `bad-zone-${randomUUID().slice(0, 8)}@example.test`, password: "a good long password", timeZone: "Mars/Olympus_Mons", appUrl: "http://x" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ message: "Pick your time zone from the list.", field: "timeZone" });
    expect(await t.db.select().from(checkouts).where(eq(checkouts.studioId, s.studioId))).toEqual([]);
  });
});
