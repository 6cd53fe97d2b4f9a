import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

type RouteModule = Record<string, unknown>;

/**
 * A route module's handlers (GET, POST, PATCH…) behind a plain Node server on a free port, as
 * Next would call them: a client such as tus-js-client talks real HTTP to it. Returns the
 * server and the address `path` answers on.
 */
export async function serveRoute(route: RouteModule, path: string): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(async (req, res) => {
    const method = req.method ?? "GET";
    const handler = route[method] as ((r: Request) => Promise<Response>) | undefined;
    if (!handler) return void res.writeHead(405).end();
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const hasBody = method !== "GET" && method !== "HEAD";
    const request = new Request(`http://${req.headers.host}${req.url}`, { method, headers, body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined, duplex: "half" } as RequestInit);
    const response = await handler(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body && method !== "HEAD") for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}` };
}
