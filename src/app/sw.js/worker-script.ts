import fs from "node:fs";
import path from "node:path";

// The service worker is served by a route, not from public/, so that its cache names carry
// the build's id and no one has to remember to bump them. `next build` writes the id to
// .next/BUILD_ID, which scripts/start.ts also reads from the directory it runs in; `next dev`
// writes none and answers "development".

const PLACEHOLDER = "__BUILD_ID__";

/** The id of the build being served, read from `<root>/.next/BUILD_ID`. */
export function currentBuildId(root = process.cwd()): string {
  try {
    return fs.readFileSync(path.join(root, ".next", "BUILD_ID"), "utf8").trim() || "development";
  } catch {
    return "development";
  }
}

/** The worker's source with the build's id as its version. */
export function serviceWorkerScript(buildId: string, root = process.cwd()): string {
  const source = fs.readFileSync(path.join(root, "src", "app", "sw.js", "service-worker.js"), "utf8");
  // A build id is Next's own token ([\w-]); anything else would not be a safe JS string.
  return source.replaceAll(PLACEHOLDER, buildId.replace(/[^\w-]/g, ""));
}
