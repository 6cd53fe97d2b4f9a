"use client";

import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatMoment, momentFromParam } from "@/lib/video-moments";
import type { VideoView } from "@/server/media/videos";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import { ComparePanel, dayLabel } from "../compare/compare-panel";
import { CommentForm } from "./comment-form";
import { VideoPlayer, type PlayerHandle } from "./video-player";

// A drill's form-check videos on a session's page, side by side of the body (left, right):
// the player with the comments' markers, the comments, and for the trainer "Comment at 0:07".

const SIDE_WORDS = { left: "Left side", right: "Right side", both: "Both sides" } as const;

export type SessionVideosProps = {
  sessionId: string;
  drill: { id: string; name: string };
  /** The trainer writes comments; the client reads them. */
  canComment: boolean;
  /** This session's day (the client's local date), labelling its video beside an earlier one. */
  localDate: string;
  /** A link to a moment: `?video=<id>&t=7`. */
  focus?: { videoId?: string; t?: string };
};

export function SessionVideos({ sessionId, drill, canComment, localDate, focus }: SessionVideosProps) {
  const dateLabel = dayLabel(localDate);
  const trpc = useTRPC();
  const videos = useQuery(trpc.video.forEntry.queryOptions({ sessionId, drillId: drill.id }));
  const list = videos.data ?? [];
  if (!list.length) return null;
  const sides = (["left", "right", "both"] as const).filter((side) => list.some((v) => v.side === side));
  return (
    <Card className="space-y-4 p-4" aria-label={`${drill.name} videos`} role="region">
      <h2 className="text-lg font-semibold">{drill.name}: videos</h2>
      {sides.map((side) => (
        <section key={side} className="space-y-4" aria-label={`${drill.name}, ${SIDE_WORDS[side].toLowerCase()}`}>
          <h3 className="font-semibold">{SIDE_WORDS[side]}</h3>
          {list
            .filter((v) => v.side === side)
            .map((v) => (
              <VideoReview key={v.id} video={v} canComment={canComment} dateLabel={dateLabel} startMs={focus?.videoId === v.id ? momentFromParam(focus.t) : null} />
            ))}
        </section>
      ))}
    </Card>
  );
}

function VideoReview({ video, canComment, dateLabel, startMs }: { video: VideoView; canComment: boolean; dateLabel: string; startMs: number | null }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const player = useRef<PlayerHandle>(null);
  const [playerMs, setPlayerMs] = useState(startMs ?? 0);
  const comments = useQuery({ ...trpc.video.comments.queryOptions({ videoId: video.id }), enabled: video.status === "ready" });
  const refetch = comments.refetch;
  if (video.status !== "ready" || !video.videoUrl) {
    const words = { uploading: "Still uploading from the phone.", processing: "Being prepared for playback: it shows here in a minute.", failed: video.statusNote ?? "This video could not be processed." }[video.status as "uploading" | "processing" | "failed"];
    return <p className="text-sm text-stone-600">{words}</p>;
  }
  const list = comments.data ?? [];
  return (
    <div className="space-y-3" id={`video-${video.id}`}>
      <VideoPlayer
        ref={player}
        src={video.videoUrl}
        poster={video.posterUrl}
        durationMs={video.durationMs}
        label={`Set ${video.setNumber}, ${video.side} side, ${dateLabel}`}
        markers={list}
        startMs={startMs}
        onTime={setPlayerMs}
      />
      {video.statusNote ? <p className="text-xs text-stone-500">{video.statusNote}</p> : null}
      <div className="space-y-2">
        <h4 className="text-sm font-semibold">Comments on this video</h4>
        {list.length ? (
          <ol className="space-y-1">
            {list.map((c) => (
              <li key={c.id} className="flex items-start gap-2">
                <button type="button" className="min-h-11 flex-1 rounded-lg px-2 py-2 text-left text-sm hover:bg-stone-100" onClick={() => player.current?.showComment(c.id)} aria-label={`Go to ${formatMoment(c.atMs)}: ${c.body}`}>
                  <span className="font-semibold tabular-nums">{formatMoment(c.atMs)}</span> — {c.body} <span className="text-stone-500">· {c.authorName}</span>
                </button>
                {c.isMine ? (
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    className="min-h-11"
                    aria-label={`Remove the comment at ${formatMoment(c.atMs)}`}
                    onClick={async () => {
                      await client.video.removeComment.mutate({ commentId: c.id });
                      await refetch();
                    }}
                  >
                    Remove
                  </Button>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-stone-600">{canComment ? "No comments yet: pause at the moment that matters and write what you see." : "No comments from your trainer yet."}</p>
        )}
      </div>
      {canComment ? <CommentForm videoId={video.id} playerMs={playerMs} /> : null}
      <ComparePanel current={{ id: video.id, src: video.videoUrl, poster: video.posterUrl, dateLabel }} />
    </div>
  );
}
