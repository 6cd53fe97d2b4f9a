import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { inStudioSql } from "@/server/db/tenancy";
import type { Queryable } from "@/server/db/client";
import { practiceEntries, practiceSessions, runs } from "@/server/db/schema";

/**
 * Writes logged history straight into the training tables (demo seed, test factories):
 * the logging service is issue 5's; these rows have exactly the shape it stores.
 */
export type PracticeRecord = {
  id?: string;
  studioId: string;
  clientId: string;
  performedAt: Date;
  localDate: string;
  context?: "standalone" | "warmup_before_run";
  runId?: string | null;
  effort?: number | null;
  hasPain?: boolean;
  entries: { drillId: string; assignmentVersionId: string; side: "left" | "right" | "both"; value: number | null; setNumber?: number; contactFeel?: "short" | "medium" | "long" | null }[];
};

export type RunRecord = {
  id?: string;
  studioId: string;
  clientId: string;
  startedAt: Date;
  localDate: string;
  distanceM: number;
  durationS: number;
  effort?: number | null;
  hasPain?: boolean;
  painWhere?: string | null;
  note?: string | null;
  /** A run read from a watch's file, with what it recorded (progression's running dynamics). */
  source?: "typed" | "file";
  elapsedS?: number | null;
  avgCadenceSpm?: number | null;
  avgGroundContactMs?: number | null;
  groundContactBalanceLeft?: number | null;
};

const CHUNK = 1000;

export async function insertRuns(q: Queryable, records: readonly RunRecord[]): Promise<string[]> {
  const rows = records.map((r) => ({ ...r, id: r.id ?? randomUUID(), createdAt: r.startedAt, updatedAt: r.startedAt }));
  for (let i = 0; i < rows.length; i += CHUNK) await q.insert(runs).values(rows.slice(i, i + CHUNK));
  return rows.map((r) => r.id);
}

export async function insertPractice(q: Queryable, records: readonly PracticeRecord[]): Promise<string[]> {
  const sessions = records.map((r) => ({
    id: r.id ?? randomUUID(),
    studioId: r.studioId,
    clientId: r.clientId,
    performedAt: r.performedAt,
    localDate: r.localDate,
    context: r.context ?? (r.runId ? "warmup_before_run" : "standalone"),
    runId: r.runId ?? null,
    effort: r.effort ?? null,
    hasPain: r.hasPain ?? false,
    createdAt: r.performedAt,
    updatedAt: r.performedAt,
  }));
  for (let i = 0; i < sessions.length; i += CHUNK) await q.insert(practiceSessions).values(sessions.slice(i, i + CHUNK));
  const entries = records.flatMap((r, i) =>
    r.entries.map((e) => ({
      studioId: r.studioId,
      sessionId: sessions[i]!.id,
      clientId: r.clientId,
      drillId: e.drillId,
      assignmentVersionId: e.assignmentVersionId,
      localDate: r.localDate,
      setNumber: e.setNumber ?? 1,
      side: e.side,
      value: e.value,
      contactFeel: e.contactFeel ?? null,
    })),
  );
  for (let i = 0; i < entries.length; i += CHUNK) await q.insert(practiceEntries).values(entries.slice(i, i + CHUNK));
  return sessions.map((s) => s.id);
}

/**
 * Their coach keeps up: sessions older than `before` have been looked at (by the client's
 * coach, a day after), so the demo's attention queue shows what is new rather than weeks of
 * backlog. (Raw SQL: postgres-js cannot bind a Date there, so the instant goes as ISO text.)
 */
export async function markReviewedBefore(q: Queryable, studioId: string, clientIds: readonly string[], before: Date): Promise<void> {
  if (clientIds.length === 0) return;
  await q.execute(sql`
    insert into session_reviews (studio_id, session_id, reviewed_by_member_id, feedback, created_at, updated_at)
    select s.studio_id, s.id, c.coach_id, '', s.performed_at + interval '1 day', s.performed_at + interval '1 day'
    from practice_sessions s join clients c on c.id = s.client_id
    where ${inStudioSql("s", studioId)}
      and s.client_id in (${sql.join(clientIds.map((id) => sql`${id}::uuid`), sql`, `)})
      and s.performed_at < ${before.toISOString()}::timestamptz
    on conflict (session_id) do nothing`);
}
