// The one error type domain code throws. `code` becomes an HTTP status in one place
// (http-errors.ts, for tRPC and route handlers alike); the message is shown to the person as
// is, so it says what to do.
export type DomainErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS"
  // A refused upload (form-check videos): too large, not the kind of file, or not a usable one.
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "UNPROCESSABLE_CONTENT";

// In src/lib because pure rules shared with the browser (src/lib/money.ts) throw it too.
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The form field the message belongs to, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** A row of another studio answers exactly like a missing row. */
export function notFound(what: string): DomainError {
  return new DomainError("NOT_FOUND", `That ${what} does not exist or is not part of your studio.`);
}
