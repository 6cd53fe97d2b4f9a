import { sql } from "drizzle-orm";
import { check, index, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant } from "./_columns";
import { studioMembers, studios } from "./studios";

// Messages a trainer sends often ("Great session, how did the left side feel?"). A template is
// the studio's, like a drill: a trainer's own (ownerMemberId set, only they see and edit it) or
// studio-wide (null: every trainer picks it, the owner edits it). It names no client or user,
// so it is nobody's personal data (data-rights/coverage.test.ts checks that).
export const messageTemplates = pgTable(
  "message_templates",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    ownerMemberId: uuid("owner_member_id").references(() => studioMembers.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("message_templates_studio_id_unique").on(t.studioId, t.id),
    index("message_templates_studio_owner_idx").on(t.studioId, t.ownerMemberId),
    check("message_templates_title_length", sql`char_length(${t.title}) between 1 and 80`),
    check("message_templates_body_length", sql`char_length(${t.body}) between 1 and 4000`),
  ],
);

export type MessageTemplate = typeof messageTemplates.$inferSelect;
