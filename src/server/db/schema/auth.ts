import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant } from "./_columns";
import { users } from "./studios";

// Every sign-in attempt, by key ("account:<email>" and "ip:<address>"), so throttling
// holds across restarts and across app instances.
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    key: text("key").notNull(),
    succeeded: boolean("succeeded").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("login_attempts_key_time_idx").on(t.key, t.createdAt)],
);

// Single-use links (magic sign-in, invites, password resets, confirming a signed-up owner's address). Only the SHA-256 of the token is stored, so a
// database leak does not hand out sign-ins.
export const authTokens = pgTable(
  "auth_tokens",
  {
    id: id(),
    userId: uuid("user_id").references(() => users.id),
    purpose: text("purpose", { enum: ["magic_link", "invite", "password_reset", "signup_confirm"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    // For invites: which client row the token accepts.
    subjectId: uuid("subject_id"),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("auth_tokens_user_idx").on(t.userId)],
);

export type AuthToken = typeof authTokens.$inferSelect;

// One row per signed-in device: made at sign-in, its id carried in the session cookie and
// checked with the viewer on every request, deleted at sign-out. A copied cookie is worth
// nothing once its row is gone, while the person's other devices keep theirs.
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    userAgent: text("user_agent"),
    ip: text("ip"),
    // Written at most every few minutes (DEVICE_SEEN_EVERY_MS), never once per request.
    lastSeenAt: instant("last_seen_at").notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

export type AuthSession = typeof authSessions.$inferSelect;

// A change of sign-in address waiting for the new address to confirm it (one per person: a
// new request replaces the last). Only the SHA-256 of the emailed token is stored; the row
// goes when the change is confirmed or cancelled.
export const emailChanges = pgTable(
  "email_changes",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .unique()
      .references(() => users.id),
    newEmail: text("new_email").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: instant("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [check("email_changes_new_email_lowercase", sql`${t.newEmail} = lower(${t.newEmail})`)],
);

export type EmailChange = typeof emailChanges.$inferSelect;
