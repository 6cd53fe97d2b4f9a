// Starts Stride's production server the way a user does (`npm start` → scripts/start.ts: build
// if stale, migrate, `next start`) on a given database, and stops it with its whole process group.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type StrideServer = { url: string; stop: () => Promise<void> };

export async function startStride(options: { port: number; databaseUrl?: string; dataDir: string; logFile: string; extraEnv?: Record<string, string> }): Promise<StrideServer> {
  // The bench's own DATABASE_URL must not leak into the server's.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "DATABASE_URL"));
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: "production",
    PORT: String(options.port),
    STRIDE_DATA_DIR: options.dataDir,
    // The bench studio is the only data: no demo seed, no outbox shortcuts.
    STRIDE_DEMO: "0",
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123456789",
    AUTH_TRUST_HOST: "true",
    APP_URL: `http://127.0.0.1:${options.port}`,
    ...options.extraEnv,
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const log = fs.openSync(options.logFile, "a");
  const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "start.ts")], { env, stdio: ["ignore", log, log], detached: true });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let isDone = false;
  void exited.then(() => (isDone = true));
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (isDone || !child.pid) return;
    process.kill(-child.pid, "SIGTERM");
    const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
    if (!killed) process.kill(-child.pid, "SIGKILL");
    await exited;
  };
  // A first start may build (minutes on a busy 2-core machine), so the wait is long.
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (isDone) throw new Error(`Stride exited before it served; see ${options.logFile}`);
    try {
      const res = await fetch(`${url}/api/auth/csrf`);
      if (res.ok) return { url, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  await stop();
  throw new Error(`Stride did not answer within 15 minutes; see ${options.logFile}`);
}
