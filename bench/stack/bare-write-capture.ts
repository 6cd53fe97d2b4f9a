// The SQL behind one client's `session.log`, exactly as Stride sends it: the viewer lookup that
// also checks the session (src/server/auth/session-reader.ts), then logSession with the zone the
// viewer gave. Captured through drizzle's logger, as capture.ts does for the read, so the bare
// write server replays the very same statements and values. The session's id is a placeholder
// the replay swaps for a fresh one: a replayed id would write nothing (ON CONFLICT DO NOTHING).
import { randomUUID } from "node:crypto";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { startDeviceSession } from "../../src/server/auth/device-sessions";
import { loadViewer } from "../../src/server/auth/viewer";
import type { Db } from "../../src/server/db/client";
import * as schema from "../../src/server/db/schema";
import { logSession } from "../../src/server/training/service";
import type { Statement } from "./capture";
import { sessionInput } from "./write-load";

export type WriteScript = { sessionIdPlaceholder: string; statements: Statement[] };

export async function captureSessionLogSql(url: string, users: { userId: string; sessionVersion: number }[], kneeDriveId: string, now: Date): Promise<WriteScript[]> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  let log: Statement[] = [];
  const db = drizzle({ client, schema, casing: "snake_case", logger: { logQuery: (query, params) => log.push({ query, params }) } }) as unknown as Db;
  const scripts: WriteScript[] = [];
  try {
    for (const user of users) {
      const sid = await startDeviceSession(db, { userId: user.userId, userAgent: "bench", ip: null, now });
      const write = async () => {
        const id = randomUUID();
        log = [];
        const viewer = await loadViewer(db, user.userId, { sv: user.sessionVersion, sid });
        if (viewer?.kind !== "client") throw new Error("bench user is not a client");
        await logSession(db, viewer.studioId, viewer.clientId, sessionInput(kneeDriveId, id), now, { timeZone: viewer.timeZone });
        const statements = log;
        log = [];
        return { sessionIdPlaceholder: id, statements };
      };
      // The second write is the steady state: the first of a day may fill the mastery memo.
      await write();
      scripts.push(await write());
    }
  } finally {
    await client.end();
  }
  return scripts;
}
