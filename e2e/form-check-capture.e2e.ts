import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { makeTestVideo } from "../test/video-fixtures";
import { expectAccessible, signIn } from "./fixtures";

// Hana (Asia/Tokyo, the desk-bound programme with the Knee Drive) logs nothing in the other
// stories. Issue 22, item 1: a client films one side of a drill from the logger on a phone, the
// upload goes in the background, resumes after a dropped connection, and a file that is not a
// video is refused with the server's sentence. Chromium's fake camera stands in for a phone's.
const CLIENT = "hana@stride.test";
const shots = process.env.SHOTS;

test.use({
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  timezoneId: "Asia/Tokyo",
  permissions: ["camera"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
  },
});

async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** A clip that does not compress (noise over the test pattern): megabytes for a few seconds, so it goes in several parts. */
async function noisyClip(name: string): Promise<string> {
  const file = path.join(clips, name);
  await promisify(execFile)("ffmpeg", ["-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i", "testsrc=duration=6:size=640x360:rate=15,noise=alls=60:allf=t", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", file], { timeout: 120_000 });
  return file;
}

let clips: string;
test.beforeAll(async () => {
  clips = await fs.mkdtemp(path.join(os.tmpdir(), "stride-capture-"));
});
test.afterAll(async () => {
  await fs.rm(clips, { recursive: true, force: true });
});

/** Logs both sides of the Knee Drive and saves; the logger then offers to film each side. */
async function logKneeDrive(page: Page, left: string, right: string) {
  await signIn(page, CLIENT);
  await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
  await page.goto("/portal/log");
  const knee = page.getByRole("group", { name: "Knee Drive" });
  await knee.getByLabel("Left side seconds").fill(left);
  await knee.getByLabel("Right side seconds").fill(right);
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Session saved" })).toBeVisible();
  return page.getByRole("region", { name: "Form-check videos" });
}

test("a client films the left side of the Knee Drive with the camera and picks a clip for the right; both become ready with a poster", async ({ page }) => {
  const videos = await logKneeDrive(page, "21", "14");
  const left = videos.getByRole("region", { name: "Left side of Knee Drive" });
  const right = videos.getByRole("region", { name: "Right side of Knee Drive" });

  // The first part of the recording is held back until the progress has been seen.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/uploads/videos/*", async (route) => {
    if (route.request().method() === "PATCH") await held;
    await route.continue();
  });

  await left.getByRole("button", { name: "Film left side" }).click();
  await expect(left.getByLabel("Camera preview")).toBeVisible();
  await left.getByRole("button", { name: "Start recording" }).click();
  await expect(left.getByRole("timer")).toHaveText(/Recording 0:03 of 1:00/);
  await shot(page, "capture-recording-390");
  await left.getByRole("button", { name: "Stop recording" }).click();

  const progress = left.getByRole("progressbar", { name: "Upload of the left side of Knee Drive" });
  await expect(progress).toBeVisible();
  await expect(left.getByRole("status").filter({ hasText: /^Uploading \d+%/ })).toBeVisible();
  await shot(page, "capture-uploading-390");
  // Let go: this part and the rest go through.
  release();

  await expect(left.getByText("Processing the video…")).toBeVisible();
  await expect(progress).toHaveCount(0);
  await expect(left.getByRole("img", { name: "Poster of the video of the left side of Knee Drive" })).toBeVisible({ timeout: 30_000 });
  await expect(left.getByText(/^Ready · 0:0[2-4]$/)).toBeVisible();

  // The right side from the gallery: a clip filmed earlier.
  const clip = await makeTestVideo(clips, { seconds: 3, name: "right-side.mp4" });
  const chooser = page.waitForEvent("filechooser");
  await right.getByRole("button", { name: "Choose a video of the right side of Knee Drive" }).click();
  await (await chooser).setFiles(clip);
  await expect(right.getByRole("img", { name: "Poster of the video of the right side of Knee Drive" })).toBeVisible({ timeout: 30_000 });
  await expect(right.getByText("Ready · 0:03")).toBeVisible();
  await shot(page, "capture-logger-ready-390");
  await expectAccessible(page);

  // The same videos on the session's page, where the client can remove one.
  await page.goto("/portal/history");
  await page.getByRole("link", { name: "Edit session" }).first().click();
  const onPage = page.getByRole("region", { name: "Form-check videos" });
  await expect(onPage.getByRole("img", { name: /^Poster of the video of/ })).toHaveCount(2);
  await shot(page, "capture-history-390");
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, "capture-history-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  const rightOnPage = onPage.getByRole("region", { name: "Right side of Knee Drive" });
  await rightOnPage.getByRole("button", { name: "Remove the video of the right side of Knee Drive" }).click();
  await rightOnPage.getByRole("button", { name: "Yes, remove it" }).click();
  await expect(rightOnPage.getByRole("img")).toHaveCount(0);
  await expect(rightOnPage.getByRole("button", { name: "Film right side" })).toBeEnabled();
  await page.reload();
  await expect(page.getByRole("region", { name: "Form-check videos" }).getByRole("img", { name: /^Poster of the video of/ })).toHaveCount(1);
});

test("an upload cut halfway resumes from the offset the server holds, and the server keeps one video", async ({ page }) => {
  test.setTimeout(120_000);
  // Big enough for three parts of 2 MB: the second part's connection is cut.
  const clip = await noisyClip("long-left.mp4");
  expect((await fs.stat(clip)).size).toBeGreaterThan(2 * 2 * 1024 * 1024);
  const videos = await logKneeDrive(page, "30", "26");
  const left = videos.getByRole("region", { name: "Left side of Knee Drive" });

  const patches: number[] = [];
  const heads: number[] = [];
  let isCut = false;
  await page.route("**/api/uploads/videos/*", async (route) => {
    const request = route.request();
    if (request.method() !== "PATCH") return route.continue();
    const offset = Number(await request.headerValue("upload-offset"));
    patches.push(offset);
    if (offset > 0 && !isCut) {
      isCut = true;
      return route.abort("connectionreset");
    }
    return route.continue();
  });
  page.on("response", (response) => {
    if (response.request().method() === "HEAD" && response.url().includes("/api/uploads/videos/")) heads.push(Number(response.headers()["upload-offset"]));
  });

  const chooser = page.waitForEvent("filechooser");
  await left.getByRole("button", { name: "Choose a video of the left side of Knee Drive" }).click();
  await (await chooser).setFiles(clip);
  await expect(left.getByRole("img", { name: "Poster of the video of the left side of Knee Drive" })).toBeVisible({ timeout: 45_000 });

  const part = 2 * 1024 * 1024;
  // The cut part was asked about (HEAD: how far did it get?) and sent again from there, not from 0.
  expect(heads).toEqual([part]);
  expect(patches.slice(0, 3)).toEqual([0, part, part]);
  expect(patches.filter((o) => o === 0)).toHaveLength(1);
  await expect(left.getByRole("button", { name: /^Remove the video/ })).toHaveCount(1);
  await page.goto("/portal/history");
  await page.getByRole("link", { name: "Edit session" }).first().click();
  await expect(page.getByRole("region", { name: "Form-check videos" }).getByRole("region", { name: "Left side of Knee Drive" }).getByRole("img")).toHaveCount(1);
});

test("a PDF renamed as a video is refused with the server's sentence, and nothing shows as uploaded", async ({ page }) => {
  const videos = await logKneeDrive(page, "18", "19");
  const right = videos.getByRole("region", { name: "Right side of Knee Drive" });
  const chooser = page.waitForEvent("filechooser");
  await right.getByRole("button", { name: "Choose a video of the right side of Knee Drive" }).click();
  await (await chooser).setFiles({ name: "knee-drive.mp4", mimeType: "video/mp4", buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".repeat(200)) });
  await expect(right.getByRole("alert")).toHaveText("This file is not a video. Choose a video you filmed (MP4, MOV or WebM). (This one is a PDF file.)");
  await expect(right.getByRole("img")).toHaveCount(0);
  await expect(right.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  await expect(right.getByRole("progressbar")).toHaveCount(0);
  await shot(page, "capture-refused-390");
  // Nor on the session's page: the refused upload left no video behind.
  await page.goto("/portal/history");
  await page.getByRole("link", { name: "Edit session" }).first().click();
  const onPage = page.getByRole("region", { name: "Right side of Knee Drive" });
  await expect(onPage.getByRole("button", { name: "Film right side" })).toBeEnabled();
  await expect(onPage.getByRole("img")).toHaveCount(0);
  await expect(onPage.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
});

test("a log still waiting on the phone says to film it once it is saved", async ({ page }) => {
  await signIn(page, CLIENT);
  await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
  await page.goto("/portal/log");
  await expect(page.getByRole("heading", { name: "Log drills", exact: true })).toBeVisible();
  await page.context().setOffline(true);
  const knee = page.getByRole("group", { name: "Knee Drive" });
  await knee.getByLabel("Left side seconds").fill("12");
  await knee.getByLabel("Right side seconds").fill("11");
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "No connection: the session is saved on this phone" })).toBeVisible();
  const videos = page.getByRole("region", { name: "Form-check videos" });
  await expect(videos).toContainText("Film it once this log is saved — it will sync when you are back online.");
  await expect(videos.getByRole("button", { name: /^Film/ })).toHaveCount(0);
  await page.context().setOffline(false);
});
