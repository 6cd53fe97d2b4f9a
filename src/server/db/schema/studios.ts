import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, check, index, integer, pgEnum, pgTable, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea, createdAt, id, instant } from "./_columns";

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
    /** Whether trainers who are not the owner see every client ("all") or only those they coach ("own"). */
    clientVisibility: text("client_visibility", { enum: ["all", "own"] }).notNull().default("all"),
    /** Shown on the public Plans page (/plans). A studio made by open sign-up starts unlisted. */
    isListed: boolean("is_listed").notNull().default(false),
    /** "#rrggbb" behind white text in the portal, the emails and the installed app; null: Stride's green. */
    brandColor: text("brand_color"),
    /** What a new session type's free-cancellation window starts at (each type keeps its own). */
    defaultCancelFreeUntilHours: integer("default_cancel_free_until_hours").notNull().default(24),
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
    check("studios_client_visibility", sql`${t.clientVisibility} in ('all', 'own')`),
    check("studios_brand_color_hex", sql`${t.brandColor} ~ '^#[0-9a-f]{6}$'`),
    check("studios_default_cancel_hours", sql`${t.defaultCancelFreeUntilHours} between 0 and 336`),
  ],
);

// The studio's logo, already checked and re-encoded as PNG (studio/logo.ts): small enough to
// keep in the database, so it is backed up, exported and moved with the studio's rows.
export const studioLogos = pgTable(
  "studio_logos",
  {
    studioId: uuid("studio_id").primaryKey().references(() => studios.id),
    /** The PNG's SHA-256 (hex): the address it is served under, so a new logo is a new URL. */
    sha256: text("sha256").notNull(),
    png: bytea("png").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [index("studio_logos_sha256_idx").on(t.sha256)],
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
    // Set when the owner deactivates the trainer (staff/service.ts): the row stays, so what they
    // wrote (reviews, drills, bookings) keeps its author, but it signs no one in as a trainer.
    deactivatedAt: instant("deactivated_at"),
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

// An owner's invitation to join the studio as a trainer. Only the SHA-256 of the emailed token
// is stored; a resend replaces it (the old link stops working). At most one invite per address
// and studio waits at a time; an accepted or revoked one stays as the record of who joined.
export const staffInvites = pgTable(
  "staff_invites",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    email: text("email").notNull(),
    invitedByMemberId: uuid("invited_by_member_id").notNull().references(() => studioMembers.id),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: instant("expires_at").notNull(),
    acceptedAt: instant("accepted_at"),
    /** The membership the invite became. */
    memberId: uuid("member_id").references(() => studioMembers.id),
    revokedAt: instant("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("staff_invites_studio_idx").on(t.studioId, t.createdAt),
    uniqueIndex("staff_invites_waiting_unique").on(t.studioId, t.email).where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    check("staff_invites_email_lowercase", sql`${t.email} = lower(${t.email})`),
    check("staff_invites_one_end", sql`${t.acceptedAt} is null or ${t.revokedAt} is null`),
    check("staff_invites_accepted_member", sql`(${t.acceptedAt} is null) = (${t.memberId} is null)`),
  ],
);

export type Studio = typeof studios.$inferSelect;
export type StaffInvite = typeof staffInvites.$inferSelect;
export type StudioLogo = typeof studioLogos.$inferSelect;
export type User = typeof users.$inferSelect;
export type StudioMember = typeof studioMembers.$inferSelect;
export type Client = typeof clients.$inferSelect;
export type NewClient = typeof clients.$inferInsert;
