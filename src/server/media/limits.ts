// What a form-check video may be (issue 22): one side of one drill, filmed on a phone. A minute
// covers the slowest Knee Drive hold; 100 MB is a minute of a phone's 1080p.

export const MAX_VIDEO_BYTES = 100 * 1024 * 1024;
export const MAX_VIDEO_SECONDS = 60;

/** What phones and browsers record: MP4/MOV from iPhones and Android, WebM/Matroska from MediaRecorder, 3GP from older Android. */
export const ACCEPTED_VIDEO_TYPES = ["video/mp4", "video/quicktime", "video/webm", "video/x-matroska", "video/3gpp", "video/x-m4v"] as const;

export const VIDEO_TOO_BIG = "This video is larger than 100 MB. Film a shorter clip (up to 60 seconds of one side) and upload that.";
export const NOT_A_VIDEO = "This file is not a video. Choose a video you filmed (MP4, MOV or WebM).";
export const UNREADABLE_VIDEO = "This video could not be read: it may be damaged. Film it again and upload the new clip.";

/** A video longer than the limit, in the words of its length ("This video is 10:00 long…"). */
export function tooLongSentence(durationMs: number): string {
  return `This video is ${clockOf(durationMs)} long; a form check is up to ${MAX_VIDEO_SECONDS} seconds of one side. Trim it or film a shorter clip.`;
}

/** 0:07, 1:05, 10:00 */
export function clockOf(durationMs: number): string {
  const seconds = Math.round(durationMs / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
