import { isUuid } from "@/lib/uuid";

// How long a sign-in lasts. Auth.js re-signs a JWT (with a fresh expiry) whenever its session
// endpoint is read, so its maxAge alone is an idle limit that could slide forever; the
// sign-in time travels in the token and caps the session absolutely. Auth.js ignores
// updateAge for JWT sessions, so there is none to set.

/** A session ends 14 days after sign-in, whatever happens in between. */
export const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;

export type SessionClaims = Record<string, unknown>;

/** A device's "last seen" is written at most this often, so reading a session is no write. */
export const DEVICE_SEEN_EVERY_MS = 5 * 60_000;

/** The claims a fresh sign-in puts in the token: who, at which version, which device, when. */
export function claimsAtSignIn(user: { id: string; sessionVersion: number }, deviceSessionId: string, now: Date) {
  return { uid: user.id, sv: user.sessionVersion, sid: deviceSessionId, signedInAt: Math.floor(now.getTime() / 1000) };
}

/** The claims a presented session must carry. */
export type HeldClaims = { uid: string; sv: number; sid: string; signedInAt: number };

/**
 * Does the account still honour this session? Not once it is disabled, nor after "sign out
 * everywhere" (or an archived client) bumped its version, nor once this device signed out (its
 * row is gone). The one rule for the jwt callback and for the viewer of a request.
 */
export function holdsSession(
  account: { sessionVersion: number; disabledAt: Date | null; deviceSessionId: string | null } | undefined,
  claims: { sv: number; sid: string },
): boolean {
  return !!account && !account.disabledAt && account.sessionVersion === claims.sv && account.deviceSessionId === claims.sid;
}

/** Is a device's "last seen" old enough to write again? */
export function isDeviceSeenStale(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= DEVICE_SEEN_EVERY_MS;
}

/**
 * Is a presented session still good, before asking the database? It must name a user, a
 * session version and its device session, and be younger than the maximum age. Tokens issued
 * before the sign-in time or the device session were recorded are refused: they sign in again once.
 */
export function isWithinLifetime(claims: SessionClaims, now: Date): claims is HeldClaims {
  if (typeof claims.uid !== "string" || typeof claims.sv !== "number" || typeof claims.signedInAt !== "number") return false;
  if (typeof claims.sid !== "string" || !isUuid(claims.sid)) return false;
  const age = now.getTime() / 1000 - claims.signedInAt;
  return age >= -60 && age < SESSION_MAX_AGE_SECONDS;
}
