// `npm start`: build when there is no current build, migrate, seed the demo studio on an
// empty embedded database, then serve. One process holds the PGlite folder at a time: this
// script closes it before Next opens it.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { EnvError, loadEnv, resolveAuthSecret } from "../src/env";
import { DatabaseInUseError, openConfiguredDatabase } from "../src/server/db/client";
import { seedDemo } from "../src/server/seed";

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

async function main() {
  let env;
  try {
    env = loadEnv({ ...process.env, NODE_ENV: isDev ? "development" : "production" });
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }

  if (!isDev && needsBuild()) {
    console.log("Building Stride (first start or sources changed)…");
    const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (build.status !== 0) fail("The build failed; see the output above.");
  }

  const database = await openConfiguredDatabase().catch((error: unknown) => {
    if (error instanceof DatabaseInUseError) fail(error.message);
    throw error;
  });
  try {
    await database.migrate();
    if (env.isDemo && (await seedDemo(database.db))) console.log("Seeded the demo studio. Demo accounts are listed on the sign-in page.");
  } finally {
    await database.close();
  }

  const childEnv = {
    ...process.env,
    AUTH_SECRET: resolveAuthSecret(env),
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
    PORT: String(env.PORT),
  };
  const args = isDev ? ["dev", "-p", String(env.PORT)] : ["start", "-p", String(env.PORT)];
  console.log(`Stride is starting on ${env.appUrl} (${env.DATABASE_URL ? "PostgreSQL" : `embedded database in ${env.dataDir}`})`);
  const child = spawn(nextBin, args, { stdio: "inherit", env: childEnv });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
