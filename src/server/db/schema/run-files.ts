import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { bytea, createdAt, id } from "./_columns";
import { clients } from "./studios";
import { runs } from "./training";
import type { RunTrackData } from "@/lib/runs/track-data";

// A run read from a watch's file keeps the file it came from (to read it again when the
// reader improves, and to give it back in the client's export) and the track drawn on its page.

/**
 * An imported file, byte for byte. The same bytes twice are the same import (sha256 per client);
 * another file of the same activity (the FIT and a GPX export of one run) joins the same run.
 * Small enough for the database: a 3-hour FIT is ~300 KB, a GPX a few MB (the upload caps it).
 */
export const runFiles = pgTable(
  "run_files",
  {
    id: id(),
    studioId: uuid("studio_id").notNull(),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    runId: uuid("run_id").notNull(),
    /** The name it had on the client's device (or inside their zip), for the export and the run's page. */
    fileName: text("file_name").notNull(),
    format: text("format", { enum: ["fit", "gpx", "tcx"] }).notNull(),
    sha256: text("sha256").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    bytes: bytea("bytes").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("run_files_once_per_client").on(t.studioId, t.clientId, t.sha256),
    index("run_files_run_idx").on(t.studioId, t.runId),
    // A deleted run takes its files with it.
    foreignKey({ columns: [t.studioId, t.runId], foreignColumns: [runs.studioId, runs.id] }).onDelete("cascade"),
    check("run_files_format", sql`${t.format} in ('fit', 'gpx', 'tcx')`),
    check("run_files_size", sql`${t.sizeBytes} > 0`),
  ],
);

/**
 * What a run's page draws, computed once at import from the file's points: a downsampled series
 * over distance (pace, heart rate, cadence, altitude), the route as a simplified line, and the
 * splits per kilometre and per mile (both, so a change of unit needs no re-reading).
 */
export const runTracks = pgTable(
  "run_tracks",
  {
    runId: uuid("run_id").primaryKey(),
    studioId: uuid("studio_id").notNull(),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    data: jsonb("data").$type<RunTrackData>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("run_tracks_studio_client_idx").on(t.studioId, t.clientId),
    foreignKey({ columns: [t.studioId, t.runId], foreignColumns: [runs.studioId, runs.id] }).onDelete("cascade"),
  ],
);

export type RunFile = typeof runFiles.$inferSelect;
export type RunTrack = typeof runTracks.$inferSelect;
