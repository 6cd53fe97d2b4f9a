// The bare stack Stride's write is measured against: node:http + `postgres` with Stride's pool
// size, replaying the statements of one `session.log` (captured by bare-write-capture.ts) in one
// transaction, with a fresh session id each time. It reads the same tRPC batch body Stride
// reads (and parses it as JSON) but validates nothing: no Next, no Auth.js, no tRPC, no zod.
// What is left is the database work of one session. A process of its own, as Stride is.
import { randomUUID } from "node:crypto";
import http from "node:http";
import postgres from "postgres";
import type { WriteScript } from "./bare-write-capture";
import { childOptions, isEntryPoint, startChildServer } from "./child-server";

type Options = { port: number; url: string; poolSize: number; scripts: WriteScript[] };

/** Starts the bare write server in a child process and resolves once it listens. */
export function startBareWriteServer(options: Options) {
  // Any answer means it listens; an unnamed user is refused without touching the database.
  return startChildServer(import.meta.url, options, "the bare write server", async (url) => Boolean(await fetch(`${url}/`)));
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
if (isEntryPoint(import.meta.url)) {
  serve(childOptions<Options>());
}
