import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./_columns";
import { studios, users } from "./studios";
import { videos } from "./videos";

// A trainer's comment pinned to a moment of a form-check video (issue 22): "0:07 — your left
// hip drops here". The moment is milliseconds from the start of the video, so the player can
// put a marker on its timeline; the rule that it lies within the video is the domain's
// (comments.ts), since the length is only known once the video is processed.

export const videoComments = pgTable(
  "video_comments",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    videoId: uuid("video_id").notNull(),
    authorUserId: uuid("author_user_id").notNull().references(() => users.id),
    atMs: integer("at_ms").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // The player reads a video's comments in the order of their moments.
    index("video_comments_studio_video_at_idx").on(t.studioId, t.videoId, t.atMs),
    // A removed video (or its session, or its client) takes its comments.
    foreignKey({ columns: [t.studioId, t.videoId], foreignColumns: [videos.studioId, videos.id] }).onDelete("cascade"),
    check("video_comments_at", sql`${t.atMs} >= 0`),
    check("video_comments_body", sql`char_length(${t.body}) between 1 and 1000`),
  ],
);

export type VideoComment = typeof videoComments.$inferSelect;
