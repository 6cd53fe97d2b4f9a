import type { AddressInfo } from "node:net";
import type { IncomingHttpHeaders } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createAppServer, REQUEST_TOO_LARGE_MESSAGE } from "./http-server";
import { parseTrustProxy } from "./security/client-address";
import { STRICT_TRANSPORT_SECURITY } from "./security/headers";

const servers: { close: () => void }[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** A server whose handler answers with the headers it was given (what the app would see). */
async function serve(opts: { trustProxy?: string; isHttps?: boolean } = {}) {
  const server = createAppServer({
    trust: parseTrustProxy(opts.trustProxy),
    isHttps: opts.isHttps ?? false,
    handle: (req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ headers: req.headers, raw: req.rawHeaders }));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push({ close: () => server.close() });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function seen(url: string, headers: Record<string, string>) {
  const response = await fetch(url, { headers });
  return (await response.json()) as { headers: IncomingHttpHeaders; raw: string[] };
}

const FORGED = {
  "x-forwarded-for": "198.51.100.1",
  "x-real-ip": "198.51.100.2",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  "x-forwarded-port": "443",
};

describe("the server in front of Next", () => {
  it("without TRUST_PROXY, hands the app the socket's address and scheme, whatever the client claims", async () => {
    const { headers, raw } = await seen(await serve(), FORGED);
    expect(headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(headers["x-forwarded-proto"]).toBe("http");
    for (const name of ["x-real-ip", "x-forwarded-host", "x-forwarded-port"]) expect(headers[name], name).toBeUndefined();
    expect(raw.join(" ")).not.toMatch(/198\.51\.100|evil\.example/);
  });

  it("with the proxy trusted, takes its address, scheme and host, and ignores what the client wrote before it", async () => {
    const { headers } = await seen(await serve({ trustProxy: "127.0.0.1" }), { ...FORGED, "x-forwarded-for": "6.6.6.6, 198.51.100.7" });
    expect(headers["x-forwarded-for"]).toBe("198.51.100.7");
    expect(headers["x-forwarded-proto"]).toBe("https");
    expect(headers["x-forwarded-host"]).toBe("evil.example");
    expect(headers["x-real-ip"]).toBeUndefined();
  });

  it("a proxy trusted by address is not the one connecting: the socket counts", async () => {
    const { headers } = await seen(await serve({ trustProxy: "10.0.0.0/8" }), FORGED);
    expect(headers["x-forwarded-for"]).toBe("127.0.0.1");
  });

  it("keeps an idle connection open longer than a proxy does, and tells the client how long", async () => {
    // Node's default of 5 s reset requests sent on a connection reused after a short pause.
    const response = await fetch(await serve());
    expect(response.headers.get("keep-alive")).toBe("timeout=65");
  });

  it("puts HSTS on every response of an https deployment, and none on http", async () => {
    const https = await serve({ isHttps: true });
    for (const path of ["/", "/_next/static/chunks/app.js", "/favicon.ico"]) {
      expect((await fetch(`${https}${path}`)).headers.get("strict-transport-security"), path).toBe(STRICT_TRANSPORT_SECURITY);
    }
    expect((await fetch(`${await serve()}/favicon.ico`)).headers.get("strict-transport-security")).toBeNull();
  });

  it("answers a request too large to parse (a 1 MB search) with a readable tRPC-shaped error, not a reset", async () => {
    const url = await serve();
    for (const size of [20_000, 1_000_000]) {
      const input = encodeURIComponent(JSON.stringify({ 0: { json: { search: "x".repeat(size) } } }));
      const response = await fetch(`${url}/api/trpc/client.list?batch=1&input=${input}`);
      expect(response.status, `${size} characters`).toBe(431);
      expect(await response.json()).toEqual({
        error: { json: { message: REQUEST_TOO_LARGE_MESSAGE, code: -32013, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 431 } } },
      });
    }
  });
});
