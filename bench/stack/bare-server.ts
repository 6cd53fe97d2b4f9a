// The bare stack Stride is measured against: node:http + `postgres` with Stride's pool size,
// running the same statements as Stride's "today" read (captured by capture.ts) and answering
// JSON. No Next, no Auth.js, no tRPC: what is left is the cost of the database work itself.
// It runs in a process of its own, as Stride does, so it does not share an event loop with
// the load generator.
import http from "node:http";
import postgres from "postgres";
import type { Statement } from "./capture";
import { childOptions, isEntryPoint, startChildServer } from "./child-server";

type Options = { port: number; url: string; poolSize: number; scripts: Statement[][] };

/** Starts the bare server in a child process and resolves once it answers. */
export function startBareServer(options: Options) {
  return startChildServer(import.meta.url, options, "the bare server", async (url) => (await fetch(`${url}/`, { headers: { cookie: "bench-user=0" } })).ok);
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
if (isEntryPoint(import.meta.url)) {
  serve(childOptions<Options>());
}
