import { createRequire } from "node:module";
import net from "node:net";
import { freePort } from "../e2e/fixtures/app-server";

// The local push service stand-in (web-push-testing) on a free port, in this process: the app
// sends to it through web-push exactly as to a browser vendor's push service, and the test
// reads what arrived. No call leaves the machine.

type PushServer = { startServer(): void; _server?: net.Server };
const require = createRequire(import.meta.url);

export type PushService = {
  url: string;
  /** A subscription as a browser would get it for the app's VAPID key (endpoint, keys, and the service's clientHash). */
  subscribe(applicationServerKey: string): Promise<{ endpoint: string; keys: { p256dh: string; auth: string }; clientHash: string }>;
  /** What reached the subscription (decrypted payloads, as the service stores them). */
  received(clientHash: string): Promise<unknown[]>;
  /** The browser unsubscribed: the service answers 410 from now on. */
  expire(clientHash: string): Promise<void>;
  close(): Promise<void>;
};

export async function startPushService(): Promise<PushService> {
  const Server = require("web-push-testing/src/server.js") as new (model: unknown, port: number) => PushServer;
  const { PushApiModel } = require("web-push-testing/src/PushApiModel.js") as { PushApiModel: new () => unknown };
  const port = await freePort();
  const server = new Server(new PushApiModel(), port);
  // Its "Server running" line is printed once it listens: quiet until then.
  const log = console.log;
  console.log = () => {};
  const url = `http://localhost:${port}`;
  try {
    server.startServer();
    await waitFor(async () => (await fetch(`${url}/status`, { method: "POST" })).ok);
  } finally {
    console.log = log;
  }
  const post = async (path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`push service ${path}: ${res.status} ${await res.text()}`);
    return res.headers.get("content-type")?.includes("json") ? ((await res.json()) as { data: unknown }) : { data: null };
  };
  return {
    url,
    async subscribe(applicationServerKey) {
      const { data } = await post("/subscribe", { userVisibleOnly: "true", applicationServerKey });
      return data as { endpoint: string; keys: { p256dh: string; auth: string }; clientHash: string };
    },
    async received(clientHash) {
      const { data } = await post("/get-notifications", { clientHash });
      return (data as { messages: unknown[] }).messages;
    },
    async expire(clientHash) {
      await post(`/expire-subscription/${clientHash}`);
    },
    close: () => new Promise<void>((resolve) => (server._server ? server._server.close(() => resolve()) : resolve())),
  };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error("The push service stand-in did not start.");
    await new Promise((r) => setTimeout(r, 50));
  }
}
