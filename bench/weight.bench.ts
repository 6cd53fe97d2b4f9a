// What a client's phone downloads (issue 21): the JavaScript of the portal's Today and Log
// pages, measured on the production build `npm start` makes, in Chromium (the figure that
// counts) beside the build's own list (bench/stack/page-weight.ts), and the framework's share
// (Next's and React's root chunks, which every page ships whatever the app does).
//   npm run bench weight
// Opt-in, because it takes minutes: a fresh clone of this repository (its committed HEAD) into
// a temp folder, `npm ci` from the local npm cache, `npm start` to the first page.
//   BENCH_FRESH_START=1 npm run bench weight
//   BENCH_PORT=3500 (uses 2 ports from it)
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { printColumns, type ColumnsRow } from "./lib";
import { signIn } from "./stack/http";
import { pageWeightFromBuild, pageWeightInBrowser, type PageWeight } from "./stack/page-weight";
import { startStride } from "./stack/stride-server";

const ROOT = process.cwd();
const PORT = Number(process.env.BENCH_PORT ?? 3500);
const KB = 1024;
/**
 * Two of the demo studio's clients (src/server/seed): Isla has drills due today and before a run
 * but no check-in; Dana has a check-in to answer as well, whose form then comes with the page.
 */
const CLIENTS = [
  { email: "isla@stride.test", note: "drills due, no check-in" },
  { email: "dana@stride.test", note: "a check-in due" },
];
const DEMO_PASSWORD = "stride-demo";
const ROUTES = [
  { route: "/portal", budgetKb: 140 },
  { route: "/portal/log", budgetKb: 180 },
];
const FRESH_BUDGET_S = 120;

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-bench-weight-"));
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const kb = (bytes: number | undefined) => (bytes === undefined ? "-" : `${(bytes / KB).toFixed(1)} KB`);

/** Next's and React's own chunks (build-manifest `rootMainFiles`), gzipped: on every page. */
function frameworkBytes(): number {
  const next = path.join(ROOT, ".next");
  const build = JSON.parse(fs.readFileSync(path.join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  return build.rootMainFiles.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(next, file))).length, 0);
}

type Weights = { build: PageWeight[]; browser: { email: string; note: string; weights: PageWeight[] }[]; framework: number };

async function pageWeights(): Promise<Weights> {
  log("starting Stride on a fresh PGlite folder with the demo studio (builds first if the build is stale)");
  const stride = await startStride({ port: PORT, dataDir: path.join(workDir, "data"), logFile: path.join(workDir, "stride.log"), extraEnv: { STRIDE_DEMO: "1" } });
  try {
    const browser = [];
    for (const client of CLIENTS) {
      const cookie = await signIn(stride.url, client.email, DEMO_PASSWORD);
      const weights = [];
      for (const { route } of ROUTES) weights.push(await pageWeightInBrowser(stride.url, cookie, route));
      browser.push({ ...client, weights });
    }
    return { build: ROUTES.map(({ route }) => pageWeightFromBuild(ROOT, route)), browser, framework: frameworkBytes() };
  } finally {
    await stride.stop();
  }
}

type FreshStart = { installS: number; startS: number; totalS: number };

/** A clean clone, `npm ci` (the local cache first), `npm start` until the first page answers. */
async function freshStart(): Promise<FreshStart> {
  const dir = path.join(workDir, "fresh");
  execFileSync("git", ["clone", "--quiet", ROOT, dir], { stdio: "inherit" });
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "DATABASE_URL" && !k.startsWith("npm_"))) as NodeJS.ProcessEnv;
  const t0 = performance.now();
  log("fresh clone: npm ci");
  execFileSync("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"], env });
  const t1 = performance.now();
  log("fresh clone: npm start (builds, migrates, seeds the demo studio)");
  const port = PORT + 1;
  const out = fs.openSync(path.join(workDir, "fresh-start.log"), "a");
  const child = spawn("npm", ["start"], { cwd: dir, env: { ...env, PORT: String(port), STRIDE_DATA_DIR: path.join(dir, "data") }, stdio: ["ignore", out, out], detached: true });
  let exited = false;
  child.once("exit", () => (exited = true));
  try {
    const deadline = Date.now() + 20 * 60_000;
    while (Date.now() < deadline) {
      if (exited) throw new Error(`npm start exited before it served; see ${path.join(workDir, "fresh-start.log")}`);
      // The first page someone opens: the sign-in page (/ leads there).
      const res = await fetch(`http://127.0.0.1:${port}/`).catch(() => null);
      if (res?.ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const t2 = performance.now();
    return { installS: (t1 - t0) / 1000, startS: (t2 - t1) / 1000, totalS: (t2 - t0) / 1000 };
  } finally {
    if (child.pid && !exited) process.kill(-child.pid, "SIGTERM");
    await new Promise<void>((resolve) => (exited ? resolve() : child.once("exit", () => resolve())));
  }
}

let weights: Weights;
let fresh: FreshStart | undefined;
try {
  weights = await pageWeights();
  if (process.env.BENCH_FRESH_START === "1") fresh = await freshStart();
} catch (error) {
  console.error(error, `\nlogs in ${workDir}`);
  process.exit(1);
}

const rows: ColumnsRow[] = [];
for (const [i, { route, budgetKb }] of ROUTES.entries()) {
  const build = weights.build[i]!;
  for (const client of weights.browser) {
    const w = client.weights[i]!;
    rows.push({ figure: `${route} JS, gzip (Chromium, ${client.note})`, values: [kb(w.gzipBytes), `${w.files} scripts`], budget: `≤ ${budgetKb} KB`, pass: w.gzipBytes <= budgetKb * KB });
  }
  rows.push({ figure: `${route} JS, gzip (build output)`, values: [kb(build.gzipBytes), `${build.files} files`], budget: "(check)", pass: null });
}
rows.push({ figure: "framework JS on every page (Next + React root chunks)", values: [kb(weights.framework), "-"], budget: "-", pass: null });
rows.push(
  fresh
    ? { figure: "fresh clone: npm ci + npm start to the first page", values: [`${fresh.totalS.toFixed(0)} s`, `ci ${fresh.installS.toFixed(0)} s + start ${fresh.startS.toFixed(0)} s`], budget: `≤ ${FRESH_BUDGET_S} s`, pass: fresh.totalS <= FRESH_BUDGET_S }
    : { figure: "fresh clone: npm ci + npm start to the first page", values: ["not run", "BENCH_FRESH_START=1"], budget: `≤ ${FRESH_BUDGET_S} s`, pass: null },
);
printColumns(`Page weight and first start (${os.cpus().length} cores, ${os.loadavg()[0]!.toFixed(1)} load)`, ["measured", "detail"], rows);
for (const client of weights.browser) {
  for (const w of client.weights) console.log(`${w.route} as ${client.email}: Chromium loaded ${w.files} scripts (${kb(w.gzipBytes)} encoded, ${kb(w.rawBytes)} raw)`);
}
fs.rmSync(workDir, { recursive: true, force: true });
