// Where a video's files are in the media store: one folder per video under its studio, so a
// video's files are listed (and an orphan found) by prefix, and a studio's by its own prefix.

export const VIDEOS_PREFIX = "videos/";

export const videoFolder = (studioId: string, videoId: string) => `${VIDEOS_PREFIX}${studioId}/${videoId}/`;
export const originalKey = (studioId: string, videoId: string) => `${videoFolder(studioId, videoId)}original`;
export const copyKey = (studioId: string, videoId: string) => `${videoFolder(studioId, videoId)}copy.mp4`;
export const posterKey = (studioId: string, videoId: string) => `${videoFolder(studioId, videoId)}poster.jpg`;

/** The video a key belongs to, or null for a key that is not a video's file. */
export function videoOfKey(key: string): { studioId: string; videoId: string } | null {
  const match = /^videos\/([0-9a-f-]{36})\/([0-9a-f-]{36})\/[^/]+$/.exec(key);
  return match ? { studioId: match[1]!, videoId: match[2]! } : null;
}
