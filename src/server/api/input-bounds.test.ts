import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { appRouter } from "./root";

// Every procedure's input is bounded by its schema: each text and list has a maximum, so no
// input can be larger than what a person could mean (a 1 MB search, 10,000 ids), and the
// batch and body caps of the tRPC route (src/app/api/trpc/[trpc]/route.ts) bound the rest.
// Found by the outside test: a 1 MB search went as far as Node's header limit.

type Def = { type: string; [key: string]: unknown };
type Check = { check: string; format?: string; maximum?: number; pattern?: RegExp };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): Check[] => ((def.checks as { _zod: { def: Check } }[] | undefined) ?? []).map((c) => c._zod.def);

/** Formats whose pattern fixes the length (a uuid is 36 characters); email and url are not. */
const FIXED_LENGTH_FORMATS = new Set(["uuid", "guid", "date", "time", "datetime", "duration", "cuid", "cuid2", "ulid", "nanoid"]);

/** An anchored pattern without an open-ended repeat (`^\d{4}-\d{2}-\d{2}$`) bounds the length. */
function fixesLength(pattern: RegExp): boolean {
  const source = pattern.source.replace(/\\./g, "");
  return source.startsWith("^") && source.endsWith("$") && !/[*+]|\{\d*,\}/.test(source);
}

/** Paths inside one input where a string, array or record has no maximum. */
function unboundedIn(schema: unknown, at: string, depth = 0): string[] {
  const def = defOf(schema);
  const checks = checksOf(def);
  const hasMax = checks.some((c) => c.check === "max_length");
  const inner = (s: unknown, suffix = "") => unboundedIn(s, at + suffix, depth + 1);
  switch (def.type) {
    case "string": {
      const format = (def.format as string | undefined) ?? checks.find((c) => c.check === "string_format")?.format;
      const patterns = checks.map((c) => c.pattern).filter((p): p is RegExp => p instanceof RegExp);
      const isBounded = hasMax || checks.some((c) => c.check === "length_equals") || (format && FIXED_LENGTH_FORMATS.has(format)) || patterns.some(fixesLength);
      return isBounded ? [] : [at || "(input)"];
    }
    case "array":
      return [...(hasMax ? [] : [`${at}[]`]), ...inner(def.element, "[]")];
    case "record":
      return [`${at}{}`];
    case "object":
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([key, field]) => inner(field, at ? `.${key}` : key));
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return inner(def.innerType);
    case "pipe":
      // What the caller sends is the pipe's input; a transform's output is ours.
      return defOf(def.in).type === "transform" ? [] : inner(def.in);
    case "union":
      return (def.options as unknown[]).flatMap((option) => inner(option));
    case "intersection":
      return [...inner(def.left), ...inner(def.right)];
    case "tuple":
      return (def.items as unknown[]).flatMap((item, i) => inner(item, `[${i}]`));
    case "lazy":
      return depth > 6 ? [] : inner((def.getter as () => unknown)());
    case "unknown":
    case "any":
      return [at || "(input)"];
    default:
      return [];
  }
}

describe("procedure inputs", () => {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: z.ZodType[] } }>;

  it("are found (the walk itself works)", () => {
    expect(Object.keys(procedures).length).toBeGreaterThan(50);
    const search = procedures["client.list"] ?? procedures["clients.list"];
    expect(search, "the client list with its search").toBeDefined();
  });

  it("bound every text and every list", () => {
    const unbounded = Object.entries(procedures).flatMap(([path, procedure]) =>
      procedure._def.inputs.flatMap((input) => unboundedIn(input, "").map((field) => `${path}: ${field}`)),
    );
    expect(unbounded, "give these a .max() with a sentence").toEqual([]);
  });
});
