import { execFile } from "node:child_process";
import { promisify } from "node:util";

// ffprobe and ffmpeg (Debian's package, installed by the project's scripts). They run in the
// job queue and on a finished upload, never while a request waits on a page. Without them a
// video is served as uploaded (no copy, no poster) and its status says so.

const run = promisify(execFile);

export type MediaTools = { ffmpeg: string; ffprobe: string };
export const systemTools: MediaTools = { ffmpeg: "ffmpeg", ffprobe: "ffprobe" };

const available = new Map<string, Promise<boolean>>();
/** Whether the program runs at all (checked once per path and process). */
export function hasTool(program: string): Promise<boolean> {
  let known = available.get(program);
  if (!known) {
    known = run(program, ["-version"], { timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    available.set(program, known);
  }
  return known;
}

/** The video's duration in milliseconds, or null when ffprobe cannot read it as a video. */
export async function probeDurationMs(tools: MediaTools, file: string): Promise<number | null> {
  try {
    const { stdout } = await run(tools.ffprobe, ["-v", "error", "-select_streams", "v:0", "-show_entries", "format=duration:stream=codec_type", "-of", "json", file], { timeout: 60_000 });
    const probed = JSON.parse(stdout) as { format?: { duration?: string }; streams?: { codec_type?: string }[] };
    if (!probed.streams?.some((s) => s.codec_type === "video")) return null;
    const seconds = probed.format?.duration === undefined ? await lastFrameSeconds(tools, file) : Number(probed.format.duration);
    return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : null;
  } catch {
    return null;
  }
}

/**
 * A browser's MediaRecorder writes a WebM as it films, with no length in its header: the length
 * is then the time of its last frame, read from the packets (demuxing only, no decoding).
 */
async function lastFrameSeconds(tools: MediaTools, file: string): Promise<number> {
  const { stdout } = await run(tools.ffprobe, ["-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time", "-of", "csv=p=0", file], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  const times = stdout.split("\n").map(Number).filter((t) => Number.isFinite(t));
  return times.length ? Math.max(...times) : NaN;
}

// The copy phones play everywhere: H.264 (yuv420p, which Safari needs) and AAC in an MP4 with
// its index at the front (faststart: playback starts before the download ends), the short side
// at most 720 px, and no metadata carried over (-map_metadata -1: a phone's GPS location and
// device names stay out). ffmpeg applies the phone's rotation before the metadata goes.
const PHONE_COPY_ARGS = [
  "-map", "0:v:0", "-map", "0:a:0?",
  "-map_metadata", "-1", "-map_chapters", "-1",
  "-vf", "scale='if(gt(iw,ih),-2,min(720,iw))':'if(gt(iw,ih),min(720,ih),-2)'",
  "-c:v", "libx264", "-preset", "veryfast", "-crf", "26", "-pix_fmt", "yuv420p",
  "-c:a", "aac", "-b:a", "96k",
  "-movflags", "+faststart",
];

export async function makePhoneCopy(tools: MediaTools, input: string, output: string): Promise<void> {
  await run(tools.ffmpeg, ["-v", "error", "-nostdin", "-y", "-i", input, ...PHONE_COPY_ARGS, "-f", "mp4", output], { timeout: 15 * 60_000 });
}

/** A poster frame (JPEG) a second in, or the first frame of a shorter clip. */
export async function makePoster(tools: MediaTools, input: string, output: string, durationMs: number | null): Promise<void> {
  const at = durationMs !== null && durationMs > 2000 ? "1" : "0";
  await run(
    tools.ffmpeg,
    ["-v", "error", "-nostdin", "-y", "-ss", at, "-i", input, "-frames:v", "1", "-map_metadata", "-1", "-vf", "scale='if(gt(iw,ih),-2,min(720,iw))':'if(gt(iw,ih),min(720,ih),-2)'", "-q:v", "4", "-f", "image2", output],
    { timeout: 5 * 60_000 },
  );
}
