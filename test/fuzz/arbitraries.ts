import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { z } from "zod";

// Inputs for the bad-input fuzzer, derived from a procedure's zod 4 schema by walking its def
// (`zod-fast-check` targets zod 3). Every node is usually a plausible value of its type and
// sometimes a hostile one, so one input mixes well-formed fields (which get the call past
// validation, into the service and the database) with boundary values at any depth.

/** Real rows the fuzzer may name: the caller's own studio's and another studio's. */
export type IdPools = { home: readonly string[]; other: readonly string[] };

const HUGE = "x".repeat(10_000);
/** An own `__proto__` key, as JSON.parse makes it from a request body. */
const EXTRA_KEYS = JSON.parse('{"__proto__": {"isAdmin": true}, "role": "owner", "extra": "surprise"}') as Record<string, unknown>;

/** Hostile values of every kind, whatever the field expects. */
export function boundaryValues(ids: IdPools): fc.Arbitrary<unknown> {
  const constants: unknown[] = [
    null,
    undefined,
    "",
    " ",
    HUGE,
    "ü🏃\u0000\u202e",
    "'; drop table users; --",
    "NaN",
    "Infinity",
    "-1",
    "1e308",
    "0x10",
    -1,
    0,
    0.5,
    -0.0001,
    2 ** 31,
    -(2 ** 31),
    2 ** 53 + 1,
    1e308,
    -1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    false,
    [],
    [null],
    {},
    { id: "x" },
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "0000-01-01",
    "9999-12-31",
    "-001-01-01",
    "99999-01-01",
    "2026-02-30T10:00:00Z",
    "24:00",
    "25:61",
    "Mars/Olympus",
    "Europe/Atlantis",
    "UTC+99",
    new Date(Number.NaN),
    new Date(8.64e15),
    new Date(-8.64e15),
    new Date(0),
    new Date("2999-01-01T00:00:00Z"),
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "not-a-uuid",
    "https://",
    "javascript:alert(1)",
    "a@b",
  ];
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...constants) },
    { weight: 1, arbitrary: fc.constant(null).map(() => randomUUID()) },
    { weight: 2, arbitrary: ids.other.length ? fc.constantFrom(...ids.other) : fc.constant(randomUUID()) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.integer() },
  );
}

/**
 * Boundary values of the same type as `value`: a valid input with one number swapped for 2^31
 * gets past the type checks that a string in its place would stop at, and finds the missing
 * `.max()` in front of an integer column.
 */
export function sameTypeBoundary(value: unknown, ids: IdPools): fc.Arbitrary<unknown> {
  if (typeof value === "number") return fc.constantFrom(-1, 0, 0.5, -0.0001, 2 ** 31 - 1, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e308, -1e308, value + 1, value - 1, value * 1000);
  if (value instanceof Date) return fc.constantFrom(new Date(8.64e15), new Date(-8.64e15), new Date(0), new Date(Number.NaN), new Date(value.getTime() + 400 * 86_400_000), new Date(value.getTime() - 400 * 86_400_000));
  if (typeof value === "string")
    return fc.oneof(
      fc.constantFrom("", " ", HUGE, `${value}\u0000`, value.toUpperCase(), ` ${value} `, "0000-01-01", "2026-02-30", "9999-12-31", "Mars/Olympus", "24:00", "25:61", "-1", "1e308", "NaN"),
      ids.other.length ? fc.constantFrom(...ids.other) : fc.uuid(),
      fc.uuid(),
    );
  return boundaryValues(ids);
}

type Def = { type: string; [key: string]: unknown };
type Check = { check: string; format?: string; pattern?: RegExp; minimum?: number; maximum?: number; value?: number | bigint | Date; inclusive?: boolean };

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): Check[] => ((def.checks as { _zod: { def: Check } }[] | undefined) ?? []).map((c) => c._zod.def);

/**
 * Values for `schema`: mostly well-formed for its type, with probability `hostile` a boundary
 * value instead, at every node. Object keys may go missing and unknown keys appear.
 */
export function arbitraryFor(schema: z.ZodType, ids: IdPools, hostile = 0.15, depth = 0): fc.Arbitrary<unknown> {
  const plausible = plausibleFor(defOf(schema), ids, hostile, depth);
  const weight = Math.max(1, Math.round(1 / hostile - 1));
  return fc.oneof({ weight, arbitrary: plausible }, { weight: 1, arbitrary: boundaryValues(ids) });
}

function plausibleFor(def: Def, ids: IdPools, hostile: number, depth: number): fc.Arbitrary<unknown> {
  const child = (schema: unknown) => arbitraryFor(schema as z.ZodType, ids, hostile, depth + 1);
  switch (def.type) {
    case "string":
      return stringFor(def, ids);
    case "number":
      return numberFor(def);
    case "boolean":
      return fc.boolean();
    case "date":
      return fc.oneof(
        fc.integer({ min: -400, max: 400 }).map((days) => new Date(Date.now() + days * 86_400_000)),
        fc.date({ noInvalidDate: false }),
      );
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
      return fc.constant(undefined);
    case "optional":
      return fc.option(child(def.innerType), { nil: undefined, freq: 4 });
    case "nullable":
      return fc.option(child(def.innerType), { nil: null, freq: 4 });
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return fc.option(child(def.innerType), { nil: undefined, freq: 4 });
    case "pipe":
      // A transform's output is not an input; the input side is what a caller sends.
      return defOf(def.in).type === "transform" ? child(def.out) : child(def.in);
    case "transform":
      return fc.anything({ maxDepth: 1 });
    case "lazy":
      return depth > 4 ? fc.constant(null) : child((def.getter as () => unknown)());
    case "union":
      return fc.oneof(...(def.options as unknown[]).map(child));
    case "intersection":
      return fc.tuple(child(def.left), child(def.right)).map(([a, b]) => (isPlainObject(a) && isPlainObject(b) ? { ...a, ...b } : a));
    case "array": {
      if (depth > 4) return fc.constant([]);
      const checks = checksOf(def);
      const min = checks.find((c) => c.check === "min_length")?.minimum ?? 0;
      const max = checks.find((c) => c.check === "max_length")?.maximum ?? min + 3;
      // Past the maximum sometimes, but a 1000-entry array would only test zod, slowly.
      return fc.array(child(def.element), { minLength: Math.max(0, min - 1), maxLength: Math.min(max + 1, min + 4) });
    }
    case "tuple":
      return fc.tuple(...(def.items as unknown[]).map(child));
    case "record":
      return fc.dictionary(fc.string({ maxLength: 10 }), child(def.valueType), { maxKeys: 3 });
    case "object": {
      const shape = def.shape as Record<string, unknown>;
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, field] of Object.entries(shape)) fields[key] = child(field);
      const complete = fc.record(fields);
      return fc.oneof(
        { weight: 6, arbitrary: complete },
        // Keys go missing; unknown keys appear (ignored, never stored: a tenant id in the input is not the tenant).
        { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) },
        { weight: 1, arbitrary: complete.map((value) => ({ ...value, ...EXTRA_KEYS, studioId: ids.other[0] ?? randomUUID() })) },
      );
    }
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function stringFor(def: Def, ids: IdPools): fc.Arbitrary<unknown> {
  const checks = checksOf(def);
  const format = (def.format as string | undefined) ?? checks.find((c) => c.check === "string_format")?.format;
  const pattern = (def.pattern as RegExp | undefined) ?? checks.find((c) => c.check === "string_format")?.pattern;
  const min = checks.find((c) => c.check === "min_length")?.minimum ?? 0;
  const max = checks.find((c) => c.check === "max_length")?.maximum;
  switch (format) {
    case "uuid":
    case "guid":
      return fc.oneof(
        { weight: 4, arbitrary: ids.home.length ? fc.constantFrom(...ids.home) : fc.uuid() },
        { weight: 2, arbitrary: ids.other.length ? fc.constantFrom(...ids.other) : fc.uuid() },
        { weight: 1, arbitrary: fc.uuid() },
      );
    case "email":
      return fc.oneof(fc.emailAddress(), fc.constantFrom("a@b.co", `${"a".repeat(250)}@b.co`, "morgan@stride.test"));
    case "url":
      return fc.oneof(fc.webUrl(), fc.constantFrom("https://example.com", "ftp://example.com", "http://localhost:0"));
    case "date":
      return fc.oneof(
        fc.date({ min: new Date("1990-01-01"), max: new Date("2040-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        fc.constantFrom("2026-02-29", "2028-02-29", "2026-02-28", "2026-03-29", "2026-10-25", "1900-01-01", "9999-12-31"),
      );
    case "datetime":
      return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
    case "regex":
      if (pattern) return fc.stringMatching(pattern);
      break;
  }
  if (pattern) return fc.stringMatching(pattern);
  const upper = max ?? 120;
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: Math.min(upper, min + 40) }) },
    { weight: 1, arbitrary: fc.constantFrom("Europe/London", "America/New_York", "Asia/Kathmandu", "08:00", "18:30", "49.99", "0", "4242 4242 4242 4242", "4000 0000 0000 0341") },
    // Exactly at the limit and one past it: both sides of the boundary.
    { weight: 1, arbitrary: fc.constantFrom("a".repeat(upper), "a".repeat(upper + 1), " ".repeat(Math.max(min, 1))) },
  );
}

function numberFor(def: Def): fc.Arbitrary<unknown> {
  const checks = checksOf(def);
  const isInt = checks.some((c) => c.check === "number_format" && (c.format === "safeint" || c.format === "int32"));
  const low = checks.find((c) => c.check === "greater_than")?.value as number | undefined;
  const high = checks.find((c) => c.check === "less_than")?.value as number | undefined;
  const min = low ?? -1000;
  const max = high ?? Math.max(min + 1000, 1000);
  const inRange = isInt ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
  // An unbounded side gets the integer column's edges: past 2^31 - 1 a PostgreSQL integer overflows.
  const beyond = [...(high === undefined ? [2 ** 31 - 1, 2 ** 31, Number.MAX_SAFE_INTEGER] : []), ...(low === undefined ? [-(2 ** 31) - 1] : [])];
  const edges = [min, max, min - 1, max + 1, min + 0.5, ...beyond].filter((n) => Number.isFinite(n));
  const number = fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(...edges) });
  // `z.coerce.number()` takes what a form sends: numeric strings.
  return def.coerce ? fc.oneof(number, number.map(String)) : number;
}
