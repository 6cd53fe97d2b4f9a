// `npm start` (and `npm run dev`): build when there is no current build, migrate, seed the demo
// studio on an empty embedded database, then serve Next.js from this same process through
// Next's custom-server API. One process, so the PGlite folder has one owner: this script
// closes its migration connection before the app opens the database, and closes the app's on
// SIGINT/SIGTERM. The server in front of Next (src/server/http-server.ts) is where the
// client's address is decided from the socket and TRUST_PROXY, which Next itself cannot see.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { EnvError, loadEnv, resolveAuthSecret } from "../src/env";
import { resolveVapidKeys } from "../src/server/push/vapid";
import { closeDatabase, DatabaseInUseError, openConfiguredDatabase } from "../src/server/db/client";
import { createAppServer } from "../src/server/http-server";
import { stopWorker } from "../src/server/jobs/worker";
import { describeTrust } from "../src/server/security/client-address";
import { servesHttps } from "../src/server/security/deployment";
import { seedDemo } from "../src/server/seed";
import { issueSetupCode } from "../src/server/setup/service";

const isDev = process.argv.includes("--dev");
const root = process.cwd();
const nextBin = path.join(root, "node_modules", ".bin", "next");

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

function newestMtime(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

// A build older than the sources (after a pull or an edit) is rebuilt, not served stale.
function needsBuild(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = ["src", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs"].map((p) => newestMtime(path.join(root, p)));
  return Math.max(...sources) > built;
}

/** Listens on the port (and closes again unless `keep`), or ends the process saying why it cannot. */
function listenOnce(port: number, server: http.Server, { keep = false } = {}): Promise<void> {
  return new Promise((resolve) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") fail(`Port ${port} is already in use by another program. Stop it, or set PORT to a free port.`);
      if (error.code === "EACCES") fail(`Port ${port} needs privileges this process does not have. Set PORT to a port above 1023.`);
      fail(`Stride could not listen on port ${port}: ${error.message}`);
    });
    server.listen(port, () => (keep ? resolve() : server.close(() => resolve())));
  });
}

async function main() {
  let env;
  try {
    env = loadEnv({ ...process.env, NODE_ENV: isDev ? "development" : "production" });
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }

  // Before a build and migrations that take a while: a port someone else holds is said at once.
  await listenOnce(env.PORT, new http.Server());

  if (!isDev && needsBuild()) {
    console.log("Building Stride (first start or sources changed)…");
    // No type check in this build (next.config.ts): `npm test` and `npm run build` check types.
    const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production", STRIDE_START_BUILD: "1" } });
    if (build.status !== 0) fail("The build failed; see the output above.");
  }

  const database = await openConfiguredDatabase().catch((error: unknown) => {
    if (error instanceof DatabaseInUseError) fail(error.message);
    throw error;
  });
  let setupCode: string | null = null;
  try {
    await database.migrate();
    if (env.isDemo && (await seedDemo(database.db))) console.log("Seeded the demo studio. Demo accounts are listed on the sign-in page.");
    // A server with no studio yet waits for its owner: the code proves that whoever sets it up
    // can read this log. A fresh one each start; the one printed before stops working.
    setupCode = await issueSetupCode(database.db, new Date());
  } finally {
    await database.close();
  }

  // The app's modules read these (env() is read lazily); React and Next pick their build
  // from NODE_ENV when first loaded, which is below.
  (process.env as Record<string, string>).NODE_ENV = isDev ? "development" : "production";
  process.env.AUTH_SECRET = resolveAuthSecret(env);
  // Generated at first start like the auth secret; the app reads them from the env from here on.
  const vapid = resolveVapidKeys(env);
  process.env.VAPID_PUBLIC_KEY = vapid.publicKey;
  process.env.VAPID_PRIVATE_KEY = vapid.privateKey;
  process.env.AUTH_TRUST_HOST ??= "true";
  process.env.PORT = String(env.PORT);
  const { default: next } = await import("next");
  // STRIDE_TRPC_ON_NODE=1: /api/trpc on tRPC's own Node adapter (src/server/api/node-handler.ts),
  // since Next's route-handler machinery cost as much as the bare request on the hottest path.
  // Opt-in until it is measured at half the bare stack with the e2e stories green on it (issue
  // 21); never in development, where Next's route reloads the routers on every edit.
  const trpcOnNode = !isDev && process.env.STRIDE_TRPC_ON_NODE === "1";
  const trpc = trpcOnNode ? await import("../src/server/api/node-handler") : null;

  let handle: ReturnType<ReturnType<typeof next>["getRequestHandler"]> | undefined;
  const server = createAppServer({
    trust: env.TRUST_PROXY,
    isHttps: servesHttps(env),
    handle: (req, res) => (trpc?.isTrpcRequest(req.url) ? trpc.handleTrpcOnNode(req, res) : handle!(req, res)),
    onError: (error) => console.error(error),
  });
  const app = next({ dev: isDev, dir: root, port: env.PORT, httpServer: server });
  const storage = env.DATABASE_URL ? "PostgreSQL" : `embedded database in ${env.dataDir}`;
  console.log(`Stride is starting on ${env.appUrl} (${isDev ? "development" : "production"}, ${storage}${trpcOnNode ? ", /api/trpc on Node" : ""})`);
  await app.prepare();
  handle = app.getRequestHandler();

  await listenOnce(env.PORT, server, { keep: true });
  console.log(`Stride is ready on ${env.appUrl} (listening on port ${env.PORT}; ${describeTrust(env.TRUST_PROXY)})`);
  // Last, where whoever started the server reads it.
  if (setupCode) console.log(`Set-up code: ${setupCode} (open ${env.appUrl}/setup to set up your studio)`);

  // A clean stop: no new connections, in-flight requests finish (5 s at most), the
  // background worker stops, then the database closes, so PGlite's folder is released.
  let isStopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (isStopping) process.exit(1);
    isStopping = true;
    console.log(`Stride is stopping (${signal})…`);
    // Whatever hangs (a stream that never ends, a query that never returns), the process ends;
    // the lock file goes with it (the exit handler) and PGlite's folder survives a hard stop.
    setTimeout(() => {
      console.error("Stride did not stop within 15 s; exiting anyway.");
      process.exit(1);
    }, 15_000).unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const grace = setTimeout(() => server.closeAllConnections(), 5_000);
    await closed;
    clearTimeout(grace);
    stopWorker();
    await app.close().catch(() => {});
    await closeDatabase().catch((error: unknown) => console.error(error));
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(signal));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
