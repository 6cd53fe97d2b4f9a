import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HISTORY_LOCK_NAMESPACE } from "./history-lock";

describe("the history caches' advisory lock", () => {
  it("is the number the invalidating trigger takes, so a rebuild and a backdated write exclude each other", () => {
    const trigger = readFileSync(join(process.cwd(), "drizzle/0011_history_cache_triggers.sql"), "utf8");
    expect(trigger).toContain(`pg_advisory_xact_lock(${HISTORY_LOCK_NAMESPACE}, hashtext(`);
  });
});
