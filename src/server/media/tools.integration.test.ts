import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestVideo } from "~test/video-fixtures";
import { probeDurationMs, systemTools } from "./tools";

// The length the 60-second limit is checked against, as ffprobe reads it from real files.

const run = promisify(execFile);
let folder = "";
beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), "stride-probe-"));
});
afterAll(() => fs.rm(folder, { recursive: true, force: true }));

describe("a video's length", () => {
  it("is read from an MP4's header", async () => {
    const ms = await probeDurationMs(systemTools, await makeTestVideo(folder, { seconds: 3 }));
    expect(ms).toBeGreaterThanOrEqual(2900);
    expect(ms).toBeLessThanOrEqual(3100);
  });

  it("is the last frame's time in a WebM written as it was filmed (MediaRecorder writes no length)", async () => {
    const file = path.join(folder, "recorded.webm");
    // Written to a pipe, as a recorder streams it: the muxer cannot go back to write the length.
    const { stdout } = await run("ffmpeg", ["-v", "error", "-nostdin", "-f", "lavfi", "-i", "testsrc=duration=4:size=160x120:rate=15", "-c:v", "libvpx", "-b:v", "200k", "-f", "webm", "pipe:1"], {
      encoding: "buffer",
      maxBuffer: 32 * 1024 * 1024,
      timeout: 120_000,
    });
    await fs.writeFile(file, stdout);
    const header = JSON.parse((await run("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "json", file])).stdout) as { format: { duration?: string } };
    expect(header.format.duration).toBeUndefined();
    const ms = await probeDurationMs(systemTools, file);
    expect(ms).toBeGreaterThanOrEqual(3800);
    expect(ms).toBeLessThanOrEqual(4000);
  });

  it("is nothing for a file that is not a video", async () => {
    const file = path.join(folder, "notes.mp4");
    await fs.writeFile(file, "%PDF-1.7 not a video");
    expect(await probeDurationMs(systemTools, file)).toBeNull();
  });
});
