// The realistic studio every benchmark measures against (issue 6's progression seed): 10
// trainers, 500 clients on Runner's foundation, two years of near-daily logging (~510k
// practice entries, ~255k sessions, ~155k runs), built in SQL (generate_series) so it seeds
// the same on PostgreSQL and PGlite.
import { sql } from "drizzle-orm";
import type { Db } from "../../src/server/db/client";
import { ensureBuiltIns } from "../../src/server/drills/service";
import { rowsOf } from "../../src/server/db/raw-rows";

export const TRAINERS = 10;
export const CLIENTS = 500;
export const DAYS = 730;
export const NOW = new Date("2026-11-20T12:00:00Z");
export const ZONES = ["Europe/London", "America/New_York", "Europe/Madrid", "Australia/Sydney", "Asia/Tokyo"];

export type SeedOptions = {
  /** Fewer clients for a quick run at small scale; the benches' figures are at CLIENTS. */
  clients?: number;
  /**
   * false: leave VACUUM ANALYZE and the checkpoint to one settleDatabase after the last of
   * several studios, instead of vacuuming the whole (growing) database after each.
   */
  settle?: boolean;
};

export async function seed(db: Db, { clients = CLIENTS, settle = true }: SeedOptions = {}) {
  const exec = (query: ReturnType<typeof sql>) => db.execute(query);
  const [{ id: studioId }] = await rowsOf<{ id: string }>(db, sql`insert into studios (name, slug) values ('Bench studio', 'bench-' || gen_random_uuid()) returning id::text as id`) as [{ id: string }];
  await exec(sql`
    insert into users (email, name, time_zone)
    select 'coach-' || g || '-' || ${studioId} || '@bench.test', 'Coach ' || g, 'Europe/London' from generate_series(1, ${TRAINERS}) g`);
  await exec(sql`
    insert into studio_members (studio_id, user_id, role)
    select ${studioId}, u.id, case when u.name = 'Coach 1' then 'owner'::member_role else 'trainer'::member_role end
    from users u where u.email like '%-' || ${studioId} || '@bench.test' and u.email like 'coach-%'`);
  await exec(sql`
    insert into users (email, name, time_zone)
    select 'runner-' || g || '-' || ${studioId} || '@bench.test', 'Runner ' || g, (${sql.raw(`array['${ZONES.join("','")}']`)})[1 + g % ${ZONES.length}]
    from generate_series(1, ${clients}) g`);
  await exec(sql`
    insert into clients (studio_id, user_id, coach_id, name, email)
    select ${studioId}, u.id, (select m.id from studio_members m where m.studio_id = ${studioId} order by m.id offset (split_part(u.name, ' ', 2)::int % ${TRAINERS}) limit 1), u.name, u.email
    from users u where u.email like 'runner-%-' || ${studioId} || '@bench.test'`);
  await ensureBuiltIns(db, studioId);

  // Runner's foundation for everyone from two years ago; Back Rotations changed once a year ago.
  const start = sql`((${NOW.toISOString()}::timestamptz at time zone 'UTC')::date - ${DAYS}::int)`;
  await exec(sql`
    insert into assignments (studio_id, client_id, drill_id, created_at)
    select ${studioId}, c.id, d.id, now() - interval '${sql.raw(String(DAYS))} days'
    from clients c cross join drills d
    where c.studio_id = ${studioId} and d.studio_id = ${studioId} and d.slug in ('knee-drive', 'back-rotations', 'hopping')`);
  await exec(sql`
    insert into assignment_versions (studio_id, assignment_id, version, action, status, sets, target_per_side, rep_min, rep_max, daily, before_run, start_date, created_at)
    select ${studioId}, a.id, 1, 'assigned', 'active', 1,
      case when d.slug = 'back-rotations' then null else 30 end, case when d.slug = 'back-rotations' then 15 end, case when d.slug = 'back-rotations' then 20 end,
      d.slug <> 'hopping', d.slug <> 'knee-drive', ${start}, ${NOW.toISOString()}::timestamptz - interval '${sql.raw(String(DAYS))} days'
    from assignments a join drills d on d.id = a.drill_id where a.studio_id = ${studioId}`);
  await exec(sql`
    insert into assignment_versions (studio_id, assignment_id, version, action, status, sets, rep_min, rep_max, daily, before_run, start_date, created_at)
    select ${studioId}, a.id, 2, 'changed', 'active', 2, 18, 22, true, true, ${start}, ${NOW.toISOString()}::timestamptz - interval '365 days'
    from assignments a join drills d on d.id = a.drill_id where a.studio_id = ${studioId} and d.slug = 'back-rotations'`);
  await exec(sql`update assignments a set version = 2 from drills d where d.id = a.drill_id and d.slug = 'back-rotations' and a.studio_id = ${studioId}`);

  // Runs three days a week (which days depends on the client), 18:00 local.
  await exec(sql`
    insert into runs (id, studio_id, client_id, started_at, local_date, distance_m, duration_s, effort, has_pain, created_at)
    select md5('run' || c.id || g::date)::uuid, ${studioId}, c.id, (g::date + time '18:00') at time zone u.time_zone, g::date,
      rd.dist, (rd.dist / 1000.0 * (300 + random() * 90))::int, 3 + (random() * 6)::int, random() < 0.08,
      -- Logged when the run ended, as the app records it (the attention queue reads created_at).
      (g::date + time '19:00') at time zone u.time_zone
    from clients c join users u on u.id = c.user_id
    cross join generate_series(${start}, ${start} + ${DAYS - 1}::int, interval '1 day') g
    cross join lateral (select 5000 + (random() * 7000 + 0 * extract(doy from g))::int as dist) rd
    where c.studio_id = ${studioId} and (abs(hashtext(c.id::text)) + extract(doy from g)::int) % 7 in (0, 2, 4)`);

  // On 70% of days a session: Knee Drive at 07:00, or, on a run day, the run's warm-up of Back Rotations.
  await exec(sql`
    insert into practice_sessions (id, studio_id, client_id, performed_at, local_date, context, run_id, created_at)
    select md5('session' || c.id || g::date)::uuid, ${studioId}, c.id,
      case when r.id is null then (g::date + time '07:00') at time zone u.time_zone else r.started_at - interval '15 minutes' end,
      g::date, case when r.id is null then 'standalone' else 'warmup_before_run' end, r.id,
      case when r.id is null then (g::date + time '07:20') at time zone u.time_zone else r.started_at end
    from clients c join users u on u.id = c.user_id
    cross join generate_series(${start}, ${start} + ${DAYS - 1}::int, interval '1 day') g
    left join runs r on r.id = md5('run' || c.id || g::date)::uuid
    where c.studio_id = ${studioId} and random() < 0.7`);
  // Holds improve over two years; every tenth client's right side lags 20%.
  await exec(sql`
    insert into practice_entries (studio_id, session_id, client_id, drill_id, assignment_version_id, local_date, set_number, side, value)
    select ${studioId}, s.id, s.client_id, a.drill_id, av.id, s.local_date, 1, side.name,
      round((case when d.slug = 'knee-drive' then 15 + 25 * ((s.local_date - ${start})::numeric / ${DAYS}::int) + random() * 6 else 15 + random() * 6 end
        * case when side.name = 'right' and abs(hashtext(s.client_id::text)) % 10 = 0 then 0.8 else 1 end)::numeric, 1)
    from practice_sessions s
    join drills d on d.studio_id = s.studio_id and d.slug = case when s.run_id is null then 'knee-drive' else 'back-rotations' end
    join assignments a on a.studio_id = s.studio_id and a.client_id = s.client_id and a.drill_id = d.id
    join assignment_versions av on av.assignment_id = a.id and av.version = a.version
    cross join (values ('left'), ('right')) as side(name)
    where s.studio_id = ${studioId}`);
  // Each coach keeps up, as in the demo: sessions older than three days were reviewed the next
  // day, so the attention queue holds what is new, not two years of backlog.
  await exec(sql`
    insert into session_reviews (studio_id, session_id, reviewed_by_member_id, feedback, created_at, updated_at)
    select s.studio_id, s.id, c.coach_id, '', s.performed_at + interval '1 day', s.performed_at + interval '1 day'
    from practice_sessions s join clients c on c.id = s.client_id
    where s.studio_id = ${studioId} and s.performed_at < ${NOW.toISOString()}::timestamptz - interval '3 days'`);
  if (settle) await settleDatabase(db);
  const [counts] = await rowsOf<{ entries: number; sessions: number; runs: number }>(
    db,
    sql`select (select count(*) from practice_entries where studio_id = ${studioId})::int as entries, (select count(*) from practice_sessions where studio_id = ${studioId})::int as sessions,
      (select count(*) from runs where studio_id = ${studioId})::int as runs`,
  );
  const clientIds = (await rowsOf<{ id: string }>(db, sql`select id::text as id from clients where studio_id = ${studioId} order by random()`)).map((r) => r.id);
  const [coach] = await rowsOf<{ id: string }>(db, sql`select m.id::text as id from studio_members m where m.studio_id = ${studioId} order by m.id limit 1`);
  return { studioId, clientIds, coachId: coach!.id, counts: counts! };
}

/** What autovacuum does on a live server, done once the seeding is over. */
export async function settleDatabase(db: Db) {
  // Statistics, and the visibility map that lets covering indexes answer without visiting the table.
  await db.execute(sql`vacuum analyze`);
  // The seed's write-ahead log flushed now, not by a checkpoint in the middle of a measurement.
  await db.execute(sql`checkpoint`);
}
