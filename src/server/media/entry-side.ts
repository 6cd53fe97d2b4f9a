import { z } from "zod";

// Which side of which set of a logged drill a video is of. One schema, because the same four
// fields arrive two ways: as tus metadata when a client uploads (uploads.ts), and as the input of
// video.forEntry when a client or trainer asks what was filmed. The wording fits both. Ids are
// checked for shape only (z.guid, as isUuid): rows made by imports and seeds need not carry
// an RFC 4122 version digit, and PostgreSQL's uuid type takes any.

const sessionId = z.guid({ error: "Open the session from the history and choose the drill." });
const drillId = z.guid({ error: "Choose a drill of the session." });
const setNumber = z.int({ error: "Choose a set of the drill (1 to 20)." }).min(1, { error: "Choose a set of the drill (1 to 20)." }).max(20, { error: "Choose a set of the drill (1 to 20)." });
const side = z.enum(["left", "right", "both"], { error: "Choose the side: left or right." });

/** One side of one set of a logged drill (what an upload is attached to). */
export const entrySideInput = z.object({ sessionId, drillId, setNumber, side });

/** The videos of a logged drill: one side and set, or every one when left out. */
export const entryVideosInput = entrySideInput.partial({ setNumber: true, side: true });
