import { randomUUID } from "node:crypto";
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
