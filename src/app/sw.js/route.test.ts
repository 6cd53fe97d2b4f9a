import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GET } from "./route";
import { currentBuildId, serviceWorkerScript } from "./worker-script";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

function builtAt(buildId: string | null): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "stride-sw-"));
  roots.push(root);
  if (buildId !== null) {
    fs.mkdirSync(path.join(root, ".next"));
    fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), `${buildId}\n`);
  }
  return root;
}

describe("the service worker at /sw.js", () => {
  it("carries the id of the build being served as its cache version", () => {
    const id = currentBuildId(builtAt("k3Jx9_q-Abc"));
    expect(id).toBe("k3Jx9_q-Abc");
    const script = serviceWorkerScript(id);
    expect(script).toContain('const VERSION = "stride-k3Jx9_q-Abc";');
    expect(script).not.toContain("__BUILD_ID__");
  });

  it("says development when no build has been made (next dev)", () => {
    expect(currentBuildId(builtAt(null))).toBe("development");
  });

  it("is served as JavaScript, never from a cache without asking, for the portal's scope", async () => {
    const response = GET();
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("service-worker-allowed")).toBe("/portal");
    expect(await response.text()).toContain(`const VERSION = "stride-${currentBuildId()}";`);
  });
});
