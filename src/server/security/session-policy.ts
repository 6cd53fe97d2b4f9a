// How long a sign-in lasts. Auth.js re-signs a JWT (with a fresh expiry) whenever its session
// endpoint is read, so its maxAge alone is an idle limit that could slide forever; the
// sign-in time travels in the token and caps the session absolutely. Auth.js ignores
// updateAge for JWT sessions, so there is none to set.

/** A session ends 14 days after sign-in, whatever happens in between. */
export const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;

export type SessionClaims = Record<string, unknown>;

/** The claims a fresh sign-in puts in the token. */
export function claimsAtSignIn(user: { id: string; sessionVersion: number }, now: Date) {
  return { uid: user.id, sv: user.sessionVersion, signedInAt: Math.floor(now.getTime() / 1000) };
}

/**
 * Does the account still honour a session issued at `sessionVersion`? Not once it is disabled,
 * nor after "sign out everywhere" (or an archived client) bumped its version. The one rule
 * for the jwt callback and for the viewer of a request.
 */
export function holdsSession(user: { sessionVersion: number; disabledAt: Date | null } | undefined, sessionVersion: number): boolean {
  return !!user && !user.disabledAt && user.sessionVersion === sessionVersion;
}

/**
 * Is a presented session still good, before asking the database? It must name a user and a
 * session version, and be younger than the maximum age. Tokens issued before the sign-in time
 * was recorded are refused: they sign in again once.
 */
export function isWithinLifetime(claims: SessionClaims, now: Date): claims is { uid: string; sv: number; signedInAt: number } {
  if (typeof claims.uid !== "string" || typeof claims.sv !== "number" || typeof claims.signedInAt !== "number") return false;
  const age = now.getTime() / 1000 - claims.signedInAt;
  return age >= -60 && age < SESSION_MAX_AGE_SECONDS;
}
