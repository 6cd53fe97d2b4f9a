import { and, eq, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

type TenantTable = { studioId: PgColumn };

/**
 * The tenancy scope every tenant query goes through: rows of the caller's studio only,
 * plus the caller's own conditions. `studioId` always comes from the session's context.
 */
export function inStudio(table: TenantTable, studioId: string, ...conditions: (SQL | undefined)[]): SQL {
  return and(eq(table.studioId, studioId), ...conditions)!;
}
