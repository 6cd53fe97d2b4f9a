import { sql } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";
import { inStudioSql } from "@/server/db/tenancy";
import { usableZone } from "@/lib/time-zones";
import type { CheckinCadence } from "@/lib/checkins/vocabulary";
import type { LocalDate } from "@/lib/local-date";
import type { ScheduleTiming } from "./occurrences";

/** One check-in a client is asked, with the schedule that asks it and the client's zone. */
export type ScheduleInForce = {
  scheduleId: string;
  formId: string;
  formTitle: string;
  clientId: string;
  /** Through which programme the client is asked (null: scheduled for the client). */
  programId: string | null;
  timing: ScheduleTiming;
  timeZone: string;
};

type Row = { schedule_id: string; form_id: string; form_title: string; client_id: string; program_id: string | null; cadence: CheckinCadence; weekday: number | null; at_time: string; starts_on: string; time_zone: string | null };

// A client is asked a check-in scheduled for them, or for a programme they have a live (not ended) assignment from; a form archived, a schedule ended or a client archived or deleted asks nothing. One schedule per form and client: their own wins over a programme's.
export async function schedulesInForce(q: Queryable, studioId: string, options: { clientIds?: readonly string[]; coachId?: string | null } = {}): Promise<ScheduleInForce[]> {
  const clientFilter = options.clientIds ? sql`and c.id in (${sql.join(options.clientIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
  if (options.clientIds && options.clientIds.length === 0) return [];
  const coachFilter = options.coachId ? sql`and c.coach_id = ${options.coachId}::uuid` : sql``;
  const rows = await rowsOf<Row>(
    q,
    sql`select distinct on (c.id, s.form_id)
          s.id as schedule_id, s.form_id, f.title as form_title, c.id as client_id, s.program_id,
          s.cadence, s.weekday, s.at_time, s.starts_on::text as starts_on, u.time_zone
        from checkin_schedules s
        join checkin_forms f on f.studio_id = s.studio_id and f.id = s.form_id and f.archived_at is null
        join clients c on c.studio_id = s.studio_id and c.deleted_at is null and c.status <> 'archived'
          and (c.id = s.client_id
            or exists (select 1 from assignments a where a.studio_id = s.studio_id and a.client_id = c.id and a.program_id = s.program_id and a.status <> 'ended'))
        left join users u on u.id = c.user_id
        where ${inStudioSql("s", studioId)} and s.ended_at is null ${clientFilter} ${coachFilter}
        order by c.id, s.form_id, (s.client_id is null), s.created_at`,
  );
  return rows.map((r) => ({
    scheduleId: r.schedule_id,
    formId: r.form_id,
    formTitle: r.form_title,
    clientId: r.client_id,
    programId: r.program_id,
    timing: { cadence: r.cadence, weekday: r.weekday === null ? null : Number(r.weekday), atTime: r.at_time, startsOn: r.starts_on as LocalDate },
    timeZone: usableZone(r.time_zone),
  }));
}
