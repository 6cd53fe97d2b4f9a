import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseInUseError, openPglite } from "./client";

describe("the embedded database folder", () => {
  it("refuses a second opener with a clear error while the first holds it, and frees it on close", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-lock-"));
    // A lock written by another live process (our parent) stands for a second Stride.
    fs.writeFileSync(path.join(dir, "stride.lock"), String(process.ppid));
    await expect(openPglite(dir)).rejects.toThrow(DatabaseInUseError);
    await expect(openPglite(dir)).rejects.toThrow(/in use by another Stride process/);

    // A lock left by a process that no longer runs is taken over.
    fs.writeFileSync(path.join(dir, "stride.lock"), "999999999");
    const database = await openPglite(dir);
    expect(fs.readFileSync(path.join(dir, "stride.lock"), "utf8")).toBe(String(process.pid));
    await database.close();
    expect(fs.existsSync(path.join(dir, "stride.lock"))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
