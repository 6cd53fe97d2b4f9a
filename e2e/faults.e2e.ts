// Faults (issue 10): the server is killed with SIGKILL in the middle of a burst of session logs
// and bookings, restarted on the same data, and every write it acknowledged must be there,
// whole: no session without its entries, no credit booking without its ledger row, no ledger
// spend without its booking. On PGlite the folder must open again after the hard stop (the
// dead process's lock file taken over); on PostgreSQL on a database of its own.
//
// Each case runs its own `npm start` (tsx scripts/start.ts) on a free port and its own data, so it
// shares nothing with the other stories. It signs in as dana@stride.test, a client with the
// runner's foundation drills and 4 credits in the demo seed, in that private database.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import postgres from "postgres";
import superjson from "superjson";
import { signIn } from "./fixtures";
import { AppServer } from "./fixtures/app-server";

const root = process.cwd();
const CLIENT = "dana@stride.test";
const ENTRIES_PER_SESSION = 4;

test.describe.configure({ mode: "serial" });

test("PGlite: a hard kill mid-burst loses no acknowledged write and leaves no half-written one", async ({ browser }) => {
  test.setTimeout(180_000);
  const dataDir = path.join(root, ".data", "faults-pglite");
  fs.rmSync(dataDir, { recursive: true, force: true });
  const server = await AppServer.onFreePort({ STRIDE_DATA_DIR: dataDir, DATABASE_URL: "" });
  try {
    const outcome = await burstAndKill(browser, server);
    // The killed process never released its lock: the restart must take it over, not refuse.
    const lockFile = path.join(dataDir, "pglite", "stride.lock");
    expect(fs.existsSync(lockFile), "the killed server's lock file is still there").toBe(true);
    expect(isRunning(Number(fs.readFileSync(lockFile, "utf8"))), "the lock's owner is dead").toBe(false);
    await timedRestart(server);
    await checkThroughTheApp(outcome);
    // The folder is read directly once the server has stopped (one process per folder).
    await server.stop();
    const db = await PGlite.create(path.join(dataDir, "pglite"), { extensions: { btree_gist } });
    try {
      await checkIntegrity(async (text, params) => (await db.query(text, params)).rows as Record<string, unknown>[], outcome);
    } finally {
      await db.close();
    }
    await outcome.context.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  } finally {
    await server.stop();
  }
});

test("PostgreSQL: a hard kill mid-burst loses no acknowledged write and leaves no half-written one", async ({ browser }) => {
  // playwright.config.ts always provides the server (scripts/ensure-postgres.sh).
  const adminUrl = process.env.TEST_PG_ADMIN_URL!;
  test.setTimeout(180_000);
  const name = `stride_faults_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataDir = path.join(root, ".data", "faults-postgres");
  const server = await AppServer.onFreePort({
    DATABASE_URL: url.toString(),
    STRIDE_DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString("base64"),
  });
  const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  try {
    const outcome = await burstAndKill(browser, server);
    await timedRestart(server);
    await checkThroughTheApp(outcome);
    await checkIntegrity(async (text, params) => (await sql.unsafe(text, params as never[])) as unknown as Record<string, unknown>[], outcome);
    await outcome.context.close();
  } finally {
    await server.stop();
    await sql.end();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------

type Op = { kind: "session"; id: string; input: unknown } | { kind: "booking"; priced: "credits" | "money"; input: { sessionTypeId: string; start: Date } };
type Outcome = {
  context: Awaited<ReturnType<Browser["newContext"]>>;
  api: APIRequestContext;
  server: AppServer;
  clientId: string;
  sentSessionIds: string[];
  ackedSessionIds: string[];
  ackedBookingIds: string[];
  inFlightAtKill: number;
};

async function burstAndKill(browser: Browser, server: AppServer): Promise<Outcome> {
  const started = Date.now();
  await server.start();
  console.log(`[faults] ${test.info().title.split(":")[0]}: first start (migrate, seed the demo, serve) took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await signIn(page, CLIENT);
  await expect(page).toHaveURL(/\/portal/);
  await page.close();
  const api = context.request;

  const me = await trpcQuery<{ id: string }>(api, "portal.me");
  const ops = await planBurst(api);
  const ackedSessionIds: string[] = [];
  const ackedBookingIds: string[] = [];
  let inFlight = 0;
  let inFlightAtKill = -1;
  let killed: Promise<void> | null = null;
  // Kill once a good part of the burst is acknowledged, with requests still on the wire.
  const killAfter = 15;
  const queue = [...ops];
  const worker = async () => {
    for (let op = queue.shift(); op; op = queue.shift()) {
      if (killed) return;
      inFlight++;
      const result = await trpcMutation(api, op.kind === "session" ? "session.log" : "portalBooking.book", op.kind === "session" ? op.input : op.input).catch(() => null);
      inFlight--;
      if (result?.ok) {
        if (op.kind === "session") ackedSessionIds.push(op.id);
        else ackedBookingIds.push((result.data as { id: string }).id);
      }
      if (!killed && ackedSessionIds.length + ackedBookingIds.length >= killAfter) {
        inFlightAtKill = inFlight;
        killed = server.kill();
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  if (!killed) throw new Error("The burst ended before the server was killed; raise the number of operations.");
  await killed;
  expect(inFlightAtKill, "requests were still in flight when the server was killed").toBeGreaterThan(0);
  expect(ackedBookingIds.length, "some bookings were acknowledged before the kill").toBeGreaterThan(0);
  const description = `${ackedSessionIds.length} sessions and ${ackedBookingIds.length} bookings acknowledged of ${ops.length}; ${inFlightAtKill} in flight at the kill`;
  test.info().annotations.push({ type: "burst", description });
  console.log(`[faults] ${test.info().title.split(":")[0]}: ${description}`);
  return {
    context,
    api,
    server,
    clientId: me.id,
    sentSessionIds: ops.flatMap((op) => (op.kind === "session" ? [op.id] : [])),
    ackedSessionIds,
    ackedBookingIds,
    inFlightAtKill,
  };
}

// Sessions of the client's own drills (two per side) and bookings of distinct open times: a
// credit-priced type (a ledger spend in the booking's transaction) and a money-priced one.
async function planBurst(api: APIRequestContext): Promise<Op[]> {
  const today = await trpcQuery<{ drills: { drill: { id: string; measure: string; perSide: boolean }; lock: { isUnlocked: boolean } }[] }>(api, "portal.today");
  const loggable = today.drills.filter((d) => d.lock.isUnlocked && d.drill.perSide && (d.drill.measure === "reps" || d.drill.measure === "hold_seconds"));
  expect(loggable.length, "the client has two per-side drills to log").toBeGreaterThanOrEqual(2);
  const sessions: Op[] = Array.from({ length: 60 }, (_, i) => {
    const id = randomUUID();
    const entries = loggable.slice(0, 2).flatMap(({ drill }) =>
      (["left", "right"] as const).map((side) => ({ drillId: drill.id, setNumber: 1, side, value: drill.measure === "reps" ? 16 : 31.5 })),
    );
    return { kind: "session", id, input: { id, performedAt: new Date(Date.now() - (i + 1) * 60_000), context: "standalone", effort: 6, hasPain: false, entries } };
  });

  const types = await trpcQuery<{ id: string; priceKind: string; priceCredits: number | null }[]>(api, "portalBooking.sessionTypes");
  const bookings: Op[] = [];
  for (const priced of ["credits", "money"] as const) {
    const type = types.find((t) => t.priceKind === priced);
    if (!type) throw new Error(`The demo has no ${priced}-priced session type`);
    const { days } = await trpcQuery<{ days: { slots: { start: Date; end: Date }[] }[] }>(api, "portalBooking.slots", { sessionTypeId: type.id, days: 28 });
    // Three days ahead at least, so every booking also queues its reminder.
    const starts = days.flatMap((d) => d.slots).filter((s) => s.start.getTime() > Date.now() + 3 * 86_400_000);
    // Apart from each other, so no two of the burst's own bookings overlap.
    const picked = starts.filter((_, i) => i % 3 === 0).slice(0, 10);
    expect(picked.length, `open ${priced} times to book`).toBeGreaterThan(4);
    for (const slot of picked) bookings.push({ kind: "booking", priced, input: { sessionTypeId: type.id, start: slot.start } });
  }
  // Interleaved: bookings and sessions race each other for the database.
  const ops: Op[] = [];
  while (sessions.length || bookings.length) {
    ops.push(...sessions.splice(0, 3));
    const next = bookings.shift();
    if (next) ops.push(next);
  }
  return ops;
}

async function timedRestart(server: AppServer) {
  const started = Date.now();
  await server.start();
  console.log(`[faults] ${test.info().title.split(":")[0]}: healthy again ${((Date.now() - started) / 1000).toFixed(1)} s after the restart began`);
}

async function checkThroughTheApp(outcome: Outcome) {
  const { api, server } = outcome;
  // The session cookie signed before the kill still works: sessions are JWTs, nothing was in memory.
  const history = await trpcQuery<{ sessions?: { id: string }[] } | { id: string }[]>(api, "session.history");
  const shown = JSON.stringify(history);
  for (const id of outcome.ackedSessionIds) expect(shown, `acknowledged session ${id} is in the history`).toContain(id);
  const bookings = await trpcQuery<{ upcoming: { id: string }[] }>(api, "portalBooking.list");
  const upcoming = new Set(bookings.upcoming.map((b) => b.id));
  for (const id of outcome.ackedBookingIds) expect(upcoming.has(id), `acknowledged booking ${id} is listed`).toBe(true);

  // Logs: the restarted server answers with the request id it was given and logs the request
  // as one JSON line carrying that id.
  const requestId = `fault-${randomUUID()}`;
  const response = await api.get("/api/trpc/session.history", { headers: { "x-request-id": requestId } });
  expect(response.status()).toBe(200);
  expect(response.headers()["x-request-id"]).toBe(requestId);
  await expect.poll(() => server.logLines().find((l) => l.requestId === requestId), { timeout: 5_000 }).toMatchObject({ path: "/api/trpc/session.history", status: 200, msg: "request" });
}

type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

async function checkIntegrity(query: Query, outcome: Outcome) {
  // Every session sent is either absent (never acknowledged) or whole.
  const stored = await query(
    `select s.id::text as id, count(e.id)::int as entries from practice_sessions s left join practice_entries e on e.session_id = s.id where s.id::text = any($1::text[]) group by s.id`,
    [outcome.sentSessionIds],
  );
  const entriesBySession = new Map(stored.map((r) => [r.id as string, r.entries as number]));
  for (const id of outcome.ackedSessionIds) expect(entriesBySession.has(id), `acknowledged session ${id} is stored`).toBe(true);
  for (const [id, entries] of entriesBySession) expect(entries, `session ${id} has all its entries`).toBe(ENTRIES_PER_SESSION);
  const [orphans] = await query(`select count(*)::int as n from practice_sessions s where not exists (select 1 from practice_entries e where e.session_id = s.id)`);
  expect(orphans?.n, "no session anywhere without entries").toBe(0);

  // Every booking of the client is whole: its credit spent (credit-priced), its confirmation
  // email and its reminder queued, all in the booking's transaction.
  const bookings = await query(
    `select b.id::text as id, b.price_kind as "priceKind",
       (select count(*)::int from credit_ledger l where l.source_ref = b.id::text and l.kind = 'spend') as spends,
       (select count(*)::int from jobs j where j.key like 'booking-reminder:' || b.id::text || ':%') as reminders
     from bookings b where b.client_id = $1::uuid`,
    [outcome.clientId],
  );
  const byId = new Map(bookings.map((b) => [b.id as string, b]));
  for (const id of outcome.ackedBookingIds) expect(byId.has(id), `acknowledged booking ${id} is stored`).toBe(true);
  for (const b of bookings) {
    expect(b.spends, `booking ${b.id as string} spent exactly its credit`).toBe(b.priceKind === "credits" ? 1 : 0);
    expect(b.reminders, `booking ${b.id as string} has its reminder`).toBe(1);
  }
  const [emails] = await query(
    `select count(*)::int as n from outbox o join clients c on c.email = o.to_email where c.id = $1::uuid and o.kind = 'booking_confirmed'`,
    [outcome.clientId],
  );
  expect(emails?.n, "one confirmation email per booking").toBe(bookings.length);
  const [strays] = await query(
    `select count(*)::int as n from credit_ledger l where l.kind = 'spend' and l.source_ref is not null and not exists (select 1 from bookings b where b.id::text = l.source_ref)`,
  );
  expect(strays?.n, "no credit spent for a booking that does not exist").toBe(0);
  const [balance] = await query(`select coalesce(sum(delta), 0)::int as n from credit_ledger where client_id = $1::uuid`, [outcome.clientId]);
  expect(balance?.n as number, "the credit balance never goes below zero").toBeGreaterThanOrEqual(0);
}

// --- tRPC over HTTP, as the browser's client sends it (superjson) ----------------------------

type TrpcResult = { ok: true; data: unknown } | { ok: false; status: number; message: string };

async function trpcMutation(api: APIRequestContext, procedure: string, input: unknown): Promise<TrpcResult> {
  const response = await api.post(`/api/trpc/${procedure}`, { data: superjson.serialize(input), timeout: 30_000 });
  return readTrpc(response);
}

async function trpcQuery<T>(api: APIRequestContext, procedure: string, input?: unknown): Promise<T> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
  const result = await readTrpc(await api.get(`/api/trpc/${procedure}${query}`));
  if (!result.ok) throw new Error(`${procedure} answered ${result.status}: ${result.message}`);
  return result.data as T;
}

async function readTrpc(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<TrpcResult> {
  const body = (await response.json()) as { result?: { data: Parameters<typeof superjson.deserialize>[0] }; error?: { json?: { message: string } } };
  if (response.ok() && body.result) return { ok: true, data: superjson.deserialize(body.result.data) };
  return { ok: false, status: response.status(), message: body.error?.json?.message ?? "" };
}

// --- the server under test ----------------------------------------------------------------

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
