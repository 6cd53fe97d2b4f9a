// `npm run db:migrate`: apply drizzle/ to the configured database (PGlite or DATABASE_URL).
import { openConfiguredDatabase } from "../src/server/db/client";

const database = await openConfiguredDatabase();
try {
  await database.migrate();
  console.log(`Migrations applied (${database.kind}).`);
} finally {
  await database.close();
}
