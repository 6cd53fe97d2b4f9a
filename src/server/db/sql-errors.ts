// PostgreSQL's SQLSTATE of a failed statement, however the driver wraps it (postgres-js throws
// it as is, drizzle wraps it in a `cause`, PGlite likewise): the database's refusal, read as
// a rule that a race broke, is turned into a sentence by the code that knows the rule.

/** Did the statement fail with this SQLSTATE (on the error or one of its causes)? */
export function hasSqlState(error: unknown, state: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === state) return true;
  }
  return false;
}

/** A unique constraint refused the write (23505): another transaction got there first. */
export const isUniqueViolation = (error: unknown) => hasSqlState(error, "23505");
