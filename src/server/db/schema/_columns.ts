import { timestamp, uuid } from "drizzle-orm/pg-core";

// Instants are always timestamptz; local dates are shown in the viewer's zone, never stored.
export const id = () => uuid("id").primaryKey().defaultRandom();
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const instant = (name: string) => timestamp(name, { withTimezone: true });
