// The bare stack Stride is measured against: node:http + `postgres` with Stride's pool size,
// running the same statements as Stride's "today" read (captured by capture.ts) and answering
// JSON. No Next, no Auth.js, no tRPC: what is left is the cost of the database work itself.
import http from "node:http";
import postgres from "postgres";
import type { Statement } from "./capture";

export async function startBareServer(options: { port: number; url: string; poolSize: number; scripts: Statement[][] }) {
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
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${options.port}`,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sql.end({ timeout: 5 });
    },
  };
}
