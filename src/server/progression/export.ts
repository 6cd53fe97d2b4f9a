import { rowsOf } from "@/server/db/raw-rows";
import { inStudioSql } from "@/server/db/tenancy";
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { csvRow } from "@/server/data-rights/csv";
import { metresPerUnit, type DistanceUnit } from "@/lib/distance-units";


/** The three exports of a client's history; each is one CSV file. */
export const exportKinds = ["sessions", "entries", "runs"] as const;
export type ExportKind = (typeof exportKinds)[number];

const BATCH = 2000;

const sessionKey = sql.raw(`to_char(performed_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS') || id::text`);
const entryKey = sql.raw(`to_char(ps.performed_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS') || pe.session_id::text || lpad(pe.set_number::text, 2, '0') || pe.side || pe.drill_id::text`);
const runKey = sql.raw(`to_char(started_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS') || id::text`);
const utc = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

// Columns in the order written (aliased c1…, so both drivers keep them apart); keyset
// pagination on a time-ordered key keeps memory flat however long the history. Runs keep the
// stored metres and add the distance and pace in the downloader's unit, named for it.
type Query = { header: (unit: DistanceUnit) => string[]; page: (studioId: string, clientId: string, after: string | null, unit: DistanceUnit) => SQL };
const queries: Record<ExportKind, Query> = {
  sessions: {
    header: () => ["session_id", "performed_at_utc", "local_date", "context", "run_id", "effort", "pain", "pain_where", "note"],
    page: (studioId, clientId, after) => sql`
      select ${sessionKey} as k, id::text as c1, ${utc("performed_at")} as c2, local_date::text as c3, context as c4, run_id::text as c5,
        effort::text as c6, case when has_pain then 'yes' else 'no' end as c7, pain_where as c8, note as c9
      from practice_sessions where ${inStudioSql("practice_sessions", studioId)} and client_id = ${clientId} ${after ? sql`and ${sessionKey} > ${after}` : sql``}
      order by k limit ${BATCH}`,
  },
  entries: {
    header: () => ["session_id", "performed_at_utc", "local_date", "drill", "set", "side", "value", "contact_feel", "note"],
    page: (studioId, clientId, after) => sql`
      select ${entryKey} as k, pe.session_id::text as c1, ${utc("ps.performed_at")} as c2, pe.local_date::text as c3, d.name as c4,
        pe.set_number::text as c5, pe.side as c6, pe.value::text as c7, pe.contact_feel as c8, pe.note as c9
      from practice_entries pe
      join practice_sessions ps on ps.studio_id = pe.studio_id and ps.id = pe.session_id
      join drills d on d.studio_id = pe.studio_id and d.id = pe.drill_id
      where ${inStudioSql("pe", studioId)} and pe.client_id = ${clientId} ${after ? sql`and ${entryKey} > ${after}` : sql``}
      order by k limit ${BATCH}`,
  },
  runs: {
    header: (unit) => ["run_id", "started_at_utc", "local_date", "distance_m", `distance_${unit}`, "duration_s", `pace_per_${unit}`, "effort", "pain", "pain_where", "note"],
    page: (studioId, clientId, after, unit) => sql`
      select ${runKey} as k, id::text as c1, ${utc("started_at")} as c2, local_date::text as c3, distance_m::text as c4,
        round(distance_m / ${metresPer(unit)}::numeric, 2)::text as c5, duration_s::text as c6,
        to_char(make_interval(secs => round(duration_s / (distance_m / ${metresPer(unit)}::numeric))), 'FMMI:SS') as c7, effort::text as c8,
        case when has_pain then 'yes' else 'no' end as c9, pain_where as c10, note as c11
      from runs where ${inStudioSql("runs", studioId)} and client_id = ${clientId} ${after ? sql`and ${runKey} > ${after}` : sql``}
      order by k limit ${BATCH}`,
  },
};

const metresPer = (unit: DistanceUnit) => String(metresPerUnit(unit));

/** The CSV of one kind for one client of the studio, as chunks (header first), read in batches; distances also in `unit`. */
export async function* exportCsv(q: Queryable, studioId: string, clientId: string, kind: ExportKind, unit: DistanceUnit = "km"): AsyncGenerator<string> {
  const { header, page } = queries[kind];
  yield csvRow(header(unit));
  let after: string | null = null;
  for (;;) {
    const rows: Record<string, unknown>[] = await rowsOf<Record<string, unknown>>(q, page(studioId, clientId, after, unit));
    if (rows.length === 0) return;
    yield rows.map((r) => csvRow(Object.values(r).slice(1))).join("");
    after = String(rows.at(-1)!.k);
    if (rows.length < BATCH) return;
  }
}
