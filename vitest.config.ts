import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve("src"), "~test": path.resolve("test") };

// Three kinds of test, told apart by file suffix: `*.test.ts` are pure and fast;
// `*.integration.test.ts` run against a migrated database, once on PGlite and once on
// PostgreSQL (TEST_DB chooses); `e2e/*.e2e.ts` belong to Playwright, not vitest.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "test/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["src/**/*.integration.test.ts", "test/**/*.integration.test.ts"],
          environment: "node",
          globalSetup: ["test/global-setup.ts"],
          // next-auth imports "next/server" the way Next's bundler resolves it; Node's ESM
          // loader would not, so vite resolves it (src/server/auth/auth-routes.integration.test.ts).
          server: { deps: { inline: ["next-auth"] } },
          // Two workers on the 2-core machine (vitest's default there is one): every file has
          // its own database on either driver (test/db.ts), so files may run side by side.
          maxWorkers: Number(process.env.TEST_WORKERS) || 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
