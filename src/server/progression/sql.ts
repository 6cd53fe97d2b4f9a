import { sql, type SQL } from "drizzle-orm";
import { rowsOf } from "@/server/db/raw-rows";

/** `(values ($1::uuid, $2::text, $3::date), …)` for a set of clients with their own today. */
export function clientDays(clients: readonly { clientId: string; timeZone: string; today: string }[]): SQL {
  return sql`(values ${sql.join(
    clients.map((c) => sql`(${c.clientId}::uuid, ${c.timeZone}::text, ${c.today}::date)`),
    sql`, `,
  )})`;
}

/**
 * `rowsOf` for the queries whose plans JIT compilation used to ruin (generate_series per
 * client): our PostgreSQL connections are opened with jit off (db/client.ts), so this is
 * `rowsOf`; the name keeps the reason next to each such query.
 */
export const rowsWithoutJit = rowsOf;
