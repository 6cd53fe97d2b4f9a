import { TRPCError } from "@trpc/server";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { appRouter } from "@/server/api/root";
import { callerFor } from "../caller";
import { createAuthzFixture, userOfRole } from "../authz/fixture";
import { matrix } from "../authz/matrix";
import { ROLES, type AuthzFixture, type Role } from "../authz/roles";
import { arbitraryFor, boundaryValues, sameTypeBoundary, type IdPools } from "./arbitraries";
import type { Db } from "@/server/db/client";
import { countChanges, nextTransactionId, rowCounter, setupIsolatedDatabase, studioRowIds, type RowCounts } from "./database";
import { unreadableBecause } from "./readable";

// Issue 10: bad input to every procedure, as every role. Inputs come from each procedure's
// zod schema (walked by arbitraries.ts) and from the authorization matrix's valid inputs,
// mutated with boundary values, for the home studio's rows and for another studio's real
// rows. No answer is a server error, every refusal reads as a sentence, and a refused call
// changes no row of any table. Reproduce a failure with the seed it prints: FUZZ_SEED=<n>.
// The procedures are split by domain into PARTS files (bad-input-<n>.integration.test.ts), so
// the run's workers share them; each file fuzzes its part with the same cases as one file would.
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
/** Inputs per procedure and role: ~100 procedures × 6 roles × this, well under 2 minutes per database. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
/** A role turned away before its input is read gets fewer: every input meets the same door. */
const DOOR_RUNS = Math.min(RUNS, 5);

let t: { readonly db: Db };

let f: AuthzFixture;
let ids: IdPools;
let countRows: () => Promise<RowCounts>;
let snapshot: RowCounts;
/** The next transaction id when `snapshot` was taken. */
let snapshotXid: string;
/** Per procedure: a valid input naming home rows, and the same naming the other studio's rows. */
const seeds = new Map<string, { home: unknown; other: unknown }>();

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: z.ZodType[]; type: "query" | "mutation" | "subscription" } }>;
const allPaths = Object.keys(procedures).sort();
/** The fuzz test files: `bad-input-1…PARTS.integration.test.ts`. */
export const PARTS = 3;
let paths: string[] = [];

/**
 * The procedures of part `part` (1…PARTS): whole domains (`run.*`, `review.*`…), the largest
 * first, each to the part with the fewest procedures so far. Together the parts are every path.
 */
export function pathsOfPart(part: number): string[] {
  const domains = new Map<string, string[]>();
  for (const path of allPaths) {
    const domain = path.split(".")[0]!;
    domains.set(domain, [...(domains.get(domain) ?? []), path]);
  }
  const parts: string[][] = Array.from({ length: PARTS }, () => []);
  for (const group of [...domains.values()].sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!))) {
    parts.reduce((least, p) => (p.length < least.length ? p : least)).push(...group);
  }
  return parts[part - 1]!.sort();
}

/** Registers the fuzz tests of one part in the calling test file. */
export function fuzzBadInput(part: number): void {
  t = setupIsolatedDatabase();
  paths = pathsOfPart(part);
  beforeAll(setUp, 120_000);
  describeTests(part);
}

async function setUp() {
  const db = t.db;
  f = await createAuthzFixture(db);
  const mirrored: AuthzFixture = { ...f, home: f.other, other: f.home };
  for (const path of paths) {
    const rule = matrix[path];
    seeds.set(path, { home: await rule?.input?.(f, db), other: await rule?.input?.(mirrored, db) });
  }
  const people = (s: typeof f.home) => [s.studioId, s.owner.userId, s.trainer.userId, s.clientA.userId, s.clientB.userId];
  ids = {
    home: [...new Set([...people(f.home), ...(await studioRowIds(db, f.home.studioId))])],
    other: [...new Set([...people(f.other), ...(await studioRowIds(db, f.other.studioId))])],
  };
  countRows = await rowCounter(db);
  await takeSnapshot();
}

const userOf = (role: Role): string | null => userOfRole(f, role);

/** Every leaf of a value, by path, so one of them can be swapped for a boundary value. */
function leafPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  // Bytes (a photo's) are one value: mutating them byte by byte finds nothing the decoder's own check does not.
  if (value instanceof Date || value instanceof Uint8Array || value === null || typeof value !== "object") return [at];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  const inner = keys.flatMap((k) => leafPaths((value as Record<string | number, unknown>)[k], [...at, k]));
  return [at, ...inner];
}

function valueAt(value: unknown, at: (string | number)[]): unknown {
  return at.reduce<unknown>((inner, key) => (inner as Record<string | number, unknown> | undefined)?.[key], value);
}

function replaceAt(value: unknown, at: (string | number)[], replacement: unknown): unknown {
  if (at.length === 0) return replacement;
  const [head, ...rest] = at as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
}

function inputsFor(path: string): fc.Arbitrary<unknown> {
  const schema = procedures[path]!._def.inputs.at(-1);
  const seed = seeds.get(path);
  const hostile = boundaryValues(ids);
  const options: fc.WeightedArbitrary<unknown>[] = [{ weight: 1, arbitrary: hostile }];
  if (schema) options.push({ weight: 5, arbitrary: arbitraryFor(schema, ids) });
  if (seed?.home !== undefined) {
    const leaves = leafPaths(seed.home);
    const swapped = fc
      .constantFrom(...leaves)
      .chain((at) => fc.oneof(hostile, sameTypeBoundary(valueAt(seed.home, at), ids), sameTypeBoundary(valueAt(seed.home, at), ids)).map((bad) => replaceAt(seed.home, at, bad)));
    options.push({ weight: 4, arbitrary: swapped });
  }
  if (seed?.other !== undefined) options.push({ weight: 1, arbitrary: fc.constant(seed.other) });
  return fc.oneof(...options);
}

/** A short picture of an input for a failure message (a 10k-character string stays out). */
const describeInput = (input: unknown) =>
  JSON.stringify(input, (_k, v: unknown) => (typeof v === "string" && v.length > 60 ? `<${v.length} chars>` : v instanceof Date ? `Date(${v.getTime()})` : v))?.slice(0, 600);

async function takeSnapshot(): Promise<void> {
  snapshotXid = await nextTransactionId(t.db);
  snapshot = await countRows();
}

/** The call's error, or null when it succeeded. */
async function attempt(path: string, role: Role, input: unknown): Promise<unknown> {
  const caller = callerFor(t.db, userOf(role)) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  const [domain, verb] = path.split(".") as [string, string];
  try {
    await caller[domain]![verb]!(input);
    return null;
  } catch (e) {
    return e ?? new Error("rejected with nothing");
  }
}

/**
 * Whether the role is turned away at the door (the builder's role check runs before the input
 * is parsed): a valid input and a hostile one get the same UNAUTHORIZED or FORBIDDEN answer.
 */
async function isRefusedAtTheDoor(path: string, role: Role): Promise<boolean> {
  const answers = await Promise.all([attempt(path, role, seeds.get(path)?.home), attempt(path, role, 12345)]);
  const [a, b] = answers.map((e) => (e instanceof TRPCError ? `${e.code}: ${e.message}` : "other"));
  return a === b && /^(UNAUTHORIZED|FORBIDDEN):/.test(a!);
}

async function probe(path: string, role: Role, input: unknown): Promise<void> {
  const error = await attempt(path, role, input);
  const where = `${path} as ${role} with ${describeInput(input)}`;
  if (error === null) {
    // A call that succeeded may change rows: compare the next refusal against what it left.
    await takeSnapshot();
    return;
  }
  if (!(error instanceof TRPCError)) throw new Error(`${where} threw a non-tRPC error: ${String(error)}`);
  if (error.code === "INTERNAL_SERVER_ERROR") {
    const cause = error.cause instanceof Error ? `${error.cause.name}: ${error.cause.message}\n${error.cause.stack?.split("\n").slice(1, 6).join("\n")}` : String(error.cause);
    throw new Error(`${where} answered a server error: ${cause}`);
  }
  // The message the browser gets is the formatter's (a caller throws the raw error): run it.
  const shape = getErrorShape({ config: appRouter._def._config, error, type: procedures[path]!._def.type, path, input, ctx: { requestId: "fuzz" } as never });
  const why = unreadableBecause(shape.message);
  if (why) throw new Error(`${where} refused (${error.code}) with an unreadable message, ${why}: ${JSON.stringify(shape.message.slice(0, 300))}`);
  if ((await nextTransactionId(t.db)) === snapshotXid) return;
  const after = await countRows();
  const changed = countChanges(snapshot, throttleRecordForgiven(path, snapshot, after));
  snapshotXid = await nextTransactionId(t.db);
  snapshot = after;
  if (changed) {
    throw new Error(`${where} was refused (${error.code}: ${shape.message}) yet changed rows: ${changed}`);
  }
}

/**
 * Procedures whose throttle counts a refused try (a wrong current password, a sign-up from a
 * busy network), as sign-in counts a wrong password: that one row is the refusal's record, by
 * design. Anything else it changed still fails the probe.
 */
const COUNTS_REFUSED_TRIES: Record<string, string> = { "account.changePassword": "login_attempts", "signup.create": "login_attempts" };

function throttleRecordForgiven(path: string, before: RowCounts, after: RowCounts): RowCounts {
  const table = COUNTS_REFUSED_TRIES[path];
  if (!table || after[table] !== (before[table] ?? 0) + 1) return after;
  return { ...after, [table]: before[table] ?? 0 };
}

/** A different but fixed seed for each procedure and role, so each pair replays alone. */
function seedOf(path: string, role: Role): number {
  let h = SEED;
  for (const ch of `${path}/${role}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

/** The edges a valid input is pushed to, one leaf at a time, by the sweep below. */
function sweepValues(value: unknown): unknown[] {
  if (typeof value === "number") return [2 ** 31, Number.MAX_SAFE_INTEGER, -1];
  if (typeof value === "string") return ["x".repeat(10_000), `${value}\u0000`, "0000-01-01"];
  if (value instanceof Date) return [new Date(8.64e15), new Date(-8.64e15)];
  return [];
}

function describeTests(part: number) {
  describe("valid inputs pushed to the edge, one field at a time", () => {
    // Random inputs rarely keep every other field valid while one number is 2^31; this sweep
    // does, as the first role the matrix allows, so a missing .max() before an integer column
    // cannot hide behind an earlier refusal.
    it.each(paths.filter((p) => matrix[p]?.input))("%s", async (path) => {
      const role = matrix[path]!.allowed[0];
      const seed = seeds.get(path)?.home;
      if (!role || seed === undefined) return;
      await takeSnapshot();
      for (const at of leafPaths(seed)) {
        for (const edge of sweepValues(valueAt(seed, at))) await probe(path, role, replaceAt(seed, at, edge));
      }
    });
  });

  describe("bad input, every procedure, every role", () => {
    if (part === 1) it("derives inputs for every procedure of the app router from its zod schema", () => {
      expect(allPaths.length).toBeGreaterThan(50);
      expect(Array.from({ length: PARTS }, (_, i) => pathsOfPart(i + 1)).flat().sort(), "the parts, together").toEqual(allPaths);
      const notZod = allPaths.filter((p) => procedures[p]!._def.inputs.some((schema) => !(schema as object as { _zod?: unknown })._zod));
      expect(notZod, "input parsers the fuzzer cannot walk").toEqual([]);
    });

    describe.each(paths)("%s", (path) => {
      it.each(ROLES)("as %s", async (role) => {
        const seed = seedOf(path, role);
        const numRuns = (await isRefusedAtTheDoor(path, role)) ? DOOR_RUNS : RUNS;
        await takeSnapshot();
        try {
          await fc.assert(
            fc.asyncProperty(inputsFor(path), (input) => probe(path, role, input)),
            { numRuns, seed, endOnFailure: true },
          );
        } catch (e) {
          // fast-check keeps the property's own error as the cause; its message says what went wrong.
          const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
          throw new Error(`${path} as ${role} failed (FUZZ_SEED=${SEED}, fast-check seed ${seed}): ${cause}`);
        }
      });
    });
  });
}
