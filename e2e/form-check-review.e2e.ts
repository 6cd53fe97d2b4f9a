// Issue 22, items 2 and 3: the trainer watches a client's form-check video of the Knee Drive in
// slow motion, steps frames, and pins "your left hip drops here" at 0:07; the client, on the
// phone, opens the session at that moment from the link and sees the marker and the comment,
// and both compare it with the video of a week before. The videos are real (ffmpeg at test
// time), uploaded through the tus route as the phone does, and processed by the real job.
// Changes only bea@'s data: two logged sessions (yesterday and a week before), their videos,
// and a message from Morgan.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, test, type BrowserContext } from "@playwright/test";
import * as tus from "tus-js-client";
import { baseURL } from "../playwright.config";
import { makeTestVideo } from "../test/video-fixtures";
import { expectAccessible, signIn, trpc } from "./fixtures";

// Bea does Knee Drive daily (Morgan's client); the other stories tell her logs apart by their notes.
const CLIENT = "bea@stride.test";
const TRAINER = "morgan@stride.test";
const shots = process.env.SHOTS;

async function signedIn(context: BrowserContext, email: string) {
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/(dashboard|portal)/);
  return page;
}


/** The client logs a Knee Drive session (both sides) done `daysAgo` days ago; answers its id. */
async function logKneeDrive(client: BrowserContext, drillId: string, daysAgo: number, seconds: number): Promise<string> {
  const id = randomUUID();
  const entries = (["left", "right"] as const).map((side) => ({ drillId, setNumber: 1, side, value: seconds }));
  await trpc(client, "session.log", { id, performedAt: new Date(Date.now() - daysAgo * 86_400_000 - 60_000), context: "standalone", effort: 6, hasPain: false, entries }, "post");
  return id;
}

/** Uploads a clip as the phone does (tus, resumable), attached to the left side of the session. */
async function uploadLeftSide(client: BrowserContext, file: string, sessionId: string, drillId: string): Promise<void> {
  const cookie = (await client.cookies(baseURL)).map((c) => `${c.name}=${c.value}`).join("; ");
  const bytes = await fs.readFile(file);
  await new Promise<void>((resolve, reject) => {
    new tus.Upload(bytes, {
      endpoint: `${baseURL}/api/uploads/videos`,
      metadata: { sessionId, drillId, setNumber: "1", side: "left", filename: path.basename(file), filetype: "video/mp4" },
      headers: { origin: baseURL, cookie },
      retryDelays: [],
      storeFingerprintForResuming: false,
      onSuccess: () => resolve(),
      onError: reject,
    }).start();
  });
}

type VideoRow = { id: string; status: string; durationMs: number | null };

async function readyVideo(client: BrowserContext, sessionId: string, drillId: string): Promise<VideoRow> {
  let video: VideoRow | undefined;
  await expect
    .poll(
      async () => {
        [video] = await trpc<VideoRow[]>(client, "video.forEntry", { sessionId, drillId, side: "left" }, "get");
        return video?.status;
      },
      { message: "the job makes the phone-friendly copy", timeout: 90_000, intervals: [1000] },
    )
    .toBe("ready");
  return video!;
}

test("the trainer pins a comment to 0:07 in slow motion; the client sees the marker and compares with last week", async ({ browser }) => {
  test.setTimeout(240_000);
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), "stride-review-e2e-"));
  const client = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, timezoneId: "Europe/London", extraHTTPHeaders: { Origin: baseURL } });
  const trainer = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: "Europe/London", extraHTTPHeaders: { Origin: baseURL } });
  try {
    const phone = await signedIn(client, CLIENT);
    const today = await trpc<{ drills: { drill: { id: string; name: string } }[] }>(client, "portal.today", undefined, "get");
    const kneeDrive = today.drills.find((d) => d.drill.name === "Knee Drive")!.drill.id;

    // Yesterday and a week before, each with a ten-second video of the left side.
    const lastWeek = await logKneeDrive(client, kneeDrive, 8, 18);
    const sessionId = await logKneeDrive(client, kneeDrive, 1, 24);
    await uploadLeftSide(client, await makeTestVideo(folder, { seconds: 10, name: "last-week.mp4" }), lastWeek, kneeDrive);
    await uploadLeftSide(client, await makeTestVideo(folder, { seconds: 10, name: "today.mp4" }), sessionId, kneeDrive);
    await readyVideo(client, lastWeek, kneeDrive);
    const video = await readyVideo(client, sessionId, kneeDrive);
    expect(video.durationMs).toBeGreaterThanOrEqual(9_500);

    // The trainer watches at half speed and steps frames.
    const desk = await signedIn(trainer, TRAINER);
    await desk.goto(`/dashboard/sessions/${sessionId}`);
    const videos = desk.getByRole("region", { name: "Knee Drive videos" });
    await expect(videos.getByRole("heading", { name: "Left side" })).toBeVisible();
    const player = videos.getByLabel(/^Set 1, left side/);
    await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
    await videos.getByRole("button", { name: "Play at 0.5× speed" }).click();
    await expect(videos.getByRole("button", { name: "Play at 0.5× speed" })).toHaveAttribute("aria-pressed", "true");
    await videos.getByRole("button", { name: "Play the video" }).click();
    await expect.poll(() => player.evaluate((v: HTMLVideoElement) => ({ rate: v.playbackRate, playing: !v.paused }))).toEqual({ rate: 0.5, playing: true });
    await videos.getByRole("button", { name: "Pause the video" }).click();
    // To the wobble by the keyboard (a tenth of a second a press), then a frame each way.
    const position = videos.getByLabel("Position in the video");
    await position.focus();
    await position.press("Home");
    for (let i = 0; i < 70; i++) await position.press("ArrowRight");
    await expect(videos.getByTestId("current-time")).toHaveText("0:07.0");
    const before = await player.evaluate((v: HTMLVideoElement) => v.currentTime);
    await videos.getByRole("button", { name: "Forward one frame" }).click();
    await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(before + 1 / 30, 2);
    await expect(videos.getByTestId("current-time")).toHaveText("0:07.0");
    for (let i = 0; i < 3; i++) await videos.getByRole("button", { name: "Forward one frame" }).click();
    await expect(videos.getByTestId("current-time")).toHaveText("0:07.1");
    for (let i = 0; i < 4; i++) await videos.getByRole("button", { name: "Back one frame" }).click();
    await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(before, 2);
    // The comment form takes the player's moment.
    await expect(videos.getByRole("button", { name: "Comment at 0:07" })).toBeVisible();

    // A moment past the end is refused with a sentence; then the comment at 0:07.
    const form = videos.getByRole("form", { name: "Comment at a moment" });
    await form.getByLabel("At (m:ss)").fill("0:25");
    await form.getByLabel("What you see").fill("your left hip drops here");
    await form.getByRole("button", { name: "Comment at 0:25" }).click();
    await expect(form.getByText("0:25 is not a moment of this video: it is 0:10 long.")).toBeVisible();
    await form.getByLabel("At (m:ss)").fill("0:07");
    await form.getByRole("button", { name: "Comment at 0:07" }).click();
    await expect(videos.getByRole("button", { name: "Go to 0:07: your left hip drops here" })).toBeVisible();
    await expect(videos.getByRole("button", { name: "Comment at 0:07: your left hip drops here" })).toBeVisible();
    if (shots) await desk.screenshot({ path: `${shots}/review-1280.png`, fullPage: true });
    await expectAccessible(desk);

    // The client reads it in the thread, and the push's link opens the session at 0:07.
    await phone.goto("/portal/messages");
    await expect(phone.getByText("0:07 — your left hip drops here")).toBeVisible();
    // The push opens the session at the moment (its link: src/server/media/comments.integration.test.ts).
    const link = `/portal/history/${sessionId}?video=${video.id}&t=7#video-${video.id}`;
    await phone.goto(link);
    const mine = phone.getByRole("region", { name: "Knee Drive videos" });
    const marker = mine.getByRole("button", { name: "Comment at 0:07: your left hip drops here" });
    await expect(marker).toBeVisible();
    await expect(mine.getByRole("status").filter({ hasText: "0:07 — your left hip drops here" })).toBeVisible();
    await expect(mine.getByTestId("current-time")).toHaveText("0:07.0");
    await expect(mine.getByRole("form", { name: "Comment at a moment" })).toHaveCount(0);
    const box = await marker.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(44);

    // Side by side with last week's: one play for both, each labelled with its day.
    await mine.getByRole("button", { name: "Compare with an earlier video" }).click();
    const pair = mine.getByRole("group", { name: "Two videos side by side" });
    await expect(pair.locator("video")).toHaveCount(2);
    await expect(pair.locator("figcaption")).toHaveCount(2);
    await pair.getByRole("button", { name: "Play at 0.25× speed" }).click();
    await pair.getByRole("button", { name: "Play both videos" }).click();
    await expect.poll(() => pair.locator("video").evaluateAll((vs) => (vs as HTMLVideoElement[]).map((v) => [v.playbackRate, v.paused]))).toEqual([
      [0.25, false],
      [0.25, false],
    ]);
    await pair.getByRole("button", { name: "Pause both videos" }).click();
    if (shots) await phone.screenshot({ path: `${shots}/review-390.png`, fullPage: true });
    await expectAccessible(phone);
  } finally {
    await client.close();
    await trainer.close();
    await fs.rm(folder, { recursive: true, force: true });
  }
});
