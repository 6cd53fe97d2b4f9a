import { FRAME_MS } from "@/lib/video-moments";

// What the player's buttons do to a <video>: the same for one video and for two side by side.

/** The slow-motion speeds a coach watches a wobble at, and the normal one. */
export const SPEEDS = [0.25, 0.5, 1] as const;
export type Speed = (typeof SPEEDS)[number];

export const speedLabel = (speed: Speed) => `${speed}×`;

/** Pauses and moves one frame (at ~30 frames a second) back or forward, within the video. */
export function stepFrame(video: HTMLVideoElement, direction: -1 | 1): void {
  video.pause();
  const end = Number.isFinite(video.duration) ? video.duration : Infinity;
  video.currentTime = Math.min(end, Math.max(0, video.currentTime + (direction * FRAME_MS) / 1000));
}

/** Moves to a moment (ms), within the video. */
export function seekTo(video: HTMLVideoElement, ms: number): void {
  const end = Number.isFinite(video.duration) ? video.duration : Infinity;
  video.currentTime = Math.min(end, Math.max(0, ms / 1000));
}
