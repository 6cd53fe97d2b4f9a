import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
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
    env: { PORT: String(port), STRIDE_DATA_DIR: ".data/e2e", APP_URL: baseURL, TRUST_PROXY: "1", STRIDE_DEMO: "1", DATABASE_URL: "" },
  },
});
