import { execFileSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";
import { freePortSync } from "./e2e/fixtures/app-server";

// A free port unless E2E_PORT names one: a fixed port that another server held made the
// stories talk to that server. The runner picks it once; its workers inherit E2E_PORT. Should
// the port be taken meanwhile, the server refuses to start, naming it.
process.env.E2E_PORT ??= String(freePortSync());
const port = Number(process.env.E2E_PORT);
// The PostgreSQL stories (faults, a studio from scratch) need a server to create their
// databases on. npm test sets this; a bare `npx playwright test` gets the same server here
// rather than skipping them, and fails with the script's sentence when there is none.
process.env.TEST_PG_ADMIN_URL ??= execFileSync("bash", ["scripts/ensure-postgres.sh"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
export const baseURL = `http://127.0.0.1:${port}`;

// Drives the real production build on a fresh embedded database (folder wiped per run),
// in Debian's Chromium. No retries: a flaky test is a bug to fix, not to hide.
export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.e2e.ts",
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    reducedMotion: "reduce",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // Its log is a file the stories read, as an operator reads the log: without a mail server,
    // sign-in links and invites are written there (e2e/fixtures linkFromServerLog).
    command: "rm -rf .data/e2e && mkdir -p .data/e2e && tsx scripts/start.ts > .data/e2e/server.log",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    // The runner stands in for the reverse proxy, named by its address as an operator names
    // theirs: stories that give a browser its own address (sign-in's lock-out) send
    // X-Forwarded-For as that proxy would. e2e/client-address.e2e.ts runs servers without it.
    // The app runs on its own fresh PGlite; E2E_DATABASE_URL (an empty PostgreSQL database) runs the same stories on PostgreSQL.
    env: { PORT: String(port), STRIDE_DATA_DIR: ".data/e2e", APP_URL: baseURL, TRUST_PROXY: "127.0.0.1", STRIDE_DEMO: "1", DATABASE_URL: process.env.E2E_DATABASE_URL ?? "" },
  },
});
