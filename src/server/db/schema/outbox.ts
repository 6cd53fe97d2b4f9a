import { boolean, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant } from "./_columns";
import { studios } from "./studios";

export type OutboxAttachment = { filename: string; contentType: string; content: string };

// Every email is a row first, written in the same transaction as what caused it; a sender
// delivers pending rows over SMTP when one is configured.
export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    kind: text("kind").notNull(),
    toEmail: text("to_email").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    // A sign-in link, an invite, a reset: readable by its addressee only, never in a shared outbox.
    carriesCredential: boolean("carries_credential").notNull().default(false),
    attachments: jsonb("attachments").$type<OutboxAttachment[]>().notNull().default([]),
    sentAt: instant("sent_at"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_studio_created_idx").on(t.studioId, t.createdAt)],
);

export type OutboxEmail = typeof outbox.$inferSelect;
