import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { messagePhotos, messages } from "@/server/db/schema";
import { conversationOf } from "@/server/messages/threads";
import { freshRun, freshSession } from "../../training-fixtures";
import { SIGNED_IN, type AuthzFixture, type ProcedureRules, type Role } from "../roles";

// A conversation is client A's with their coach and the studio's trainers: client B naming it,
// or another studio's trainer, is answered as if it did not exist.
const CONVERSATION: readonly Role[] = ["clientA", "trainer", "owner"];
const aThread = async (f: AuthzFixture) => ({ threadId: (await conversationOf(f.db, f.home.studioId, f.home.clientA.clientId)).id });

const aPhoto = () => sharp({ create: { width: 8, height: 8, channels: 3, background: "#3a7" } }).jpeg().toBuffer();
/** A photo client A sent in their conversation. */
async function aSentPhoto(f: AuthzFixture) {
  const { threadId } = await aThread(f);
  const [message] = await f.db.insert(messages).values({ id: randomUUID(), studioId: f.home.studioId, threadId, authorUserId: f.home.clientA.userId, authorKind: "client" }).returning();
  const [photo] = await f.db
    .insert(messagePhotos)
    .values({ studioId: f.home.studioId, threadId, uploadedByUserId: f.home.clientA.userId, messageId: message!.id, contentType: "image/jpeg", bytes: await aPhoto(), width: 8, height: 8 })
    .returning();
  return { photoId: photo!.id };
}

export const messageRules: ProcedureRules = {
  "message.conversation": { allowed: CONVERSATION, clientScoped: true, input: (f) => ({ clientId: f.home.clientA.clientId }) },
  // Client A's own logs; client B naming them, or another studio's trainer, finds nothing.
  "message.forLog": { allowed: CONVERSATION, clientScoped: true, input: async (f) => ({ sessionId: (await freshSession(f.db, f.home)).sessionId }) },
  "message.older": { allowed: CONVERSATION, clientScoped: true, input: async (f) => ({ ...(await aThread(f)), before: new Date().toISOString() }) },
  "message.send": { allowed: CONVERSATION, clientScoped: true, input: async (f) => ({ ...(await aThread(f)), id: randomUUID(), body: "How did the left side feel today?" }) },
  "message.markRead": { allowed: CONVERSATION, clientScoped: true, input: aThread },
  // Both through their routes (POST /api/messages/photos, GET /api/messages/photos/[photoId]).
  "message.uploadPhoto": { allowed: CONVERSATION, clientScoped: true, input: async (f) => ({ ...(await aThread(f)), photo: new Uint8Array(await aPhoto()) }) },
  "message.photo": { allowed: CONVERSATION, clientScoped: true, input: aSentPhoto },
  "message.unreadCount": { allowed: SIGNED_IN, clientScoped: false },
  // Everyone signed in has a live channel of their own; whose events reach it is proven in
  // src/server/live/live.integration.test.ts (a client never gets another's, another studio's trainer nothing).
  "live.events": { allowed: SIGNED_IN, clientScoped: false },
};
