// Prints the URL of a new, empty PostgreSQL database on the server TEST_PG_ADMIN_URL names (the
// one scripts/ensure-postgres.sh starts), for a test run that wants a database of its own.
import { createPgDatabase } from "../test/pg-database";

const adminUrl = process.env.TEST_PG_ADMIN_URL;
if (!adminUrl) {
  console.error("TEST_PG_ADMIN_URL is not set: run scripts/ensure-postgres.sh first and pass its URL.");
  process.exit(1);
}
const { url } = await createPgDatabase(adminUrl, (process.argv[2] ?? "stride_run").replace(/[^a-z0-9_]/gi, "_").toLowerCase());
console.log(url);
// The database stays for the run that asked for it; the connection to the server does not.
process.exit(0);
