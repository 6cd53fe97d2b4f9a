import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/server/db/client";
import { authSessions, authTokens, clients, loginAttempts, studioMembers, users } from "@/server/db/schema";
import { DomainError } from "@/lib/errors";
import { enqueueEmail } from "@/server/outbox/service";
import { holdsSession } from "@/server/security/session-policy";
import { endAllDeviceSessions } from "./device-sessions";
import { verifyPassword } from "./password";
import {
  describeRetry,
  describeSignInLimit,
  evaluateThrottle,
  SIGN_IN_ADDRESS_THROTTLE,
  SIGN_IN_THROTTLE,
  type SignInLimit,
  type ThrottleRule,
} from "./throttle";
import { hashToken, newToken } from "./tokens";

export type SignedInUser = { id: string; email: string; name: string; sessionVersion: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function failuresSinceLastSuccess(q: Queryable, key: string, now: Date, rule: ThrottleRule): Promise<Date[]> {
  const since = new Date(now.getTime() - rule.windowMs);
  const rows = await q
    .select({ createdAt: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.key, key),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.createdAt, since),
        rule.isForgivenBySuccess === false
          ? undefined
          : sql`${loginAttempts.createdAt} > coalesce((select max(la.created_at) from login_attempts la where la.key = ${key} and la.succeeded), '-infinity')`,
      ),
    );
  return rows.map((r) => r.createdAt);
}

/** A sign-in refused by a limit; `limit` says which, so the sign-in page can say it too. */
export class SignInThrottled extends DomainError {
  constructor(
    message: string,
    readonly limit: SignInLimit,
  ) {
    super("TOO_MANY_REQUESTS", message);
  }
}

/** Refuses with a "try again in N minutes" message when any key is over the limit. */
export async function assertNotThrottled(q: Queryable, keys: string[], now: Date, rule = SIGN_IN_THROTTLE, what?: string) {
  for (const key of keys) {
    const verdict = evaluateThrottle(await failuresSinceLastSuccess(q, key, now, rule), now, rule);
    if (!verdict.isAllowed) throw new DomainError("TOO_MANY_REQUESTS", describeRetry(verdict.retryAt, now, what));
  }
}

function signInLimits(email: string, ip: string | null): { key: string; limit: SignInLimit; rule: ThrottleRule }[] {
  return [
    { key: `account:${email}`, limit: "account", rule: SIGN_IN_THROTTLE },
    ...(ip ? [{ key: `ip:${ip}`, limit: "address" as const, rule: SIGN_IN_ADDRESS_THROTTLE }] : []),
  ];
}

/**
 * Email + password sign-in. Every attempt is recorded against the account and the address:
 * 10 failures in 15 minutes for one account, or 100 from one address, lock further tries
 * (even with the right password), and the refusal says which.
 */
export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; ip: string | null; now: Date },
): Promise<SignedInUser> {
  const email = normalizeEmail(input.email);
  const limits = signInLimits(email, input.ip);
  for (const { key, limit, rule } of limits) {
    const verdict = evaluateThrottle(await failuresSinceLastSuccess(db, key, input.now, rule), input.now, rule);
    if (!verdict.isAllowed) throw new SignInThrottled(describeSignInLimit(limit, verdict.retryAt, input.now), limit);
  }
  const keys = limits.map((l) => l.key);
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const isValid = (await verifyPassword(user?.passwordHash, input.password)) && !!user && !user.disabledAt;
  await db.insert(loginAttempts).values(keys.map((key) => ({ key, succeeded: isValid, createdAt: input.now })));
  if (!isValid || !user) throw new DomainError("UNAUTHORIZED", "That email and password do not match an account.");
  if (await isDeactivatedMember(db, user.id)) throw new DomainError("FORBIDDEN", DEACTIVATED_MESSAGE);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

export const DEACTIVATED_MESSAGE = "The studio's owner has ended your access as a trainer. Ask them if you think this is a mistake.";

/** A trainer the owner deactivated (staff/service.ts): their password still matches, but it opens nothing. */
export async function isDeactivatedMember(q: Queryable, userId: string): Promise<boolean> {
  const [member] = await q.select({ deactivatedAt: studioMembers.deactivatedAt }).from(studioMembers).where(eq(studioMembers.userId, userId)).limit(1);
  return !!member?.deactivatedAt;
}

/** The studio a person belongs to, as a trainer or as a client. */
export async function studioOfUser(q: Queryable, userId: string): Promise<string | null> {
  const [member] = await q.select({ studioId: studioMembers.studioId }).from(studioMembers).where(eq(studioMembers.userId, userId)).limit(1);
  if (member) return member.studioId;
  const [client] = await q.select({ studioId: clients.studioId }).from(clients).where(eq(clients.userId, userId)).limit(1);
  return client?.studioId ?? null;
}

const MAGIC_LINK_TTL_MS = 15 * 60_000;
const MAGIC_LINK_REQUESTS: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000 };

/**
 * Emails a single-use sign-in link valid for 15 minutes. The answer is the same whether or
 * not the account exists, so the form cannot be used to find out who has an account.
 */
export async function requestMagicLink(db: Db, input: { email: string; ip: string | null; now: Date; appUrl: string }) {
  const email = normalizeEmail(input.email);
  const key = `magic:${email}`;
  await assertNotThrottled(db, [key], input.now, MAGIC_LINK_REQUESTS, "sign-in links requested for this email");
  await db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ key, succeeded: false, createdAt: input.now });
    const [user] = await tx.select().from(users).where(eq(users.email, email)).limit(1);
    if (!user || user.disabledAt || (await isDeactivatedMember(tx, user.id))) return;
    const studioId = await studioOfUser(tx, user.id);
    if (!studioId) return;
    const { token, tokenHash } = newToken();
    await tx.insert(authTokens).values({
      userId: user.id,
      purpose: "magic_link",
      tokenHash,
      expiresAt: new Date(input.now.getTime() + MAGIC_LINK_TTL_MS),
    });
    const link = `${input.appUrl}/magic-link?token=${token}`;
    await enqueueEmail(tx, {
      studioId,
      kind: "magic_link",
      carriesCredential: true,
      to: email,
      subject: "Your Stride sign-in link",
      text: `Hi ${user.name},\n\nOpen this link to sign in to Stride. It works once and expires in 15 minutes:\n\n${link}\n\nIf you did not ask for it, ignore this email.`,
    });
  });
}

/** Spends a magic-link token: it works once, before it expires, for an enabled account. */
export async function consumeMagicLink(db: Db, input: { token: string; now: Date }): Promise<SignedInUser> {
  const [spent] = await db
    .update(authTokens)
    .set({ usedAt: input.now })
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(input.token)),
        eq(authTokens.purpose, "magic_link"),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, input.now),
      ),
    )
    .returning({ userId: authTokens.userId });
  const [user] = spent?.userId ? await db.select().from(users).where(eq(users.id, spent.userId)).limit(1) : [];
  if (!user || user.disabledAt) {
    throw new DomainError("UNAUTHORIZED", "This sign-in link has expired or was already used. Ask for a new one.");
  }
  if (await isDeactivatedMember(db, user.id)) throw new DomainError("FORBIDDEN", DEACTIVATED_MESSAGE);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/** Is a session (its user, version and device) still valid? */
export async function isSessionCurrent(q: Queryable, claims: { uid: string; sv: number; sid: string }): Promise<boolean> {
  const [user] = await q
    .select({ sessionVersion: users.sessionVersion, disabledAt: users.disabledAt, deviceSessionId: authSessions.id })
    .from(users)
    .leftJoin(authSessions, and(eq(authSessions.id, claims.sid), eq(authSessions.userId, users.id)))
    .where(eq(users.id, claims.uid))
    .limit(1);
  return holdsSession(user, claims);
}

/** Signs the person out on every device: every issued session and every device's row end. */
export async function signOutEverywhere(q: Queryable, userId: string) {
  await q.transaction(async (tx) => {
    await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
    await endAllDeviceSessions(tx, userId);
  });
}
