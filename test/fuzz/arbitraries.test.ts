import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { arbitraryFor, sameTypeBoundary } from "./arbitraries";

const ids = { home: ["11111111-1111-4111-8111-111111111111"], other: ["22222222-2222-4222-8222-222222222222"] };
const schema = z.object({ clientId: z.uuid(), days: z.number().int().min(1).max(28), status: z.enum(["attended", "no_show"]) });

describe("inputs derived from a zod schema", () => {
  const samples = fc.sample(arbitraryFor(schema, ids), { numRuns: 400, seed: 1 });

  it("are mostly valid, so calls get past validation into the service", () => {
    const valid = samples.filter((s) => schema.safeParse(s).success).length;
    expect(valid).toBeGreaterThan(100);
    expect(valid).toBeLessThan(400);
  });

  it("name real rows of both studios and hostile values", () => {
    const values = samples.flatMap((s) => (s && typeof s === "object" ? Object.values(s) : [s]));
    expect(values).toContain(ids.home[0]);
    expect(values).toContain(ids.other[0]);
    expect(values.some((v) => typeof v === "string" && v.length >= 10_000)).toBe(true);
    expect(values).toContain(null);
  });

  it("swap a number for the integer column's edge", () => {
    expect(fc.sample(sameTypeBoundary(3000, ids), { numRuns: 200, seed: 1 })).toContain(2 ** 31);
  });
});
