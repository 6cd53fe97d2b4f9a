// The bare stack Stride is measured against: node:http + `postgres` with Stride's pool size,
// running the same statements as Stride's "today" read (captured by capture.ts) and answering
// JSON. No Next, no Auth.js, no tRPC: what is left is the cost of the database work itself.
// It runs in a process of its own, as Stride does, so it does not share an event loop with
// the load generator.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import type { Statement } from "./capture";

type Options = { port: number; url: string; poolSize: number; scripts: Statement[][] };

/** Starts the bare server in a child process and resolves once it answers. */
export async function startBareServer(options: Options) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-bare-"));
  const config = path.join(dir, "config.json");
  fs.writeFileSync(config, JSON.stringify(options));
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), config], { stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error("the bare server exited before it served");
    try {
      if ((await fetch(`${url}/`, { headers: { cookie: "bench-user=0" } })).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error("the bare server did not answer within a minute");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function serve(options: Options) {
  const sql = postgres(options.url, { max: options.poolSize, onnotice: () => {} });
  const server = http.createServer((req, res) => {
    // The user is named by a cookie, as Stride's are; no verification (that is Stride's extra work).
    const index = Number(/bench-user=(\d+)/.exec(req.headers.cookie ?? "")?.[1] ?? NaN);
    const script = options.scripts[index];
    if (!script) {
      res.writeHead(401).end();
      return;
    }
    void (async () => {
      const results: unknown[] = [];
      for (const s of script) results.push(await sql.unsafe(s.query, s.params as never[]));
      const body = JSON.stringify(results);
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
    })().catch(() => res.writeHead(500).end());
  });
  server.listen(options.port, "127.0.0.1");
  process.on("SIGTERM", () => {
    server.close();
    void sql.end({ timeout: 5 }).then(() => process.exit(0));
  });
}

// Run as the child: `node --import tsx bare-server.ts <config.json>`.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  serve(JSON.parse(fs.readFileSync(process.argv[2]!, "utf8")) as Options);
}
