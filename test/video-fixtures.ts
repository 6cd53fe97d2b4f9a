import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { Db } from "@/server/db/client";
import { videos, type Video } from "@/server/db/schema";
import type { TestStudio } from "./factories";
import { freshSession } from "./training-fixtures";

const run = promisify(execFile);

/** A video row of client A's fresh session (the left Knee Drive), ready to play unless told otherwise. No file is stored. */
export async function aVideoRow(db: Db, studio: TestStudio, overrides: Partial<typeof videos.$inferInsert> = {}): Promise<Video & { drillId: string }> {
  const { sessionId, drills } = await freshSession(db, studio);
  const [row] = await db
    .insert(videos)
    .values({
      studioId: studio.studioId,
      clientId: studio.clientA.clientId,
      uploadedByUserId: studio.clientA.userId,
      sessionId,
      drillId: drills.kneeDrive,
      setNumber: 1,
      side: "left",
      status: "ready",
      copyKey: "videos/none/copy.mp4",
      mimeType: "video/mp4",
      sizeBytes: 1000,
      durationMs: 3000,
      ...overrides,
    })
    .returning();
  return row as Video & { drillId: string };
}

/**
 * A short test video made with ffmpeg (a test pattern with a tone), in `folder`. Made at test
 * time so no binary is committed. `location` writes a GPS tag into the file, as phones do.
 */
export async function makeTestVideo(folder: string, options: { seconds?: number; name?: string; size?: string; location?: string; silent?: boolean } = {}): Promise<string> {
  const file = path.join(folder, options.name ?? "clip.mp4");
  const seconds = String(options.seconds ?? 3);
  await run("ffmpeg", [
    "-v", "error", "-nostdin", "-y",
    "-f", "lavfi", "-i", `testsrc=duration=${seconds}:size=${options.size ?? "320x240"}:rate=15`,
    ...(options.silent ? [] : ["-f", "lavfi", "-i", `sine=frequency=440:duration=${seconds}`]),
    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", ...(options.silent ? [] : ["-c:a", "aac", "-shortest"]),
    ...(options.location ? ["-metadata", `location=${options.location}`] : []),
    file,
  ], { timeout: 120_000 });
  return file;
}
