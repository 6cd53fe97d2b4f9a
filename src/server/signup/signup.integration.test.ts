import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestPlans, recordingProvider } from "~test/billing";
import { refusalOf } from "~test/refusal";
import { confirmationTokenFor, signedUpStudio } from "~test/authz/signed-up-studio";
import { verifyPassword } from "@/server/auth/password";
import { startPurchase } from "@/server/billing/service";
import { clients, drills, outbox, studioMembers, studios, users } from "@/server/db/schema";
import { SIGNUP_CONFIRM_TTL_MS } from "./confirmation";
import type { SignupInput } from "./input";

const t = setupTestDatabase();

const form = (overrides: Record<string, unknown> = {}): SignupInput => ({
  ownerName: "Dana Reyes",
  email: `dana-${randomUUID().slice(0, 8)}@example.test`,
  password: "a long enough password",
  studioName: "Reyes Run Club",
  timeZone: "America/Chicago",
  currency: "USD" as const,
  distanceUnit: "mi" as const,
  ...(overrides as Partial<SignupInput>),
});

/**
 * An address no other test uses: on PostgreSQL every file shares one database, and a random
 * last octet once met the callers' default address, whose sign-ups the fuzz test had counted.
 */
const freshAddress = () => `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;

/** A caller on a hosted Stride (sign-up open), from its own network address. */
const visitor = (ip = freshAddress()) => callerFor(t.db, null, { isSignupOpen: true, ip });

async function studiosNamed(name: string) {
  return t.db.select().from(studios).where(eq(studios.name, name));
}

describe("open sign-up", () => {
  it("makes the account, the studio (with a slug of its own) and the owner's membership, and emails a confirmation link", async () => {
    const name = `Harbour Striders ${randomUUID().slice(0, 4)}`;
    const first = form({ studioName: name });
    const second = form({ studioName: name });
    await visitor().signup.create(first);
    await visitor().signup.create(second);

    const made = await studiosNamed(name);
    expect(made.map((s) => s.slug).sort()).toEqual([`harbour-striders-${name.slice(-4).toLowerCase()}`, `harbour-striders-${name.slice(-4).toLowerCase()}-2`].sort());
    const [user] = await t.db.select().from(users).where(eq(users.email, first.email));
    expect(user).toMatchObject({ name: "Dana Reyes", timeZone: "America/Chicago" });
    expect(await verifyPassword(user!.passwordHash!, first.password)).toBe(true);
    const [member] = await t.db.select().from(studioMembers).where(eq(studioMembers.userId, user!.id));
    const studio = made.find((s) => s.id === member!.studioId)!;
    expect(member!.role).toBe("owner");
    expect(studio).toMatchObject({ timeZone: "America/Chicago", currency: "USD", distanceUnit: "mi", emailConfirmedAt: null, stripeAccountId: null });
    // The same studio-making code as the first-run set-up: the three built-in drills are there.
    expect((await t.db.select().from(drills).where(eq(drills.studioId, studio.id))).length).toBeGreaterThanOrEqual(3);

    const [mail] = await t.db.select().from(outbox).where(and(eq(outbox.toEmail, first.email), eq(outbox.kind, "signup_confirm")));
    expect(mail).toMatchObject({ studioId: studio.id, carriesCredential: true });
    expect(mail!.text).toMatch(/confirm-sign-up\?token=/);

    // Signed in, the owner sees the first-run dashboard's list and the banner's state.
    const owner = callerFor(t.db, user!.id);
    expect((await owner.setup.firstSteps()).client).toBe(false);
    expect(await owner.signup.status()).toEqual({ isConfirmed: false, ownerEmail: first.email });
  });

  it("refuses bad input beside its field and writes nothing", async () => {
    const name = `Refused ${randomUUID().slice(0, 6)}`;
    const refused = await refusalOf(visitor().signup.create(form({ studioName: name, email: "not-an-email", password: "short", ownerName: " " })), "signup.create");
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.fields).toMatchObject({
      email: "Enter an email address such as you@example.com.",
      ownerName: "Enter your name.",
    });
    expect(refused.fields.password).toMatch(/10 characters/);
    const zone = await refusalOf(visitor().signup.create(form({ studioName: name, timeZone: "Mars/Olympus" })), "signup.create");
    expect(zone.fields).toEqual({ timeZone: "Pick your time zone from the list." });
    expect(await studiosNamed(name)).toEqual([]);
  });

  it("refuses an address that already has an account, saying to sign in, and writes nothing", async () => {
    const taken = form();
    await visitor().signup.create(taken);
    const name = `Second try ${randomUUID().slice(0, 6)}`;
    const refused = await refusalOf(visitor().signup.create(form({ email: taken.email.toUpperCase(), studioName: name })), "signup.create");
    expect(refused).toMatchObject({ code: "CONFLICT", fields: { email: "That address already has an account; sign in." } });
    expect(await studiosNamed(name)).toEqual([]);
  });

  it("is refused when sign-up is not open, and nothing is written", async () => {
    const name = `Closed ${randomUUID().slice(0, 6)}`;
    const refused = await refusalOf(callerFor(t.db, null).signup.create(form({ studioName: name })), "signup.create");
    expect(refused).toMatchObject({ code: "NOT_FOUND", message: "Sign-up is not open on this Stride. Ask whoever runs it to invite you." });
    expect(await studiosNamed(name)).toEqual([]);
  });

  it("lets one network address try ten times an hour", async () => {
    const ip = freshAddress();
    for (let i = 0; i < 10; i++) await visitor(ip).signup.create(form());
    const refused = await refusalOf(visitor(ip).signup.create(form()), "signup.create");
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.message).toMatch(/^Too many sign-ups from your network\. Try again in \d+ minutes?\.$/);
  });
});

describe("confirming the owner's address", () => {
  it("keeps the studio from inviting clients or selling until the link is opened, once", async () => {
    const studio = await signedUpStudio(t.db, "gated", { isConfirmed: false });
    const owner = callerFor(t.db, studio.owner.userId);
    const invite = { name: "Runner One", email: `runner-${randomUUID().slice(0, 6)}@example.test` };

    const refused = await refusalOf(owner.client.invite(invite), "client.invite");
    expect(refused).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(refused.message).toMatch(/^Confirm your email address first/);
    expect(await t.db.select().from(clients).where(eq(clients.studioId, studio.studioId))).toEqual([]);

    // Checkout is refused too (a client row made by hand stands in for one who got in somehow).
    const plans = await createTestPlans(t.db, studio.studioId);
    const [client] = await t.db.insert(clients).values({ studioId: studio.studioId, coachId: studio.owner.memberId, name: "Hand made", email: `hand-${randomUUID().slice(0, 6)}@example.test` }).returning();
    const { provider } = recordingProvider(t.db, { now: new Date() });
    await expect(startPurchase(t.db, provider, { studioId: studio.studioId, clientId: client!.id, planId: plans.pack.id, appUrl: "http://x" })).rejects.toThrow(
      "This studio is not taking clients or payments yet: its owner has not confirmed their email address.",
    );
    const publicPage = await callerFor(t.db, null).billing.publicPlans({ studioSlug: (await t.db.select().from(studios).where(eq(studios.id, studio.studioId)))[0]!.slug });
    expect(publicPage.blocker).toBe("This studio is not taking clients or payments yet: its owner has not confirmed their email address.");

    // "Send again" replaces the link: the first one stops working.
    const firstToken = await confirmationTokenFor(t.db, studio.owner.email);
    expect(await owner.signup.resendConfirmation()).toEqual({ isConfirmed: false, email: studio.owner.email });
    const secondToken = await confirmationTokenFor(t.db, studio.owner.email);
    expect(secondToken).not.toBe(firstToken);
    expect((await refusalOf(callerFor(t.db, null).signup.confirm({ token: firstToken }), "signup.confirm")).code).toBe("NOT_FOUND");

    expect(await callerFor(t.db, null).signup.confirm({ token: secondToken })).toEqual({ studioName: "gated studio" });
    expect((await owner.signup.status()).isConfirmed).toBe(true);
    expect((await owner.client.invite(invite)).status).toBe("invited");
    // Spent: the same link again is refused.
    const again = await refusalOf(callerFor(t.db, null).signup.confirm({ token: secondToken }), "signup.confirm");
    expect(again.message).toBe("This confirmation link has expired or was already used. Sign in and press “Send again” on your dashboard for a new one.");
  });

  it("refuses an expired link", async () => {
    const studio = await signedUpStudio(t.db, "late", { isConfirmed: false });
    const token = await confirmationTokenFor(t.db, studio.owner.email);
    const later = new Date(Date.now() + SIGNUP_CONFIRM_TTL_MS + 60_000);
    expect((await refusalOf(callerFor(t.db, null, { now: () => later }).signup.confirm({ token }), "signup.confirm")).code).toBe("NOT_FOUND");
    expect((await callerFor(t.db, studio.owner.userId).signup.status()).isConfirmed).toBe(false);
  });

  it("leaves studios made by the first-run set-up or before sign-up existed confirmed", async () => {
    const [row] = await t.db.insert(studios).values({ name: "Older", slug: `older-${randomUUID()}` }).returning();
    expect(row!.emailConfirmedAt).toBeInstanceOf(Date);
  });
});
