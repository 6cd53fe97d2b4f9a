import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";

export type Outcome<T> = { value?: T; error?: unknown; waited: boolean };

/**
 * PostgreSQL only (PGlite runs one query at a time): runs `hold` in a transaction that stays
 * open until `other`, started inside it on another connection, is seen waiting for one of its
 * locks (or has finished without waiting); then commits and says how `other` ended. `waited`
 * tells whether the two really met, so a test can insist that it raced.
 */
export async function whileHeld<T>(db: Db, hold: (tx: Tx) => Promise<unknown>, other: () => Promise<T>): Promise<Outcome<T>> {
  let outcome: Promise<Omit<Outcome<T>, "waited">> | undefined;
  let isDone = false;
  let waited = false;
  await db.transaction(async (tx) => {
    await hold(tx);
    const [me] = await rowsOf<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
    outcome = other().then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    void outcome.finally(() => (isDone = true));
    for (let spent = 0; !isDone; spent += 20) {
      const [row] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from pg_stat_activity where ${me!.pid}::int = any(pg_blocking_pids(pid))`);
      if ((row?.n ?? 0) > 0) {
        waited = true;
        break;
      }
      if (spent > 10_000) throw new Error("whileHeld: the other call neither finished nor waited");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  return { ...(await outcome!), waited };
}
