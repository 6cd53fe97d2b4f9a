import { sql } from "drizzle-orm";
import { bigint, check, foreignKey, index, integer, pgTable, smallint, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant } from "./_columns";
import { clients, studios, users } from "./studios";
import { practiceSessions } from "./training";

// A form-check video: the client films one side of one drill of a logged session, and the
// trainer watches it (issue 22). The row names the entry by what identifies it (session, drill,
// set, side), not by the entry's id: an edit of the session rewrites its entries, and the video
// of the left side is still the video of the left side. The files live in the media store
// (src/server/media/storage.ts); the row holds their keys.

export const VIDEO_STATUSES = ["uploading", "processing", "ready", "failed"] as const;
export type VideoStatus = (typeof VIDEO_STATUSES)[number];

export const videos = pgTable(
  "videos",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    /** Who uploads it: only they may resume or cancel the upload. */
    uploadedByUserId: uuid("uploaded_by_user_id").notNull().references(() => users.id),
    sessionId: uuid("session_id").notNull(),
    drillId: uuid("drill_id").notNull(),
    setNumber: smallint("set_number").notNull(),
    side: text("side", { enum: ["left", "right", "both"] }).notNull(),
    status: text("status", { enum: VIDEO_STATUSES }).notNull().default("uploading"),
    /** Why it failed, in a sentence for the client, or why the original is served (no ffmpeg). */
    statusNote: text("status_note"),
    /** The file as uploaded: kept until the phone-friendly copy exists, then removed. */
    originalKey: text("original_key"),
    copyKey: text("copy_key"),
    posterKey: text("poster_key"),
    /** The type read from the file's bytes, of the file served (the copy once it exists). */
    mimeType: text("mime_type"),
    /** The bytes kept in the store for this video, all its files together. */
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull().default(0),
    durationMs: integer("duration_ms"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("videos_studio_session_idx").on(t.studioId, t.sessionId),
    index("videos_studio_client_idx").on(t.studioId, t.clientId),
    // The clean-up job's abandoned uploads, oldest first.
    index("videos_uploading_created_idx").on(t.createdAt).where(sql`${t.status} = 'uploading'`),
    unique("videos_studio_id_unique").on(t.studioId, t.id),
    // A deleted session (or client) takes its videos' rows; the files follow with the orphan sweep.
    foreignKey({ columns: [t.studioId, t.sessionId], foreignColumns: [practiceSessions.studioId, practiceSessions.id] }).onDelete("cascade"),
    check("videos_set", sql`${t.setNumber} between 1 and 20`),
    check("videos_size", sql`${t.sizeBytes} >= 0`),
    check("videos_duration", sql`${t.durationMs} is null or ${t.durationMs} between 0 and 600000`),
    check("videos_status", sql`${t.status} in ('uploading', 'processing', 'ready', 'failed')`),
    check("videos_ready_has_file", sql`${t.status} <> 'ready' or ${t.copyKey} is not null or ${t.originalKey} is not null`),
  ],
);

export type Video = typeof videos.$inferSelect;
