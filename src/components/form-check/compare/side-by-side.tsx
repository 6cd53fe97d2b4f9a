"use client";

import { useRef, useState } from "react";
import { PlaybackControls } from "../player/controls";
import { seekTo, stepFrame, type Speed } from "../player/playback";

// Two videos of the same drill and side from different weeks, played together: one play and
// pause, one speed, one frame step for both, so the progress the numbers describe is seen.

export type ComparedVideo = { id: string; src: string; poster: string | null; dateLabel: string };

export function SideBySide({ videos }: { videos: [ComparedVideo, ComparedVideo] }) {
  const refs = [useRef<HTMLVideoElement>(null), useRef<HTMLVideoElement>(null)] as const;
  const [isPlaying, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(1);
  const [currentMs, setCurrentMs] = useState(0);
  const each = (f: (v: HTMLVideoElement) => void) => refs.forEach((r) => r.current && f(r.current));
  return (
    <div className="space-y-3" role="group" aria-label="Two videos side by side">
      <div className="grid grid-cols-2 gap-2">
        {videos.map((v, i) => (
          <figure key={v.id} className="space-y-1">
            <video
              ref={refs[i]}
              src={v.src}
              poster={v.poster ?? undefined}
              playsInline
              muted
              preload="metadata"
              aria-label={`Video of ${v.dateLabel}`}
              className="aspect-[9/16] w-full rounded-lg bg-black object-contain sm:aspect-video"
              onTimeUpdate={i === 0 ? (e) => setCurrentMs(Math.round(e.currentTarget.currentTime * 1000)) : undefined}
              onEnded={() => setPlaying(false)}
            />
            <figcaption className="text-center text-sm font-medium">{v.dateLabel}</figcaption>
          </figure>
        ))}
      </div>
      <PlaybackControls
        what="both videos"
        isPlaying={isPlaying}
        speed={speed}
        currentMs={currentMs}
        durationMs={null}
        onPlayPause={() => {
          if (isPlaying) {
            each((v) => v.pause());
            setPlaying(false);
          } else {
            // Both from the same moment, so the two hold the same phase of the drill.
            const at = refs[0].current?.currentTime ?? 0;
            each((v) => {
              seekTo(v, at * 1000);
              v.playbackRate = speed;
              void v.play().catch(() => setPlaying(false));
            });
            setPlaying(true);
          }
        }}
        onSpeed={(s) => {
          setSpeed(s);
          each((v) => (v.playbackRate = s));
        }}
        onStep={(d) => {
          each((v) => stepFrame(v, d));
          setPlaying(false);
        }}
      />
    </div>
  );
}
