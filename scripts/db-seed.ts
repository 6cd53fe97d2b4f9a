// `npm run db:seed`: migrate, then seed the demo studio unless it is already there.
import { openConfiguredDatabase } from "../src/server/db/client";
import { seedDemo } from "../src/server/seed";

const database = await openConfiguredDatabase();
try {
  await database.migrate();
  console.log((await seedDemo(database.db)) ? "Seeded the demo studio." : "The demo studio is already there; nothing to do.");
} finally {
  await database.close();
}
