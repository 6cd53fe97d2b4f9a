import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/server/auth/service";
import type { Db } from "@/server/db/client";
import { drills, installation, programs, studioMembers, studios, users } from "@/server/db/schema";
import { DomainError } from "@/lib/errors";
import { callerFor } from "~test/caller";
import { createTestStudio } from "~test/factories";
import { openFreshDatabase } from "~test/fresh-db";
import { setupInput, type SetupInput } from "./input";
import { completeSetup, issueSetupCode, isSetupPending } from "./service";

// Each test gets an empty, migrated database of its own: set-up is about the whole server.
let fresh: Awaited<ReturnType<typeof openFreshDatabase>>;
let db: Db;
beforeEach(async () => {
  fresh = await openFreshDatabase();
  await fresh.database.migrate();
  db = fresh.database.db;
});
afterEach(() => fresh.drop());

const NOW = new Date("2026-12-01T09:00:00Z");

function form(code: string, overrides: Partial<Record<keyof SetupInput, string>> = {}): SetupInput {
  return setupInput.parse({
    code,
    studioName: "Hill Runners",
    ownerName: "Sam Okafor",
    email: "sam@hill.test",
    password: "a long password",
    timeZone: "America/Chicago",
    currency: "USD",
    distanceUnit: "mi",
    ...overrides,
  });
}

async function counts() {
  const of = async (table: typeof studios | typeof users | typeof studioMembers) => (await db.select({ n: count() }).from(table))[0]!.n;
  return { studios: await of(studios), users: await of(users), members: await of(studioMembers) };
}

async function refusal(attempt: Promise<unknown>): Promise<DomainError> {
  const error = await attempt.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("first-run set-up", () => {
  it("sets up exactly one studio with the newest code, signs its owner in, and is gone for good", async () => {
    expect(await isSetupPending(db)).toBe(true);
    const firstStart = (await issueSetupCode(db, NOW))!;
    const restart = (await issueSetupCode(db, NOW))!;
    expect(restart).not.toBe(firstStart);

    // The code printed before the restart no longer works, and a refusal writes nothing.
    const stale = await refusal(completeSetup(db, { ...form(firstStart), ip: "203.0.113.1", now: NOW }));
    expect([stale.code, stale.field]).toEqual(["BAD_REQUEST", "code"]);
    expect(await counts()).toEqual({ studios: 0, users: 0, members: 0 });

    expect(await completeSetup(db, { ...form(restart.toLowerCase()), ip: "203.0.113.1", now: NOW })).toEqual({ email: "sam@hill.test" });
    expect(await counts()).toEqual({ studios: 1, users: 1, members: 1 });
    const [studio] = await db.select().from(studios);
    expect(studio).toMatchObject({ name: "Hill Runners", slug: "hill-runners", timeZone: "America/Chicago", currency: "USD", distanceUnit: "mi" });
    const [owner] = await db.select().from(users);
    expect(owner).toMatchObject({ name: "Sam Okafor", email: "sam@hill.test", timeZone: "America/Chicago" });
    expect(owner!.passwordHash).not.toContain("a long password");
    const [member] = await db.select().from(studioMembers);
    expect(member).toMatchObject({ studioId: studio!.id, userId: owner!.id, role: "owner" });
    // The three built-in drills and the Runner's foundation are in the catalogue at once.
    expect((await db.select({ slug: drills.slug }).from(drills).where(eq(drills.studioId, studio!.id))).map((d) => d.slug).sort()).toEqual(["back-rotations", "hopping", "knee-drive"]);
    expect(await db.select({ slug: programs.slug }).from(programs).where(eq(programs.studioId, studio!.id))).toEqual([{ slug: "runners-foundation" }]);
    // The code died with its use: no hash is kept.
    expect(await db.select().from(installation)).toEqual([{ id: 1, setupCodeHash: null, setupCodeIssuedAt: NOW, setUpAt: NOW }]);
    // The owner can sign in with what they chose.
    await expect(signInWithPassword(db, { email: "SAM@hill.test", password: "a long password", ip: null, now: NOW })).resolves.toMatchObject({ id: owner!.id });

    // Set-up is over: no new code at the next start, and the used code (or any other) is refused.
    expect(await isSetupPending(db)).toBe(false);
    expect(await issueSetupCode(db, NOW)).toBeNull();
    const again = await refusal(completeSetup(db, { ...form(restart, { email: "eve@evil.test", studioName: "Eve's" }), ip: "198.51.100.9", now: NOW }));
    expect([again.code, again.message]).toEqual(["NOT_FOUND", "This Stride is already set up. Sign in instead."]);
    const wrong = await refusal(completeSetup(db, { ...form("ABCD-EFGH", { email: "eve@evil.test" }), ip: "198.51.100.9", now: NOW }));
    expect(wrong.code).toBe("NOT_FOUND");
    expect(await counts()).toEqual({ studios: 1, users: 1, members: 1 });
  });

  it("is never asked of a server that already has a studio (the demo, an existing deployment)", async () => {
    await createTestStudio(db, "existing");
    expect(await isSetupPending(db)).toBe(false);
    expect(await issueSetupCode(db, NOW)).toBeNull();
    expect(await db.select().from(installation)).toEqual([]);
    expect((await refusal(completeSetup(db, { ...form("ABCD-EFGH"), ip: null, now: NOW }))).code).toBe("NOT_FOUND");
  });

  it("lets only one of two set-ups racing with the right code through", async () => {
    const code = (await issueSetupCode(db, NOW))!;
    const results = await Promise.allSettled([
      completeSetup(db, { ...form(code, { email: "first@hill.test", studioName: "First" }), ip: "203.0.113.1", now: NOW }),
      completeSetup(db, { ...form(code, { email: "second@hill.test", studioName: "Second" }), ip: "203.0.113.2", now: NOW }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [lost] = results.filter((r) => r.status === "rejected");
    expect(((lost as PromiseRejectedResult).reason as DomainError).code).toBe("NOT_FOUND");
    expect(await counts()).toEqual({ studios: 1, users: 1, members: 1 });
  });

  it("stops an address after ten wrong codes, even when its eleventh is right; another address still sets up", async () => {
    const code = (await issueSetupCode(db, NOW))!;
    for (let i = 0; i < 10; i++) {
      expect((await refusal(completeSetup(db, { ...form("ABCD-EFGH"), ip: "198.51.100.9", now: NOW }))).code).toBe("BAD_REQUEST");
    }
    const throttled = await refusal(completeSetup(db, { ...form(code), ip: "198.51.100.9", now: NOW }));
    expect([throttled.code, throttled.message]).toEqual(["TOO_MANY_REQUESTS", "Too many wrong set-up codes. Try again in 15 minutes."]);
    expect(await counts()).toEqual({ studios: 0, users: 0, members: 0 });
    await expect(completeSetup(db, { ...form(code), ip: "203.0.113.1", now: NOW })).resolves.toEqual({ email: "sam@hill.test" });
  });

  it("gives the new owner an empty dashboard's first steps, each ticked off when done", async () => {
    const code = (await issueSetupCode(db, NOW))!;
    await completeSetup(db, { ...form(code), ip: null, now: NOW });
    const [owner] = await db.select({ id: users.id }).from(users);
    const caller = callerFor(db, owner!.id);
    const first = await caller.setup.firstSteps();
    expect(first).toMatchObject({ drills: false, client: false, hours: false, plans: false, builtInPrograms: ["Runner's foundation"] });
    // The card names the drills the studio really has, in the method's order.
    expect(first.builtInDrills.map((d) => d.name)).toEqual(["Knee Drive", "Back Rotations", "Hopping"]);
    await caller.client.invite({ name: "Ada Runner", email: "ada@hill.test" });
    await caller.booking.setAvailability({ timeZone: "America/Chicago", weekly: [{ weekday: 1, start: "09:00", end: "12:00" }] });
    expect(await caller.setup.firstSteps()).toMatchObject({ drills: false, client: true, hours: true, plans: false });
  });
});
