"use client";

import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { formatPreciseMoment } from "@/lib/video-moments";
import { SPEEDS, speedLabel, type Speed } from "./playback";

// The buttons under a player: play or pause, the speeds, a frame back and forward, and the
// current time said as m:ss.s. Big enough to hit with a thumb at 390 px.

export type ControlsProps = {
  isPlaying: boolean;
  speed: Speed;
  currentMs: number;
  durationMs: number | null;
  onPlayPause: () => void;
  onSpeed: (speed: Speed) => void;
  onStep: (direction: -1 | 1) => void;
  /** Names what the buttons control ("both videos"), for a screen reader. */
  what?: string;
};

export function PlaybackControls({ isPlaying, speed, currentMs, durationMs, onPlayPause, onSpeed, onStep, what = "the video" }: ControlsProps) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button type="button" onClick={onPlayPause} aria-label={`${isPlaying ? "Pause" : "Play"} ${what}`} className="min-w-20">
        {isPlaying ? "Pause" : "Play"}
      </Button>
      <div role="group" aria-label="Speed" className="flex gap-1">
        {SPEEDS.map((s) => (
          <Button key={s} type="button" variant={s === speed ? "primary" : "secondary"} aria-pressed={s === speed} aria-label={`Play at ${speedLabel(s)} speed`} onClick={() => onSpeed(s)} className="min-w-14 px-2">
            {speedLabel(s)}
          </Button>
        ))}
      </div>
      <div role="group" aria-label="Frame step" className="flex gap-1">
        <Button type="button" variant="secondary" aria-label="Back one frame" onClick={() => onStep(-1)} className="min-w-11 px-2">
          ◀︎ 1
        </Button>
        <Button type="button" variant="secondary" aria-label="Forward one frame" onClick={() => onStep(1)} className="min-w-11 px-2">
          1 ▶︎
        </Button>
      </div>
      <p className={cn("text-sm tabular-nums text-stone-700")} aria-live="polite" aria-atomic="true">
        <span className="sr-only">At </span>
        <span data-testid="current-time">{formatPreciseMoment(currentMs)}</span>
        {durationMs !== null ? <span> / {formatPreciseMoment(durationMs)}</span> : null}
      </p>
    </div>
  );
}
