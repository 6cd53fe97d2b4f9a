// A run's page (issue 19, part 5): a run read from the watch's file, seen by the client on a
// phone with its chart, splits and route, its note corrected there, and the trainer at a desk
// seeing the same page with the note. The run is put in the database as the import would
// write it (a runs row from a file and its track), so this story needs no reader. It runs its
// own `npm start` on a fresh demo folder: stopped once to write the rows (one process per
// PGlite folder), then started again.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { sampleFileRunFigures, sampleRunTrack } from "../test/run-track";
import { expectAccessible, signIn } from "./fixtures";
import { AppServer } from "./fixtures/app-server";

const shots = process.env.SHOTS;
const CLIENT = "bea@stride.test";
const TRAINER = "morgan@stride.test";
let server: AppServer;
let dataDir: string;
let runId: string;

test.describe.configure({ mode: "serial", timeout: 240_000 });

async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** Bea's 8 km run of an hour ago from her watch's file, written as the import writes it. */
async function seedFileRun(folder: string): Promise<string> {
  const db = await PGlite.create(folder, { extensions: { btree_gist } });
  try {
    const found = await db.query<{ id: string; studio_id: string }>(`select c.id, c.studio_id from clients c join users u on u.id = c.user_id where u.email = $1`, [CLIENT]);
    const client = found.rows[0]!;
    const id = randomUUID();
    const track = sampleRunTrack();
    const f = sampleFileRunFigures(track);
    const startedAt = new Date(Date.now() - 3_600_000 - f.elapsedS * 1000);
    await db.query(
      `insert into runs (id, studio_id, client_id, started_at, local_date, distance_m, duration_s, source, elapsed_s, elevation_gain_m, avg_heart_rate, max_heart_rate,
         avg_cadence_spm, avg_ground_contact_ms, ground_contact_balance_left, avg_vertical_oscillation_mm, avg_stride_length_mm, device)
       values ($1, $2, $3, $4::timestamptz, ($4::timestamptz at time zone 'Europe/London')::date, $5, $6, 'file', $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [id, client.studio_id, client.id, startedAt.toISOString(), f.distanceM, f.durationS, f.elapsedS, f.elevationGainM, f.avgHeartRate, f.maxHeartRate, f.avgCadenceSpm, f.avgGroundContactMs, f.groundContactBalanceLeft, f.avgVerticalOscillationMm, f.avgStrideLengthMm, f.device],
    );
    await db.query(`insert into run_tracks (run_id, studio_id, client_id, data) values ($1, $2, $3, $4::jsonb)`, [id, client.studio_id, client.id, JSON.stringify(track)]);
    return id;
  } finally {
    await db.close();
  }
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dataDir = path.join(process.cwd(), ".data", `e2e-run-page-${randomUUID().slice(0, 8)}`);
  server = await AppServer.onFreePort({ STRIDE_DATA_DIR: dataDir, DATABASE_URL: "" });
  // The first start migrates and seeds the demo; the rows go in while no server holds the folder.
  await server.start();
  await server.stop();
  runId = await seedFileRun(path.join(dataDir, "pglite"));
  await server.start();
});

test.afterAll(async () => {
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function signedIn(browser: Browser, email: string, width: number, timezoneId: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width, height: 900 }, hasTouch: width < 500, timezoneId });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).not.toHaveURL(/sign-in/);
  return page;
}

test("the client opens a run from their watch, sees its chart, splits and route, and corrects its note; the trainer sees the same page with the note", async ({ browser }) => {
  const client = await signedIn(browser, CLIENT, 390, "Europe/London");
  await client.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "History" }).click();
  const article = client.getByRole("article").filter({ hasText: "8.00 km in" });
  await article.getByRole("link", { name: "Open or edit the run" }).click();
  await expect(client).toHaveURL(new RegExp(`/portal/runs/${runId}$`));
  const main = client.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: /^Run at / })).toBeVisible();

  // The summary, with the running dynamics worded plainly.
  const summary = main.getByRole("definition");
  await expect(main.getByText("Ground contact balance")).toBeVisible();
  await expect(summary.filter({ hasText: "49.2 % left / 50.8 % right" })).toBeVisible();
  await expect(summary.filter({ hasText: "Garmin Forerunner 255, from a file" })).toBeVisible();
  await expect(summary.filter({ hasText: "241 ms" })).toBeVisible();

  // The chart (with its words), the splits per kilometre, the route.
  await expect(main.getByRole("heading", { name: "Pace and heart rate" })).toBeVisible();
  await expect(main.getByRole("figure")).toContainText(/Pace over 8\.00 km: .* Heart rate from \d+ to \d+ bpm\./);
  await expect(main.locator(".recharts-surface")).toBeVisible();
  const splits = main.getByRole("table", { name: "Splits per kilometre" });
  await expect(splits.getByRole("row")).toHaveCount(9);
  await expect(splits.getByRole("rowheader", { name: "8", exact: true })).toBeVisible();
  await expect(main.getByRole("img", { name: /^The route drawn from the watch's positions/ })).toBeVisible();
  // Nothing scrolls sideways on a phone (the chart sizes itself to its box once it has drawn).
  await expect.poll(() => client.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(client, "run-page-client-390");
  await expectAccessible(client);

  // A file run's distance and time are the watch's: the form says so and offers only the rest.
  const form = main.getByRole("form", { name: "Edit the run" });
  await expect(form).toContainText("its start, distance and time are the watch's");
  await expect(form.getByLabel(/^Distance/)).toHaveCount(0);
  await form.getByLabel("Note about the run").fill("Negative split round the park, felt easy.");
  await form.getByRole("radio", { name: "Effort 5" }).check({ force: true });
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(main.getByRole("status").filter({ hasText: "Run updated." })).toBeVisible();
  await expect(main.getByText("Negative split round the park, felt easy.", { exact: true }).first()).toBeVisible();
  await client.setViewportSize({ width: 1280, height: 900 });
  await shot(client, "run-page-client-1280");
  await client.context().close();

  const trainer = await signedIn(browser, TRAINER, 1280, "Europe/London");
  await trainer.goto(`/dashboard/runs/${runId}`);
  const desk = trainer.getByRole("main");
  await expect(desk.getByRole("heading", { level: 1, name: /: run$/ })).toBeVisible();
  await expect(desk.getByText("Client's note")).toBeVisible();
  await expect(desk.getByText("Negative split round the park, felt easy.", { exact: true })).toBeVisible();
  await expect(desk.getByRole("definition").filter({ hasText: "49.2 % left / 50.8 % right" })).toBeVisible();
  await expect(desk.getByRole("table", { name: "Splits per kilometre" }).getByRole("row")).toHaveCount(9);
  await expect(desk.getByRole("img", { name: /^The route drawn/ })).toBeVisible();
  await expect(desk.locator(".recharts-surface")).toBeVisible();
  await shot(trainer, "run-page-trainer-1280");
  await expectAccessible(trainer);
  await trainer.setViewportSize({ width: 390, height: 844 });
  // The chart follows the narrower box on its next resize observation.
  await expect.poll(() => trainer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(trainer, "run-page-trainer-390");
  await trainer.context().close();
});

test("a typed run's page shows its summary only, with no empty chart, and a typed run's edit takes its distance", async ({ browser }) => {
  const client = await signedIn(browser, CLIENT, 390, "Europe/London");
  await client.goto("/portal/run");
  await client.getByLabel("Distance (kilometres)").fill("5");
  await client.getByLabel("Minutes").fill("28");
  await client.getByLabel("Note about the run").fill("Typed after a treadmill run.");
  await client.getByRole("button", { name: /^Save run/ }).click();
  await expect(client.getByRole("main").getByRole("status").filter({ hasText: "Run saved" })).toBeVisible();
  await client.goto("/portal/history");
  await client.getByRole("article").filter({ hasText: "Typed after a treadmill run." }).getByRole("link", { name: "Open or edit the run" }).click();
  const main = client.getByRole("main");
  await expect(main.getByRole("definition").filter({ hasText: "Typed" })).toBeVisible();
  await expect(main.getByRole("heading", { name: "Pace and heart rate" })).toHaveCount(0);
  await expect(main.getByRole("table")).toHaveCount(0);
  await expect(main.locator(".recharts-surface")).toHaveCount(0);
  const form = main.getByRole("form", { name: "Edit the run" });
  await form.getByLabel("Distance (kilometres)").fill("five");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByText(/Enter the distance as a number of kilometres/).first()).toBeVisible();
  await form.getByLabel("Distance (kilometres)").fill("5.4");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(main.getByRole("status").filter({ hasText: "Run updated." })).toBeVisible();
  await expect(main.getByRole("definition").filter({ hasText: "5.40 km" })).toBeVisible();
  await shot(client, "run-page-typed-390");
  await client.context().close();
});
