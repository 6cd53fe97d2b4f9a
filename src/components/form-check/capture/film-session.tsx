"use client";

import { useId } from "react";
import { Card } from "@/components/ui/card";
import { sidesToFilm, type FilmedSide } from "./capture-rules";
import { FilmLater } from "./film-later";
import { FilmSide, type SideVideo } from "./film-side";

type LoggedEntry = { drillId: string; setNumber: number; side: FilmedSide };

/**
 * "Film it" for every drill and side of a logged session: a coach asks for the side that
 * wobbles, so each side is its own video. A log still waiting on this phone has no session on
 * the server to attach to yet: it says so instead.
 */
export function FilmSession({ sessionId, entries, drillNames, isQueued = false, videoAction }: { sessionId: string; entries: readonly LoggedEntry[]; drillNames: ReadonlyMap<string, string>; isQueued?: boolean; videoAction?: (video: SideVideo) => React.ReactNode }) {
  const headingId = useId();
  const sides = sidesToFilm(entries);
  if (sides.length === 0) return null;
  if (isQueued) return <FilmLater />;
  const drills = [...new Set(sides.map((s) => s.drillId))];
  return (
    <Card className="space-y-3 p-4" role="region" aria-labelledby={headingId}>
      <div>
        <h2 id={headingId} className="font-semibold">
          Form-check videos
        </h2>
        <p className="text-sm text-stone-600">Film one side at a time, up to a minute, so your coach can see the moment it wobbles.</p>
      </div>
      {drills.map((drillId) => {
        const name = drillNames.get(drillId) ?? "This drill";
        return (
          <div key={drillId} className="space-y-2">
            <h3 className="text-sm font-semibold text-stone-800">{name}</h3>
            <div className="grid gap-2 sm:grid-cols-2">
              {sides
                .filter((s) => s.drillId === drillId)
                .map((s) => (
                  <FilmSide key={`${s.side}|${s.setNumber}`} sessionId={sessionId} drillId={drillId} setNumber={s.setNumber} side={s.side} drillName={name} videoAction={videoAction} />
                ))}
            </div>
          </div>
        );
      })}
    </Card>
  );
}
