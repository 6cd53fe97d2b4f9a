// The HTML of the owner's two long lists (issue 21): the client list (/dashboard/clients, the
// same screen as /dashboard) and the studio overview (/dashboard/overview), on
// bench/seed/studio.ts's studio (10 trainers, 500 clients, two years of logging) in a fresh
// PostgreSQL database, served by the production build on a free port, signed in as the owner.
// Both pages page on the server, so each sends one page of rows; the figure is the bytes of the
// HTML document as served (React's payload for the page included), beside ≤ 150 KB.
//   npm run bench pages
// Builds nothing itself: it needs a current production build (`npx next build --webpack`, or
// `npm run build`), and says so rather than serving a stale one.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { sql } from "drizzle-orm";
import { hashPassword } from "../src/server/auth/password";
import { openPostgres } from "../src/server/db/client";
import { rowsOf } from "../src/server/db/raw-rows";
import { createPgDatabase } from "../test/pg-database";
import { printColumns, type ColumnsRow } from "./lib";
import { seed } from "./seed/studio";
import { signIn } from "./stack/http";
import { startStride } from "./stack/stride-server";
import { freePort } from "../e2e/fixtures/app-server";

const ROOT = process.cwd();
const KB = 1024;
const BUDGET_KB = 150;
const PASSWORD = "bench-password";
const ROUTES = ["/dashboard/clients", "/dashboard/overview"];

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-bench-pages-"));
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

/** The build `npm start` would serve, or why there is none: the bench never builds (minutes, and a Turbopack build fails in a worktree). */
function assertCurrentBuild() {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) throw new Error("No production build: run `npx next build --webpack` (or `npm run build`) first.");
  if (newestMtime(path.join(ROOT, "src")) > fs.statSync(buildId).mtimeMs) throw new Error("The production build is older than src/: rebuild it (`npx next build --webpack`) first.");
}


type Fetched = { route: string; bytes: number; gzipBytes: number; showing: string; nextHref: string | null };

async function fetchPage(baseUrl: string, cookie: string, route: string): Promise<Fetched> {
  const res = await fetch(`${baseUrl}${route}`, { headers: { cookie }, redirect: "manual" });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`${route}: HTTP ${res.status} (signed out, or an error page)`);
  const next = /<a[^>]*rel="next"[^>]*>/.exec(html)?.[0];
  const nextHref = next ? (/href="([^"]+)"/.exec(next)?.[1] ?? null)?.replace(/&amp;/g, "&") ?? null : null;
  const showing = /Showing [^<]+/.exec(html)?.[0] ?? "(no showing text)";
  return { route, bytes: Buffer.byteLength(html), gzipBytes: zlib.gzipSync(html).length, showing, nextHref };
}

async function main() {
  assertCurrentBuild();
  const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? process.env.TEST_PG_ADMIN_URL ?? execFileSync("bash", ["scripts/ensure-postgres.sh"], { encoding: "utf8" }).trim();
  const fresh = await createPgDatabase(adminUrl, "stride_bench_pages");
  const database = openPostgres(fresh.url, { max: 4 });
  try {
    await database.migrate();
    const started = performance.now();
    const { studioId, counts } = await seed(database.db);
    log(`seeded 500 clients, ${counts.entries} entries, ${counts.runs} runs in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const [owner] = await rowsOf<{ email: string; user_id: string }>(
      database.db,
      sql`select u.email, u.id::text as user_id from studio_members m join users u on u.id = m.user_id where m.studio_id = ${studioId}::uuid and m.role = 'owner'`,
    );
    await database.db.execute(sql`update users set password_hash = ${await hashPassword(PASSWORD)} where id = ${owner!.user_id}::uuid`);
    const port = await freePort();
    log(`starting the production build on port ${port}`);
    const stride = await startStride({ port, databaseUrl: fresh.url, dataDir: path.join(workDir, "data"), logFile: path.join(workDir, "stride.log") });
    try {
      const cookie = await signIn(stride.url, owner!.email, PASSWORD);
      const rows: ColumnsRow[] = [];
      for (const route of ROUTES) {
        const first = await fetchPage(stride.url, cookie, route);
        rows.push({ figure: `${route} HTML, owner, first page`, values: [kb(first.bytes), kb(first.gzipBytes), first.showing], budget: `≤ ${BUDGET_KB} KB`, pass: first.bytes <= BUDGET_KB * KB });
        if (first.nextHref) {
          const second = await fetchPage(stride.url, cookie, first.nextHref);
          rows.push({ figure: `  the next page (from its Next link)`, values: [kb(second.bytes), kb(second.gzipBytes), second.showing], budget: `≤ ${BUDGET_KB} KB`, pass: second.bytes <= BUDGET_KB * KB });
        }
      }
      printColumns(`Long lists at 500 clients, as the owner (PostgreSQL; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")})`, ["HTML", "gzip", "page"], rows);
    } finally {
      await stride.stop();
    }
  } finally {
    await database.close();
    await fresh.drop();
  }
}

try {
  await main();
} catch (error) {
  console.error(error, `\nlogs in ${workDir}`);
  process.exit(1);
}
