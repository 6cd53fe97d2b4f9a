"use client";

import { useImperativeHandle, useRef, useState } from "react";
import { formatMoment } from "@/lib/video-moments";
import { PlaybackControls } from "./controls";
import { seekTo, stepFrame, type Speed } from "./playback";
import { Timeline, type Marker } from "./timeline";

// A form-check video for slow-motion review: plays inline on a phone, at 0.25×, 0.5× or 1×,
// a frame at a time, with a marker at each comment's moment on its timeline.

export type PlayerHandle = { seek: (ms: number) => void; showComment: (id: string) => void };

export type VideoPlayerProps = {
  src: string;
  poster: string | null;
  /** Known once processed; until then the video's own length is used. */
  durationMs: number | null;
  label: string;
  markers: Marker[];
  /** Where to start (a `?t=` link), in ms. */
  startMs?: number | null;
  onTime?: (ms: number) => void;
  ref?: React.Ref<PlayerHandle>;
};

export function VideoPlayer({ src, poster, durationMs, label, markers, startMs, onTime, ref }: VideoPlayerProps) {
  const video = useRef<HTMLVideoElement>(null);
  const [isPlaying, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(1);
  const [currentMs, setCurrentMs] = useState(startMs ?? 0);
  const [lengthMs, setLengthMs] = useState<number | null>(durationMs);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // Until a marker is picked, a link to a moment shows the comment pinned there, if there is one.
  const selected = selectedId !== null ? (markers.find((m) => m.id === selectedId) ?? null) : startMs != null ? (markers.find((m) => Math.abs(m.atMs - startMs) < 500) ?? null) : null;

  const showMarker = (m: Marker) => {
    setSelectedId(m.id);
    if (video.current) {
      video.current.pause();
      seekTo(video.current, m.atMs);
    }
  };
  useImperativeHandle(ref, () => ({
    seek: (ms) => video.current && seekTo(video.current, ms),
    showComment: (id) => {
      const m = markers.find((x) => x.id === id);
      if (m) showMarker(m);
    },
  }));

  // The bar follows the finger or the key at once; the video catches up when its seek lands.
  const moveTo = (ms: number) => {
    setCurrentMs(ms);
    onTime?.(ms);
    if (video.current) seekTo(video.current, ms);
  };
  const onLoaded = () => {
    const v = video.current;
    if (!v) return;
    if (lengthMs === null && Number.isFinite(v.duration)) setLengthMs(Math.round(v.duration * 1000));
    if (startMs) seekTo(v, startMs);
    v.playbackRate = speed;
  };
  const onTimeUpdate = () => {
    const ms = Math.round((video.current?.currentTime ?? 0) * 1000);
    setCurrentMs(ms);
    onTime?.(ms);
  };

  return (
    <div className="space-y-2">
      <video
        ref={video}
        src={src}
        poster={poster ?? undefined}
        playsInline
        preload="metadata"
        aria-label={label}
        className="aspect-video w-full rounded-lg bg-black object-contain"
        onLoadedMetadata={onLoaded}
        onTimeUpdate={onTimeUpdate}
        onSeeked={onTimeUpdate}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
      />
      {lengthMs !== null ? <Timeline durationMs={lengthMs} currentMs={currentMs} markers={markers} selectedId={selected?.id ?? null} onSeek={moveTo} onMarker={showMarker} /> : null}
      <PlaybackControls
        isPlaying={isPlaying}
        speed={speed}
        currentMs={currentMs}
        durationMs={lengthMs}
        onPlayPause={() => {
          const v = video.current;
          if (!v) return;
          if (v.paused) void v.play().catch(() => setPlaying(false));
          else v.pause();
        }}
        onSpeed={(s) => {
          setSpeed(s);
          if (video.current) video.current.playbackRate = s;
        }}
        onStep={(d) => video.current && stepFrame(video.current, d)}
      />
      {selected ? (
        <p role="status" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-950">
          <span className="font-semibold tabular-nums">{formatMoment(selected.atMs)}</span> — {selected.body}
        </p>
      ) : null}
    </div>
  );
}
