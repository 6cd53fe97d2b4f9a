import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, pgTable, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea, createdAt, id } from "./_columns";
import { messages, threads } from "./messages";
import { users } from "./studios";

// A photo sent in a thread. It is uploaded first (to the thread, by its sender) and attached
// to a message when that is sent: until then message_id is null, and only its uploader can
// attach it. The bytes are the re-encoded image (messages/photo-image.ts), never the upload:
// no metadata (EXIF location) survives. Small enough to keep in the database, like a logo.
export const messagePhotos = pgTable(
  "message_photos",
  {
    id: id(),
    studioId: uuid("studio_id").notNull(),
    threadId: uuid("thread_id").notNull(),
    uploadedByUserId: uuid("uploaded_by_user_id").notNull().references(() => users.id),
    messageId: uuid("message_id"),
    contentType: text("content_type", { enum: ["image/jpeg", "image/webp"] }).notNull(),
    bytes: bytea("bytes").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("message_photos_studio_id_unique").on(t.studioId, t.id),
    index("message_photos_thread_idx").on(t.studioId, t.threadId),
    // One photo per message.
    uniqueIndex("message_photos_one_per_message").on(t.messageId).where(sql`${t.messageId} is not null`),
    // Unsent uploads, for the clean-up of abandoned ones.
    index("message_photos_unsent_idx").on(t.createdAt).where(sql`${t.messageId} is null`),
    // A thread's photos go with it (a client's deletion, a deleted log).
    foreignKey({ columns: [t.studioId, t.threadId], foreignColumns: [threads.studioId, threads.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.studioId, t.messageId], foreignColumns: [messages.studioId, messages.id] }).onDelete("cascade"),
    check("message_photos_content_type", sql`${t.contentType} in ('image/jpeg', 'image/webp')`),
    check("message_photos_size", sql`${t.width} between 1 and 1600 and ${t.height} between 1 and 1600`),
  ],
);

export type MessagePhoto = typeof messagePhotos.$inferSelect;
