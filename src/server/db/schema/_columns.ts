import { customType, timestamp, uuid } from "drizzle-orm/pg-core";

// Instants are always timestamptz; local dates are shown in the viewer's zone, never stored.
export const id = () => uuid("id").primaryKey().defaultRandom();
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const instant = (name: string) => timestamp(name, { withTimezone: true });

/** Bytes kept in the database (a logo, a message's photo): backed up and moved with the studio's rows. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  // postgres-js gives a Buffer, PGlite a Uint8Array: both read as a Buffer.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
