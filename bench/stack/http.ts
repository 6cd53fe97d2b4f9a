// Talking to Stride over HTTP as a browser does: Auth.js's credentials sign-in (CSRF token +
// cookies) and tRPC's batch wire format with superjson, the format `httpBatchLink` sends.
import superjson from "superjson";

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** Signs in with the "password" provider and returns the Cookie header of the session. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${baseUrl}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/` }),
  });
  const session = cookiesOf(res).find((c) => c.includes("session-token="));
  if (!session) throw new Error(`Sign-in as ${email} failed (HTTP ${res.status}, ${res.headers.get("location")})`);
  return session;
}

/** Path and query of a batched tRPC GET of these queries (inputs as the client serialises them). */
export function batchQueryPath(calls: { path: string; input?: unknown }[]): string {
  const input = Object.fromEntries(calls.map((c, i) => [i, superjson.serialize(c.input)]));
  return `/api/trpc/${calls.map((c) => c.path).join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
}

/** A batched tRPC mutation: path and JSON body. */
export function batchMutation(path: string, input: unknown): { path: string; body: string } {
  return { path: `/api/trpc/${path}?batch=1`, body: JSON.stringify({ 0: superjson.serialize(input) }) };
}

/** Throws with the server's message when any call of a batch failed. */
export async function expectOk(res: Response, what: string): Promise<void> {
  const text = await res.text();
  if (!res.ok || text.includes('"error"')) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 400)}`);
}
