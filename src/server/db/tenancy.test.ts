import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

// `x.studio_id = ${…}` written by hand in a sql`` template; a join's `a.studio_id = b.studio_id` is not this.
const HAND_WRITTEN_SCOPE = /studio_id\s*=\s*\$\{/;

describe("the one form of tenant scoping in raw SQL", () => {
  it("is inStudioSql: no server file scopes raw SQL to a studio by hand", () => {
    const files = filesUnder("src/server").filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f) && !f.endsWith(path.join("db", "tenancy.ts")));
    const offenders = files.filter((f) => HAND_WRITTEN_SCOPE.test(fs.readFileSync(f, "utf8"))).map((f) => f.split(path.sep).join("/"));
    expect(offenders, "scope these queries with inStudioSql(alias, studioId) from src/server/db/tenancy.ts").toEqual([]);
  });
});
