import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, check, index, integer, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant } from "./_columns";

export const studios = pgTable(
  "studios",
  {
    id: id(),
    name: text("name").notNull(),
    slug: text("slug").notNull().unique(),
    timeZone: text("time_zone").notNull().default("UTC"),
    /** ISO 4217: what new plans are priced in (each plan still carries its own). */
    currency: text("currency").notNull().default("GBP"),
    /** How runs' distances are written and shown to the studio. */
    distanceUnit: text("distance_unit", { enum: ["km", "mi"] }).notNull().default("km"),
    /** Who coaches a client who signs up on their own (null: the owner). */
    defaultCoachId: uuid("default_coach_id").references((): AnyPgColumn => studioMembers.id),
    /**
     * When the owner's address was confirmed. A studio made by open sign-up starts without one
     * and takes no clients or payments until its owner opens the emailed link; every other
     * studio (first-run set-up, the demo, those before sign-up existed) is confirmed from the start.
     */
    emailConfirmedAt: instant("email_confirmed_at").defaultNow(),
    /** Hosted mode: the studio's own Stripe account (Connect), where its clients' payments go. */
    stripeAccountId: text("stripe_account_id").unique(),
    /** Whether that account may take charges yet (Stripe's charges_enabled, refreshed on return and by account.updated). */
    stripeChargesEnabled: boolean("stripe_charges_enabled").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    check("studios_currency_iso", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("studios_distance_unit", sql`${t.distanceUnit} in ('km', 'mi')`),
  ],
);

// Identity is global (one email, one login); what a person may do comes from their
// membership or client row in a studio.
export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    timeZone: text("time_zone").notNull().default("UTC"),
    /** Distances in kilometres or miles, as the person chose in their account; null: the studio's. */
    distanceUnit: text("distance_unit", { enum: ["km", "mi"] }),
    // Bumped to sign a person out everywhere: every JWT carries the version it was issued at.
    sessionVersion: integer("session_version").notNull().default(1),
    disabledAt: instant("disabled_at"),
    createdAt: createdAt(),
  },
  (t) => [
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
    check("users_distance_unit", sql`${t.distanceUnit} in ('km', 'mi')`),
  ],
);

export const memberRole = pgEnum("member_role", ["owner", "trainer"]);

export const studioMembers = pgTable(
  "studio_members",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    userId: uuid("user_id").notNull().references(() => users.id),
    role: memberRole("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("studio_members_user_unique").on(t.userId), index("studio_members_studio_idx").on(t.studioId)],
);

export const clientStatus = pgEnum("client_status", ["invited", "active", "archived"]);

export const clients = pgTable(
  "clients",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    // Set when the invite is accepted; an invited client has no login yet.
    userId: uuid("user_id").references(() => users.id),
    coachId: uuid("coach_id").notNull().references(() => studioMembers.id),
    name: text("name").notNull(),
    email: text("email").notNull(),
    status: clientStatus("status").notNull().default("active"),
    createdAt: createdAt(),
    // Set when the owner deletes the client, or the client their own account
    // (data-rights/delete-client.ts): the row stays, anonymised, so payments keep their
    // client; who (the owner's member id, or the client themselves) and when is the audit record.
    deletedAt: instant("deleted_at"),
    deletedByMemberId: uuid("deleted_by_member_id").references((): AnyPgColumn => studioMembers.id),
    isDeletedBySelf: boolean("is_deleted_by_self").notNull().default(false),
  },
  (t) => [
    unique("clients_studio_email_unique").on(t.studioId, t.email),
    unique("clients_user_unique").on(t.userId),
    index("clients_studio_coach_idx").on(t.studioId, t.coachId),
    check("clients_email_lowercase", sql`${t.email} = lower(${t.email})`),
    // A deletion names exactly one requester: the owner who deleted, or the client themselves.
    check(
      "clients_deleted_by",
      sql`case when ${t.deletedAt} is null then ${t.deletedByMemberId} is null and not ${t.isDeletedBySelf} else (${t.deletedByMemberId} is not null) <> ${t.isDeletedBySelf} end`,
    ),
  ],
);

export type Studio = typeof studios.$inferSelect;
export type User = typeof users.$inferSelect;
export type StudioMember = typeof studioMembers.$inferSelect;
export type Client = typeof clients.$inferSelect;
export type NewClient = typeof clients.$inferInsert;
