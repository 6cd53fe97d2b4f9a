// Issue 22's budget: 10 parallel 50 MB form-check uploads on 2 cores keep the today read's p95
// within 2× of its idle figure. The realistic studio (bench/seed/studio.ts) in a PGlite folder,
// served by the production build as users get it (`npm start`); the uploads go through the real
// tus route with tus-js-client in Node, as the phone's browser sends them (8 MB chunks), each to
// a side of a drill its client logged. The video is made at bench time with ffmpeg: 20 s of
// 720p at a constant 20 Mbit/s, which passes the route's file-type and 60-second checks and
// gives the job queue a real copy to make. The today read is asked by signed-in clients, one
// request after another, idle and then while the uploads run; the transcode queue's drain time
// (last upload done → every video ready) is printed beside it.
//   npm run bench video-uploads
//   BENCH_CLIENTS=100 (a smaller studio, for a quick run; the figure of record uses the default 500)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import * as tus from "tus-js-client";
import { hashPassword } from "../src/server/auth/password";
import { openPglite, type Db } from "../src/server/db/client";
import { rowsOf } from "../src/server/db/raw-rows";
import { clients, users } from "../src/server/db/schema";
import { freePort } from "../e2e/fixtures/app-server";
import { measure, percentile, printColumns } from "./lib";
import { CLIENTS, seed } from "./seed/studio";
import { batchQueryPath, expectOk, signIn } from "./stack/http";
import { startStride } from "./stack/stride-server";

const UPLOADS = 10;
const UPLOAD_SECONDS = 20;
const BITRATE = "20M";
const CHUNK_BYTES = 8 * 1024 * 1024;
const READERS = 20;
const IDLE_REQUESTS = 300;
const RATIO_BUDGET = 2;
const DRAIN_LIMIT_MS = 20 * 60_000;
const PASSWORD = "bench-password";
const TODAY_PATH = batchQueryPath([{ path: "portal.today" }]);

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-bench-videos-"));
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

type Person = { email: string; userId: string };
type Target = Person & { sessionId: string; drillId: string; setNumber: number; side: string };

/** The video every upload sends (one file, ten uploads of it). */
function makeVideo(): Buffer {
  const file = path.join(workDir, "fifty-megabytes.mp4");
  execFileSync("ffmpeg", [
    ...["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-t", String(UPLOAD_SECONDS)],
    ...["-c:v", "libx264", "-preset", "ultrafast", "-b:v", BITRATE, "-minrate", BITRATE, "-maxrate", BITRATE, "-bufsize", "4M", "-x264-params", "nal-hrd=cbr"],
    ...["-pix_fmt", "yuv420p", "-movflags", "+faststart", file],
  ]);
  return fs.readFileSync(file);
}

/** Seeds the studio; READERS clients read their today, and UPLOADS clients each film a side they logged. */
async function prepare(db: Db): Promise<{ readers: Person[]; targets: Target[] }> {
  const started = performance.now();
  const { studioId, clientIds, counts } = await seed(db, { clients: Number(process.env.BENCH_CLIENTS ?? CLIENTS) });
  log(`seeded ${counts.entries} entries, ${counts.sessions} sessions in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const readers = await db
    .select({ email: users.email, userId: users.id })
    .from(clients)
    .innerJoin(users, eq(users.id, clients.userId))
    .where(and(eq(clients.studioId, studioId), inArray(clients.id, clientIds.slice(0, READERS))));
  // The newest logged entry of UPLOADS other clients: what each of them films.
  const targets = (
    await rowsOf<{ email: string; user_id: string; session_id: string; drill_id: string; set_number: number; side: string }>(
      db,
      sql`select distinct on (e.client_id) u.email, u.id::text as user_id, e.session_id::text as session_id, e.drill_id::text as drill_id, e.set_number, e.side
          from practice_entries e join clients c on c.id = e.client_id join users u on u.id = c.user_id
          where e.studio_id = ${studioId}::uuid and e.client_id not in (${sql.join(clientIds.slice(0, READERS).map((id) => sql`${id}::uuid`), sql`, `)})
          order by e.client_id, e.local_date desc limit ${UPLOADS}`,
    )
  ).map((r) => ({ email: r.email, userId: r.user_id, sessionId: r.session_id, drillId: r.drill_id, setNumber: r.set_number, side: r.side }));
  if (targets.length < UPLOADS) throw new Error(`The seed has only ${targets.length} clients with logged entries to film.`);
  const passwordHash = await hashPassword(PASSWORD);
  await db.update(users).set({ passwordHash }).where(inArray(users.id, [...readers, ...targets].map((p) => p.userId)));
  return { readers, targets };
}

/** One upload through the tus route; resolves with the video's id (the last segment of its upload URL). */
function uploadVideo(url: string, cookie: string, file: Buffer, target: Target): Promise<string> {
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(file, {
      endpoint: `${url}/api/uploads/videos`,
      headers: { cookie, origin: url },
      metadata: { sessionId: target.sessionId, drillId: target.drillId, setNumber: String(target.setNumber), side: target.side, filename: "knee-drive.mp4", filetype: "video/mp4" },
      chunkSize: CHUNK_BYTES,
      retryDelays: [],
      storeFingerprintForResuming: false,
      onSuccess: () => resolve(upload.url!.split("/").pop()!),
      onError: (error) => reject(new Error(`upload by ${target.email} refused: ${(error as tus.DetailedError).originalResponse?.getBody() ?? error.message}`)),
    });
    upload.start();
  });
}

async function videoStatus(url: string, cookie: string, videoId: string): Promise<string> {
  const res = await fetch(`${url}${batchQueryPath([{ path: "video.get", input: { videoId } }])}`, { headers: { cookie } });
  await expectOk(res.clone(), "video.get");
  const [answer] = (await res.json()) as { result: { data: { json: { status: string } } } }[];
  return answer!.result.data.json.status;
}

async function run() {
  log(`making a ${UPLOAD_SECONDS} s video at ${BITRATE}bit/s`);
  const file = makeVideo();
  log(`video: ${(file.length / 1e6).toFixed(1)} MB`);

  const dataDir = path.join(workDir, "pglite-data");
  const database = await openPglite(path.join(dataDir, "pglite"));
  let prepared: Awaited<ReturnType<typeof prepare>>;
  try {
    await database.migrate();
    prepared = await prepare(database.db);
  } finally {
    await database.close();
  }

  log("starting Stride on the seeded PGlite folder");
  const stride = await startStride({ port: await freePort(), dataDir, logFile: path.join(workDir, "stride.log") });
  try {
    const readerCookies: string[] = [];
    for (const r of prepared.readers) readerCookies.push(await signIn(stride.url, r.email, PASSWORD));
    const uploaderCookies: string[] = [];
    for (const t of prepared.targets) uploaderCookies.push(await signIn(stride.url, t.email, PASSWORD));
    let next = 0;
    const today = async () => expectOk(await fetch(`${stride.url}${TODAY_PATH}`, { headers: { cookie: readerCookies[next++ % readerCookies.length]! } }), "portal.today");

    const idle = await measure(IDLE_REQUESTS, today, 50);
    log(`today read idle: p50 ${idle.p50.toFixed(1)} ms, p95 ${idle.p95.toFixed(1)} ms`);

    const started = performance.now();
    let uploading = true;
    const uploads = Promise.all(prepared.targets.map((t, i) => uploadVideo(stride.url, uploaderCookies[i]!, file, t))).finally(() => (uploading = false));
    const during: number[] = [];
    while (uploading) {
      const t0 = performance.now();
      await today();
      during.push(performance.now() - t0);
    }
    const videoIds = await uploads;
    const uploadedMs = performance.now() - started;
    log(`${UPLOADS} uploads of ${(file.length / 1e6).toFixed(1)} MB done in ${(uploadedMs / 1000).toFixed(1)} s; ${during.length} today reads meanwhile`);

    // The transcode queue: every video leaves "processing" once its copy and poster are made.
    const drainStarted = performance.now();
    // The today read is asked meanwhile too: ffmpeg shares the two cores with the server.
    const statuses = new Map<string, string>();
    const whileDraining: number[] = [];
    let askedAt = 0;
    while (performance.now() - drainStarted < DRAIN_LIMIT_MS) {
      if (performance.now() - askedAt >= 1000) {
        askedAt = performance.now();
        for (const [i, id] of videoIds.entries()) if (statuses.get(id) !== "ready" && statuses.get(id) !== "failed") statuses.set(id, await videoStatus(stride.url, uploaderCookies[i]!, id));
        if ([...statuses.values()].every((s) => s === "ready" || s === "failed") && statuses.size === videoIds.length) break;
      }
      const t0 = performance.now();
      await today();
      whileDraining.push(performance.now() - t0);
    }
    const drainMs = performance.now() - drainStarted;
    const failed = [...statuses.values()].filter((s) => s === "failed").length;
    const pending = [...statuses.values()].filter((s) => s !== "ready" && s !== "failed").length;
    log(`transcode queue drained in ${(drainMs / 1000).toFixed(1)} s (${failed} failed, ${pending} still processing)`);
    return { idle, drainingP95: percentile(whileDraining, 95), drainingCount: whileDraining.length, duringP50: percentile(during, 50), duringP95: percentile(during, 95), duringCount: during.length, uploadedMs, drainMs, failed, pending, bytes: file.length };
  } finally {
    await stride.stop();
  }
}

let f: Awaited<ReturnType<typeof run>>;
try {
  f = await run();
} catch (error) {
  console.error(error, `\nlogs in ${workDir}`);
  process.exit(1);
}
fs.rmSync(workDir, { recursive: true, force: true });

const ratio = f.duringP95 / f.idle.p95;
const mb = (f.bytes / 1e6).toFixed(1);
printColumns(`Form-check uploads (issue 22), PGlite, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`, ["PGlite"], [
  { figure: "today read p95, idle", values: [`${f.idle.p95.toFixed(1)} ms`], budget: "-", pass: null },
  { figure: `today read p95 during ${UPLOADS} × ${mb} MB uploads (${f.duringCount} reads)`, values: [`${f.duringP95.toFixed(1)} ms`], budget: "-", pass: null },
  { figure: `today read p95 during ${UPLOADS} × 50 MB uploads ÷ idle`, values: [ratio.toFixed(2)], budget: `≤ ${RATIO_BUDGET}×`, pass: ratio <= RATIO_BUDGET },
  { figure: `today read p95 while the transcode queue drains (${f.drainingCount} reads) ÷ idle`, values: [(f.drainingP95 / f.idle.p95).toFixed(2)], budget: "-", pass: null },
  { figure: `${UPLOADS} parallel uploads, first byte → last done`, values: [`${(f.uploadedMs / 1000).toFixed(1)} s`], budget: "-", pass: null },
  { figure: "transcode queue drain (last upload done → all ready)", values: [f.pending ? `> ${(f.drainMs / 1000).toFixed(0)} s (${f.pending} left)` : `${(f.drainMs / 1000).toFixed(1)} s${f.failed ? `, ${f.failed} failed` : ""}`], budget: "-", pass: null },
]);
