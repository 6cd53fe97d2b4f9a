import type { SQL } from "drizzle-orm";
import type { ClientScope } from "@/lib/client-visibility";
import { clientDataReadableBy } from "@/server/db/tenancy";
import type { Viewer } from "@/server/auth/viewer";

// Who may watch a client's videos: the client, and the studio's trainers who may see that
// client (the studio's visibility rule, tenancy.ts): the same rule as for everything else the
// client logged. Never a deleted client's. Another studio's video is a missing one.

export type MediaReader =
  | { kind: "client"; studioId: string; userId: string; clientId: string }
  | { kind: "trainer"; studioId: string; userId: string; clientScope: ClientScope };

/** The rule, over a query joined to the video's `clients` row. */
export const mayWatch = (reader: MediaReader): SQL => clientDataReadableBy(reader);

/** The one who may upload: a client, filming their own logs. */
export type Uploader = { studioId: string; userId: string; clientId: string };

/** The viewer as someone who may watch videos; null for a signed-in person who is neither client nor trainer. */
export function mediaReaderOf(viewer: Viewer): MediaReader | null {
  if (viewer.kind === "client") return { kind: "client", studioId: viewer.studioId, userId: viewer.userId, clientId: viewer.clientId };
  if (viewer.kind === "trainer") return { kind: "trainer", studioId: viewer.studioId, userId: viewer.userId, clientScope: viewer.clientScope };
  return null;
}
