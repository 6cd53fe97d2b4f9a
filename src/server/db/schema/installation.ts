import { sql } from "drizzle-orm";
import { check, integer, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./_columns";

// The one row about this deployment itself. Until the first-run set-up is done it holds the
// SHA-256 of the set-up code `npm start` printed (a restart replaces it, so only the code last
// printed works); set-up clears the hash and stamps `set_up_at` in the transaction that makes
// the studio, and the row's lock lets only one set-up through, however many race.
export const installation = pgTable(
  "installation",
  {
    id: integer("id").primaryKey().default(1),
    setupCodeHash: text("setup_code_hash"),
    setupCodeIssuedAt: instant("setup_code_issued_at"),
    setUpAt: instant("set_up_at"),
  },
  (t) => [check("installation_single_row", sql`${t.id} = 1`), check("installation_code_dies_at_set_up", sql`${t.setUpAt} is null or ${t.setupCodeHash} is null`)],
);

export type Installation = typeof installation.$inferSelect;
