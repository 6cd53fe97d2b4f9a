"use client";

import { formatMoment } from "@/lib/video-moments";

// The video's length as a bar: where the player is, and a marker at each comment's moment.
// A marker is a button: it seeks there and shows the comment.

export type Marker = { id: string; atMs: number; body: string };

export function Timeline({ durationMs, currentMs, markers, selectedId, onSeek, onMarker }: { durationMs: number; currentMs: number; markers: Marker[]; selectedId: string | null; onSeek: (ms: number) => void; onMarker: (marker: Marker) => void }) {
  const at = (ms: number) => `${Math.min(100, Math.max(0, (ms / Math.max(1, durationMs)) * 100))}%`;
  return (
    <div className="space-y-1">
      <input
        type="range"
        min={0}
        max={durationMs}
        step={100}
        value={Math.min(currentMs, durationMs)}
        onChange={(e) => onSeek(Number(e.target.value))}
        aria-label="Position in the video"
        aria-valuetext={formatMoment(currentMs)}
        className="h-8 w-full accent-brand-700"
      />
      {markers.length ? (
        <div className="relative h-11" aria-label="Comments on the timeline" role="group">
          {markers.map((m) => (
            <button
              key={m.id}
              type="button"
              onClick={() => onMarker(m)}
              aria-label={`Comment at ${formatMoment(m.atMs)}: ${m.body}`}
              aria-pressed={m.id === selectedId}
              title={`${formatMoment(m.atMs)} — ${m.body}`}
              style={{ left: at(m.atMs) }}
              className={`absolute top-0 flex h-11 w-11 -translate-x-1/2 items-start justify-center rounded-full focus-visible:outline-2 focus-visible:outline-brand-700 ${m.id === selectedId ? "text-brand-800" : "text-amber-600"}`}
            >
              <span aria-hidden="true" className="mt-1 block h-4 w-4 rotate-45 rounded-sm border-2 border-white bg-current shadow" />
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
