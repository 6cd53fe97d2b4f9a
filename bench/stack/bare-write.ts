// The bare stack Stride's write is measured against: node:http + `postgres` with Stride's pool
// size, replaying the statements of one `session.log` (captured by bare-write-capture.ts) in one
// transaction, with a fresh session id each time. It reads the same tRPC batch body Stride
// reads (and parses it as JSON) but validates nothing: no Next, no Auth.js, no tRPC, no zod.
// What is left is the database work of one session. A process of its own, as Stride is.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import type { WriteScript } from "./bare-write-capture";

type Options = { port: number; url: string; poolSize: number; scripts: WriteScript[] };

/** Starts the bare write server in a child process and resolves once it listens. */
export async function startBareWriteServer(options: Options) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-bare-write-"));
  const config = path.join(dir, "config.json");
  fs.writeFileSync(config, JSON.stringify(options));
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), config], { stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error("the bare write server exited before it served");
    try {
      // Any answer means it listens; an unnamed user is refused without touching the database.
      await fetch(`${url}/`);
      break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error("the bare write server did not answer within a minute");
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
  const sql = postgres(options.url, { max: options.poolSize, onnotice: () => {}, connection: { jit: "off" } });
  const server = http.createServer((req, res) => {
    const index = Number(/bench-user=(\d+)/.exec(req.headers.cookie ?? "")?.[1] ?? NaN);
    const script = options.scripts[index];
    if (!script) {
      res.writeHead(401).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        JSON.parse(Buffer.concat(chunks).toString("utf8") || "null");
        const id = randomUUID();
        const results = await sql.begin(async (tx) => {
          const out: unknown[] = [];
          for (const s of script.statements) {
            const params = s.params.map((p) => (p === script.sessionIdPlaceholder ? id : p));
            out.push(await tx.unsafe(s.query, params as never[], { prepare: true }));
          }
          return out;
        });
        const body = JSON.stringify({ id, statements: results.length });
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
      })().catch((error: unknown) => {
        console.error("bare write:", error);
        res.writeHead(500).end();
      });
    });
  });
  server.listen(options.port, "127.0.0.1");
  process.on("SIGTERM", () => {
    server.close();
    void sql.end({ timeout: 5 }).then(() => process.exit(0));
  });
}

// Run as the child: `node --import tsx bare-write.ts <config.json>`.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  serve(JSON.parse(fs.readFileSync(process.argv[2]!, "utf8")) as Options);
}
