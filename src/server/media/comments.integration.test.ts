import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { jobs, notifications, videoComments, videos } from "@/server/db/schema";
import { setupTestDatabase } from "~test/db";
import { callerFor } from "~test/caller";
import { createTestStudio, type TestStudio } from "~test/factories";
import { aVideoRow } from "~test/video-fixtures";

// A trainer pins a comment to a moment of a client's video: the client reads it beside the
// video and in their thread, with a push that opens the session at that moment. What is not a
// moment of the video, or not the trainer's to comment on, is refused with a sentence.

const t = setupTestDatabase();
let s: TestStudio;
let other: TestStudio;

beforeAll(async () => {
  s = await createTestStudio(t.db, "video-comments");
  other = await createTestStudio(t.db, "video-comments-other");
});

describe("a comment pinned to a moment", () => {
  it("shows on the video in the order of the moments, and reaches the client's thread with a push to that moment", async () => {
    const video = await aVideoRow(t.db, s, { durationMs: 10_000 });
    const coach = callerFor(t.db, s.trainer.userId);
    const later = await coach.video.comment({ videoId: video.id, at: "0:07", body: " your left hip drops here " });
    await coach.video.comment({ videoId: video.id, at: "2", body: "Good start." });
    expect(later).toMatchObject({ atMs: 7000, body: "your left hip drops here", isMine: true });

    const client = callerFor(t.db, s.clientA.userId);
    const seen = await client.video.comments({ videoId: video.id });
    expect(seen.map((c) => [c.atMs, c.body, c.isMine])).toEqual([
      [2000, "Good start.", false],
      [7000, "your left hip drops here", false],
    ]);
    expect(seen[0]!.authorName).toBe(s.trainer.name);

    const thread = await client.message.conversation({});
    expect(thread.messages.map((m) => m.body)).toContain("0:07 — your left hip drops here");
    const [told] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, s.clientA.userId), eq(notifications.body, "0:07 — your left hip drops here")));
    expect(told?.url).toBe(`/portal/history/${video.sessionId}?video=${video.id}&t=7#video-${video.id}`);
    const pushes = await t.db.select().from(jobs).where(eq(jobs.key, `notification-push:${told!.id}`));
    // Push is on by default: the job that pushes it to the client's phone is queued.
    expect(pushes).toHaveLength(1);
  });

  it("refuses a moment past the end, a malformed one, and empty words, writing nothing", async () => {
    const video = await aVideoRow(t.db, s, { durationMs: 10_000 });
    const coach = callerFor(t.db, s.trainer.userId);
    await expect(coach.video.comment({ videoId: video.id, at: "0:25", body: "Hip." })).rejects.toThrow("0:25 is not a moment of this video: it is 0:10 long.");
    await expect(coach.video.comment({ videoId: video.id, at: "0:99", body: "Hip." })).rejects.toThrow("0:99 is not a moment: the seconds after the colon go up to 59");
    await expect(coach.video.comment({ videoId: video.id, at: "0:05", body: "   " })).rejects.toThrow("Write what you see at this moment.");
    expect(await t.db.select().from(videoComments).where(eq(videoComments.videoId, video.id))).toEqual([]);
  });

  it("waits for the video to be ready and its length known", async () => {
    const processing = await aVideoRow(t.db, s, { status: "processing", durationMs: null });
    await expect(callerFor(t.db, s.trainer.userId).video.comment({ videoId: processing.id, at: "0:01", body: "Hip." })).rejects.toThrow("This video is not ready to watch yet");
  });

  it("is the client's trainers' to write; another studio's trainer finds no video; only the author removes it", async () => {
    const video = await aVideoRow(t.db, s, { durationMs: 10_000 });
    await expect(callerFor(t.db, s.clientA.userId).video.comment({ videoId: video.id, at: "0:01", body: "Me." })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(t.db, other.trainer.userId).video.comment({ videoId: video.id, at: "0:01", body: "Hip." })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(t.db, s.clientB.userId).video.comments({ videoId: video.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const comment = await callerFor(t.db, s.owner.userId).video.comment({ videoId: video.id, at: "0:03", body: "Owner's note." });
    await expect(callerFor(t.db, s.trainer.userId).video.removeComment({ commentId: comment.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(t.db, s.owner.userId).video.removeComment({ commentId: comment.id })).resolves.toEqual({ removed: true });
    expect(await callerFor(t.db, s.clientA.userId).video.comments({ videoId: video.id })).toEqual([]);
  });

  it("goes with its video", async () => {
    const video = await aVideoRow(t.db, s, { durationMs: 10_000 });
    await callerFor(t.db, s.trainer.userId).video.comment({ videoId: video.id, at: "0:01", body: "Hip." });
    await t.db.delete(videos).where(eq(videos.id, video.id));
    expect(await t.db.select().from(videoComments).where(eq(videoComments.videoId, video.id))).toEqual([]);
  });
});

describe("comparing with an earlier video", () => {
  it("offers the client's earlier ready videos of the same drill and side, newest first", async () => {
    const oldest = await aVideoRow(t.db, s, { durationMs: 5000 });
    const failed = await aVideoRow(t.db, s, { status: "failed", copyKey: null, durationMs: null });
    const rightSide = await aVideoRow(t.db, s, { side: "right" });
    const middle = await aVideoRow(t.db, s, { durationMs: 5000 });
    const newest = await aVideoRow(t.db, s, { durationMs: 5000 });
    const earlier = await callerFor(t.db, s.clientA.userId).video.sameDrillSide({ videoId: newest.id });
    const ids = earlier.map((v) => v.id);
    expect(ids.indexOf(middle.id)).toBeLessThan(ids.indexOf(oldest.id));
    expect(ids).not.toContain(failed.id);
    expect(ids).not.toContain(rightSide.id);
    expect(ids).not.toContain(newest.id);
    expect(await callerFor(t.db, s.trainer.userId).video.sameDrillSide({ videoId: oldest.id })).not.toContainEqual(expect.objectContaining({ id: middle.id }));
    await expect(callerFor(t.db, s.clientB.userId).video.sameDrillSide({ videoId: newest.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
