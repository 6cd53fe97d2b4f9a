import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant } from "./_columns";
import { studios, users } from "./studios";

// A device a person allowed to receive push notifications: the push service's endpoint and the
// keys that encrypt for it. It belongs to the person (a login is not a studio's), so it carries
// no studio; the endpoint is unique, and a second subscribe of one device moves it to whoever
// subscribed last.
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: id(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    endpoint: text("endpoint").notNull().unique(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    /** "Chrome on Android", as the person recognises the device in their settings. */
    label: text("label").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("push_subscriptions_user_idx").on(t.userId), check("push_subscriptions_endpoint_length", sql`char_length(${t.endpoint}) <= 2000`)],
);

// Everything a person was told, whether it reached a device (`pushed_at`), went out in an email
// digest (`digested_at`), or was seen in the app first (`seen_at`: never digested then).
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    url: text("url").notNull(),
    createdAt: createdAt(),
    seenAt: instant("seen_at"),
    pushedAt: instant("pushed_at"),
    digestedAt: instant("digested_at"),
  },
  (t) => [index("notifications_studio_user_created_idx").on(t.studioId, t.userId, t.createdAt), index("notifications_user_created_idx").on(t.userId, t.createdAt)],
);

// A kind a person turned off (or back on); no row: push on, the default.
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    pushEnabled: boolean("push_enabled").notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
