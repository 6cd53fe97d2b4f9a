import postgres from "postgres";

/**
 * A new, empty database on the PostgreSQL server `adminUrl` names (the test server that
 * scripts/ensure-postgres.sh starts), named `<prefix>_<time>_<random>`: its URL, and `drop` to
 * remove it with any connections still open.
 */
export async function createPgDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch (error) {
    await admin.end();
    throw error;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
