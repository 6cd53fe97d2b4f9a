import { z } from "zod";

// The words for an input problem when a schema gives none of its own. Most fields carry a
// message written for their form; the rest (and any request not sent by our forms: a wrong
// type, a missing field, a number out of range) fell back to zod's developer English, such as
// "Too small: expected number to be >=1". Installed once, beside the procedure builders; a
// schema's own `error` still wins over these.

type Issue = z.core.$ZodRawIssue;

/** "sessionTypeId" → "session type"; "weekly.3.start" → "start"; the whole input → "this request". */
export function fieldLabel(path: readonly PropertyKey[] | undefined): string {
  const key = [...(path ?? [])].reverse().find((k): k is string => typeof k === "string");
  if (!key) return "this request";
  const words = key
    .replace(/Id$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase()
    .trim();
  return words || "this field";
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const KINDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  bigint: "a whole number",
  boolean: "yes or no",
  date: "a date and time",
  array: "a list",
  object: "a set of fields",
  tuple: "a list",
  record: "a set of fields",
};

function sizeOf(origin: string | undefined, count: number | bigint | Date): string {
  const n = count instanceof Date ? count.toISOString() : String(count);
  if (origin === "string") return `${n} character${n === "1" ? "" : "s"}`;
  if (origin === "array" || origin === "set") return `${n} item${n === "1" ? "" : "s"}`;
  return n;
}

/** One sentence a person can act on, for an issue whose schema has no message of its own. */
export function readableIssue(issue: Issue): string {
  const field = fieldLabel(issue.path);
  const Field = capitalised(field);
  switch (issue.code) {
    case "invalid_type": {
      if (!issue.path?.length) return "This request was not understood; reload the page and try again.";
      if (issue.input === undefined) return `${Field} is missing; fill it in.`;
      const kind = KINDS[issue.expected] ?? "something else";
      return `${Field} must be ${kind}.`;
    }
    case "too_small": {
      const size = sizeOf(issue.origin, issue.minimum);
      if (issue.origin === "string") return issue.minimum === 1 ? `${Field} cannot be empty.` : `${Field} needs at least ${size}.`;
      if (issue.origin === "array" || issue.origin === "set") return `${Field} needs at least ${size}.`;
      return `${Field} must be ${issue.inclusive === false ? "more than" : "at least"} ${size}.`;
    }
    case "too_big": {
      const size = sizeOf(issue.origin, issue.maximum);
      if (issue.origin === "string" || issue.origin === "array" || issue.origin === "set") return `${Field} takes at most ${size}.`;
      return `${Field} must be ${issue.inclusive === false ? "less than" : "at most"} ${size}.`;
    }
    case "invalid_format":
      return issue.format === "uuid" || issue.format === "guid" ? `${Field} is not a valid id; pick it from the list.` : `${Field} is not in the expected format.`;
    case "invalid_value": {
      const choices = issue.values.filter((v) => typeof v === "string" || typeof v === "number").slice(0, 8);
      return choices.length ? `Pick ${field} from: ${choices.join(", ")}.` : `${Field} is not one of the choices.`;
    }
    case "not_multiple_of":
      return `${Field} must be a multiple of ${String(issue.divisor)}.`;
    case "unrecognized_keys":
      return `This request has fields we do not know: ${issue.keys.slice(0, 5).join(", ")}.`;
    default:
      return `${Field} is not valid.`;
  }
}

let installed = false;
/** Makes `readableIssue` zod's fallback message, once per process. */
export function installReadableZodMessages(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: (issue) => readableIssue(issue) });
}
