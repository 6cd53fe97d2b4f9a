// The SQL behind one client's "today" read, exactly as Stride sends it: the viewer lookup
// that also checks the session (src/server/auth/session-reader.ts), then todayFor. Captured
// through drizzle's logger so the bare server replays the very same statements and values.
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { startDeviceSession } from "../../src/server/auth/device-sessions";
import { loadViewer } from "../../src/server/auth/viewer";
import type { Db } from "../../src/server/db/client";
import * as schema from "../../src/server/db/schema";
import { todayFor } from "../../src/server/drills/assignments";

export type Statement = { query: string; params: unknown[] };

export async function captureTodaySql(url: string, users: { userId: string; sessionVersion: number }[], now: Date): Promise<Statement[][]> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  let log: Statement[] = [];
  const db = drizzle({ client, schema, casing: "snake_case", logger: { logQuery: (query, params) => log.push({ query, params }) } }) as unknown as Db;
  const scripts: Statement[][] = [];
  try {
    for (const user of users) {
      // A signed-in device of its own, as a sign-in over HTTP makes one.
      const sid = await startDeviceSession(db, { userId: user.userId, userAgent: "bench", ip: null, now });
      const read = async () => {
        log = [];
        const viewer = await loadViewer(db, user.userId, { sv: user.sessionVersion, sid });
        if (viewer?.kind !== "client") throw new Error("bench user is not a client");
        await todayFor(db, viewer.studioId, viewer.clientId, now, viewer.timeZone);
        return log;
      };
      // The first read of a day may write the mastery memo; Stride's steady state is the second,
      // and replaying a write on every request would slow the bare server unfairly.
      await read();
      scripts.push(await read());
    }
  } finally {
    await client.end();
  }
  return scripts;
}
