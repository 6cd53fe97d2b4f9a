import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";

// Which tables say something about a person, read from the schema itself: a column named
// for a client or user, a foreign key to clients or users, or a foreign key to a table that
// does (a review belongs to a session, which belongs to a client). A trainer's membership
// names a user but is not followed further: what a trainer makes (drills, hours, session
// types) is the studio's, not a person's data.

const PERSON_TABLES = new Set(["clients", "users"]);
const PERSON_COLUMNS = new Set(["client_id", "user_id"]);
const NOT_FOLLOWED = new Set(["studio_members"]);

export type TableLink = { table: string; via: string };

function isTable(value: unknown): value is PgTable {
  if (!value || typeof value !== "object") return false;
  try {
    return typeof getTableConfig(value as PgTable).name === "string";
  } catch {
    return false;
  }
}

/** Every table of a drizzle schema module that reaches a client or a user, with the first reason found. */
export function tablesReachingAPerson(schema: Record<string, unknown>): Map<string, string> {
  const configs = [...tablesOf(schema).values()].map((t) => getTableConfig(t));
  const reaching = new Map<string, string>();
  for (const name of PERSON_TABLES) if (configs.some((c) => c.name === name)) reaching.set(name, "is a person");
  let grew = true;
  while (grew) {
    grew = false;
    for (const config of configs) {
      if (reaching.has(config.name)) continue;
      const column = config.columns.find((c) => PERSON_COLUMNS.has(c.name));
      const fk = config.foreignKeys.map((f) => getTableConfig(f.reference().foreignTable).name).find((target) => reaching.has(target) && !NOT_FOLLOWED.has(target));
      const reason = column ? `column ${column.name}` : fk ? `references ${fk}` : null;
      if (reason) {
        reaching.set(config.name, reason);
        grew = true;
      }
    }
  }
  return reaching;
}

/** Every table of a drizzle schema module, by name. */
export function tablesOf(schema: Record<string, unknown>): Map<string, PgTable> {
  return new Map((Object.values(schema) as unknown[]).filter(isTable).map((t) => [getTableConfig(t).name, t]));
}

/** Every table name in a drizzle schema module. */
export function tableNames(schema: Record<string, unknown>): string[] {
  return [...tablesOf(schema).keys()];
}
