"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { SideBySide, type ComparedVideo } from "./side-by-side";

// "Compare with an earlier video": the client's earlier ready videos of the same drill and
// side, newest first; the one picked plays beside this one.

export const dayLabel = (localDate: string) => new Date(`${localDate}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function ComparePanel({ current }: { current: ComparedVideo }) {
  const trpc = useTRPC();
  const [isOpen, setOpen] = useState(false);
  const [pickedId, setPickedId] = useState<string | null>(null);
  const earlier = useQuery({ ...trpc.video.sameDrillSide.queryOptions({ videoId: current.id }), enabled: isOpen });
  if (!isOpen)
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Compare with an earlier video
      </Button>
    );
  const list = earlier.data ?? [];
  const picked = list.find((v) => v.id === pickedId) ?? list[0];
  return (
    <section className="space-y-3" aria-label="Compare with an earlier video">
      <div className="flex items-center justify-between gap-2">
        <h4 className="font-semibold">Compare with an earlier video</h4>
        <Button type="button" variant="ghost" size="sm" onClick={() => setOpen(false)}>
          Close
        </Button>
      </div>
      {earlier.isPending ? <p className="text-sm text-stone-600">Looking for earlier videos…</p> : null}
      {earlier.isError ? <p role="alert" className="text-sm text-red-800">{earlier.error.message}</p> : null}
      {earlier.isSuccess && !list.length ? <p className="text-sm text-stone-600">No earlier video of this drill and side yet: film it again next week to see the change.</p> : null}
      {picked ? (
        <>
          {list.length > 1 ? (
            <label className="block text-sm font-medium">
              Earlier video
              <select className="mt-1 block h-11 w-full rounded-lg border border-stone-300 bg-white px-3" value={picked.id} onChange={(e) => setPickedId(e.target.value)}>
                {list.map((v) => (
                  <option key={v.id} value={v.id}>
                    {dayLabel(v.localDate)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <SideBySide key={picked.id} videos={[{ id: picked.id, src: picked.videoUrl!, poster: picked.posterUrl, dateLabel: dayLabel(picked.localDate) }, current]} />
        </>
      ) : null}
    </section>
  );
}
