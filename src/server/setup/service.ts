import { eq, isNull, like, or } from "drizzle-orm";
import type { Db, Queryable, Tx } from "@/server/db/client";
import { installation, loginAttempts, studioMembers, studios, users } from "@/server/db/schema";
import { assertNotThrottled } from "@/server/auth/service";
import { hashPassword } from "@/server/auth/password";
import type { ThrottleRule } from "@/server/auth/throttle";
import { ensureBuiltIns } from "@/server/drills/service";
import { ensureBuiltInCheckinForms } from "@/server/checkins/forms";
import { DomainError } from "@/lib/errors";
import { hashSetupCode, isSameCodeHash, newSetupCode } from "./code";
import { studioSlugOf, type SetupInput } from "./input";

// The first run of a self-hosted server: it has no studio until its owner sets one up with
// the code from the log; then set-up is gone for good.

/** Wrong codes from one address: ten in 15 minutes, then it waits. */
const SETUP_ADDRESS_THROTTLE: ThrottleRule = { maxFailures: 10, windowMs: 15 * 60_000, isForgivenBySuccess: false };
/** Wrong codes from anywhere: a guesser with many addresses still gets 100 tries of 2^40 per 15 minutes. */
const SETUP_THROTTLE: ThrottleRule = { maxFailures: 100, windowMs: 15 * 60_000, isForgivenBySuccess: false };

const ALREADY_SET_UP = "This Stride is already set up. Sign in instead.";
const WRONG_CODE = "That is not the set-up code this server printed last. Copy the newest “Set-up code” line from its log.";

/** Does this server still wait for its first studio? (No studio, and never set up.) */
export async function isSetupPending(q: Queryable): Promise<boolean> {
  const [studio] = await q.select({ id: studios.id }).from(studios).limit(1);
  if (studio) return false;
  const [row] = await q.select({ setUpAt: installation.setUpAt }).from(installation).limit(1);
  return !row?.setUpAt;
}

/**
 * A fresh set-up code while set-up is pending (null otherwise), replacing any earlier one:
 * each start prints a new code and only the newest works.
 */
export async function issueSetupCode(q: Queryable, now: Date): Promise<string | null> {
  if (!(await isSetupPending(q))) return null;
  const code = newSetupCode();
  const fields = { setupCodeHash: hashSetupCode(code), setupCodeIssuedAt: now };
  const [written] = await q
    .insert(installation)
    .values({ id: 1, ...fields })
    // A set-up finished meanwhile (by another instance) keeps its row: no code lives again.
    .onConflictDoUpdate({ target: installation.id, set: fields, setWhere: isNull(installation.setUpAt) })
    .returning({ id: installation.id });
  return written ? code : null;
}

export type NewStudio = {
  studioName: string;
  ownerName: string;
  email: string;
  passwordHash: string;
  timeZone: string;
  currency: SetupInput["currency"];
  distanceUnit: SetupInput["distanceUnit"];
  /** Shown on the public Plans page; a studio made by open sign-up starts unlisted (its owner chooses in settings). */
  isListed?: boolean;
  /** Null for a studio made by open sign-up: it waits for its owner to confirm the address. */
  emailConfirmedAt: Date | null;
};

/**
 * A studio, its owner's account and membership, and the built-in drills and questionnaires, inside the caller's
 * transaction: the one way a studio is made, by the first-run set-up and by open sign-up.
 * Null (nothing written) when the email already has an account.
 */
export async function createStudioWithOwner(tx: Tx, input: NewStudio): Promise<{ studioId: string; userId: string; memberId: string } | null> {
  const [owner] = await tx
    .insert(users)
    .values({ email: input.email, name: input.ownerName, passwordHash: input.passwordHash, timeZone: input.timeZone })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (!owner) return null;
  const studioId = await insertStudio(tx, input);
  const [member] = await tx.insert(studioMembers).values({ studioId, userId: owner.id, role: "owner" }).returning({ id: studioMembers.id });
  await ensureBuiltIns(tx, studioId);
  await ensureBuiltInCheckinForms(tx, studioId);
  return { studioId, userId: owner.id, memberId: member!.id };
}

/** The studio row under a slug no other studio has: its name's, else numbered (“morgan-run-club-2”). */
async function insertStudio(tx: Tx, input: NewStudio): Promise<string> {
  const base = studioSlugOf(input.studioName);
  const taken = new Set(
    (await tx.select({ slug: studios.slug }).from(studios).where(or(eq(studios.slug, base), like(studios.slug, `${base}-%`)))).map((row) => row.slug),
  );
  let n = 1;
  for (;;) {
    const slug = n === 1 ? base : `${base.slice(0, 55)}-${n}`;
    n += 1;
    if (taken.has(slug)) continue;
    // Another sign-up may take the same slug meanwhile: the unique index decides, and the next number is tried.
    const [row] = await tx
      .insert(studios)
      .values({ name: input.studioName, slug, timeZone: input.timeZone, currency: input.currency, distanceUnit: input.distanceUnit, emailConfirmedAt: input.emailConfirmedAt, isListed: input.isListed ?? false })
      .onConflictDoNothing({ target: studios.slug })
      .returning({ id: studios.id });
    if (row) return row.id;
  }
}

function throttleKeys(ip: string | null) {
  return [...(ip ? [{ key: `setup:ip:${ip}`, rule: SETUP_ADDRESS_THROTTLE }] : []), { key: "setup:any", rule: SETUP_THROTTLE }];
}

/**
 * The set-up: the studio, its owner's account and membership, and the built-in drills and questionnaires, in one
 * transaction that also spends the code. The installation row is locked first, so of two
 * set-ups at once the second finds the code spent and changes nothing.
 */
export async function completeSetup(db: Db, input: SetupInput & { ip: string | null; now: Date }): Promise<{ email: string }> {
  const keys = throttleKeys(input.ip);
  for (const { key, rule } of keys) await assertNotThrottled(db, [key], input.now, rule, "wrong set-up codes");
  // Hashing is slow on purpose: done before the transaction, which then holds its lock briefly.
  const passwordHash = await hashPassword(input.password);
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(installation).where(eq(installation.id, 1)).for("update");
    const [studio] = await tx.select({ id: studios.id }).from(studios).limit(1);
    if (studio || !row || row.setUpAt) return "already set up" as const;
    if (!row.setupCodeHash || !isSameCodeHash(row.setupCodeHash, hashSetupCode(input.code))) return "wrong code" as const;
    // Listed: a self-hosted server runs this one studio, and its Plans page is its way in.
    const created = await createStudioWithOwner(tx, { ...input, passwordHash, emailConfirmedAt: input.now, isListed: true });
    if (!created) return "email taken" as const;
    await tx.update(installation).set({ setupCodeHash: null, setUpAt: input.now }).where(eq(installation.id, 1));
    return "set up" as const;
  });

  switch (outcome) {
    case "set up":
      return { email: input.email };
    case "already set up":
      throw new DomainError("NOT_FOUND", ALREADY_SET_UP);
    case "email taken":
      throw new DomainError("CONFLICT", "An account with this email already exists. Use another address.", "email");
    case "wrong code":
      // Written after the transaction, so the refusal itself changed nothing but the count.
      await db.insert(loginAttempts).values(keys.map(({ key }) => ({ key, succeeded: false, createdAt: input.now })));
      throw new DomainError("BAD_REQUEST", WRONG_CODE, "code");
  }
}
