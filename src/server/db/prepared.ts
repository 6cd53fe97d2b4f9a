import { sql, type Placeholder, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Queryable } from "./client";

// The hottest reads (every request's viewer, Today's) as prepared queries. Drizzle builds a
// query's SQL text from its builder on every call: on the Today read that building, not the
// database, was a quarter of the server's CPU. A prepared query is built once per database
// and only its values change. Inside a transaction the query is built on the transaction each
// time (a query prepared on the pool would run outside it), as an unprepared one would be.

// On globalThis, as client.ts's registry is: with tRPC on Node one process holds two copies of this module.
const byDatabase: WeakMap<object, Map<string, unknown>> = ((globalThis as unknown as { __stridePrepared?: WeakMap<object, Map<string, unknown>> }).__stridePrepared ??= new WeakMap());

// PgTransaction has rollback(); the database does not.
const isTransaction = (q: Queryable) => "rollback" in q;

/** `build` run once per database (and each time in a transaction); `name` is unique in the app. */
export function preparedQuery<P>(name: string, build: (q: Queryable, name: string) => P): (q: Queryable) => P {
  return (q) => {
    if (isTransaction(q)) return build(q, name);
    let queries = byDatabase.get(q);
    if (!queries) byDatabase.set(q, (queries = new Map()));
    let query = queries.get(name) as P | undefined;
    if (query === undefined) queries.set(name, (query = build(q, name)));
    return query;
  };
}

/** A value given when a prepared query runs (`execute({ name: value })`). */
export const value = (name: string): Placeholder => sql.placeholder(name);

/**
 * `column = any($n::uuid[])`: a list of ids as one value, so one prepared query serves a list
 * of any length (`inArray` writes one parameter per id, a different statement per length).
 */
export const isAnyOf = (column: PgColumn, ids: Placeholder): SQL => sql`${column} = any(${ids}::uuid[])`;
