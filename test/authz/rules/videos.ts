import { aVideoRow } from "../../video-fixtures";
import { freshSession } from "../../training-fixtures";
import { videoComments } from "@/server/db/schema";
import { ANY_OWNER, CLIENT_A, CLIENTS, TRAINERS, type ProcedureRules, type Role } from "../roles";

// Client A's form-check videos: client A and the trainers who may see client A watch them;
// client B, or another studio's trainer, naming one finds nothing. The bytes go through the tus
// route and the media route, whose own test (src/app/api/media/videos/media-route.integration.test.ts)
// asks each role too; the upload route authorizes through video.uploadLimits, the media route
// through watchableVideo, the check of video.get.
const WATCHERS: readonly Role[] = ["clientA", "trainer", "owner"];

export const videoRules: ProcedureRules = {
  "video.uploadLimits": { allowed: CLIENTS, clientScoped: false },
  "video.forEntry": { allowed: WATCHERS, clientScoped: true, input: async (f) => { const { sessionId, drills } = await freshSession(f.db, f.home); return { sessionId, drillId: drills.kneeDrive, side: "left" }; } },
  "video.get": { allowed: WATCHERS, clientScoped: true, input: async (f) => ({ videoId: (await aVideoRow(f.db, f.home)).id }) },
  // Only the client, their own: a trainer does not remove what the client filmed.
  "video.remove": { allowed: CLIENT_A, clientScoped: false, input: async (f) => ({ videoId: (await aVideoRow(f.db, f.home)).id }) },
  "video.comments": { allowed: WATCHERS, clientScoped: true, input: async (f) => ({ videoId: (await aVideoRow(f.db, f.home)).id }) },
  // Only the client's trainers pin comments; the client reads them.
  "video.comment": { allowed: TRAINERS, clientScoped: true, input: async (f) => ({ videoId: (await aVideoRow(f.db, f.home)).id, at: "0:01", body: "Your left hip drops here." }) },
  // Only its author takes a comment back (here the coach's): anyone else finds no such comment.
  "video.removeComment": {
    allowed: ["trainer"],
    clientScoped: false,
    input: async (f) => {
      const video = await aVideoRow(f.db, f.home);
      const [comment] = await f.db.insert(videoComments).values({ studioId: f.home.studioId, videoId: video.id, authorUserId: f.home.trainer.userId, atMs: 1000, body: "Hip drops." }).returning();
      return { commentId: comment!.id };
    },
  },
  "video.sameDrillSide": { allowed: WATCHERS, clientScoped: true, input: async (f) => ({ videoId: (await aVideoRow(f.db, f.home)).id }) },
  "video.studioStorage": { allowed: ANY_OWNER, clientScoped: false },
};
