// The JavaScript a page ships, two ways. From the build: Next 16 (Turbopack) lists the
// framework's chunks in .next/build-manifest.json (`rootMainFiles`) and, per route, the
// chunks of every client component of its layouts, page and boundaries in
// .next/server/app/<route>/page_client-reference-manifest.js (`entryJSFiles`); each file is
// gzipped as `next start` serves it. From a browser: Chromium loads the page signed in and
// the encoded sizes of its script responses are summed, to check the first way.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { chromium } from "playwright-core";

export type PageWeight = { route: string; files: number; gzipBytes: number; rawBytes: number };

export function pageWeightFromBuild(root: string, route: string): PageWeight {
  const next = path.join(root, ".next");
  const build = JSON.parse(fs.readFileSync(path.join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const manifestFile = path.join(next, "server", "app", ...route.split("/").filter(Boolean), "page_client-reference-manifest.js");
  const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
  vm.runInNewContext(fs.readFileSync(manifestFile, "utf8"), { globalThis: sandbox });
  const manifest = sandbox.__RSC_MANIFEST?.[`${route}/page`];
  if (!manifest) throw new Error(`No client reference manifest for ${route} in ${manifestFile}`);
  // Polyfills (`polyfillFiles`) are nomodule scripts: modern browsers never load them.
  const files = new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()]);
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of files) {
    const content = fs.readFileSync(path.join(next, file));
    rawBytes += content.length;
    gzipBytes += zlib.gzipSync(content).length;
  }
  return { route, files: files.size, gzipBytes, rawBytes };
}

/** Loads each route signed in (the given session cookie) and sums its script responses. */
export async function pageWeightInBrowser(baseUrl: string, cookie: string, route: string): Promise<PageWeight> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    const context = await browser.newContext();
    const [name, ...value] = cookie.split("=");
    await context.addCookies([{ name: name!, value: value.join("="), url: baseUrl }]);
    const page = await context.newPage();
    const scripts: Promise<{ encoded: number; raw: number }>[] = [];
    page.on("requestfinished", (request) => {
      if (request.resourceType() !== "script") return;
      scripts.push(
        Promise.all([request.sizes(), request.response().then((r) => r?.body())]).then(([sizes, body]) => ({ encoded: sizes.responseBodySize, raw: body?.length ?? 0 })),
      );
    });
    const res = await page.goto(`${baseUrl}${route}`, { waitUntil: "networkidle" });
    if (!res?.ok() || new URL(page.url()).pathname !== route) throw new Error(`Chromium did not land on ${route} (at ${page.url()})`);
    const sizes = await Promise.all(scripts);
    return { route, files: sizes.length, gzipBytes: sizes.reduce((s, x) => s + x.encoded, 0), rawBytes: sizes.reduce((s, x) => s + x.raw, 0) };
  } finally {
    await browser.close();
  }
}
