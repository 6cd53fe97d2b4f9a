"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
import { useTRPC } from "@/trpc/react";
import type { AppRouter } from "@/server/api/root";
import type { inferRouterOutputs } from "@trpc/server";
import { CameraRecorder, canRecordInPage } from "./camera-recorder";
import { clipRefusal, clockOf, filmLabel, percentOf, progressText, sideWords, type EntrySide } from "./capture-rules";
import { clipSeconds } from "./clip-length";
import { cancelUpload, dismissUpload, startUpload, useUpload } from "./upload-store";

export type SideVideo = inferRouterOutputs<AppRouter>["video"]["forEntry"][number];

/** While a video is being processed its side asks again this often, and stops once none is. */
const PROCESSING_POLL_MS = 2_000;

/**
 * One side of one logged drill: film it (the camera in the page, or the phone's camera app),
 * or choose a clip; the upload's progress; the videos of that side with their state, poster and
 * "Remove". `videoAction` puts something beside a ready video (the player, issue 22 part 2).
 */
export function FilmSide({ sessionId, drillId, setNumber, side, drillName, videoAction }: EntrySide & { drillName: string; videoAction?: (video: SideVideo) => React.ReactNode }) {
  const entry = { sessionId, drillId, setNumber, side };
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const limits = useQuery({ ...trpc.video.uploadLimits.queryOptions(), staleTime: Infinity });
  const listKey = trpc.video.forEntry.queryOptions({ sessionId, drillId, setNumber, side });
  const videos = useQuery({
    ...listKey,
    refetchInterval: (query) => (query.state.data?.some((v) => v.status === "processing") ? PROCESSING_POLL_MS : false),
  });
  const upload = useUpload(entry);
  const remove = useMutation(trpc.video.remove.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey.queryKey }) }));
  const [isCameraOpen, setCameraOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const pick = useRef<HTMLInputElement>(null);
  const cameraApp = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const where = `${sideWords(side)} of ${drillName}`;

  async function send(file: File | undefined, measured: boolean) {
    if (!file || !limits.data) return;
    setProblem(null);
    dismissUpload(entry);
    // A recording made here is within the limit by construction; a picked clip is measured first.
    const durationSeconds = measured ? null : await clipSeconds(file);
    const refusal = clipRefusal({ type: file.type, sizeBytes: file.size, durationSeconds }, limits.data);
    if (refusal) return setProblem(refusal);
    await startUpload(entry, file, limits.data.endpoint, () => void queryClient.invalidateQueries({ queryKey: listKey.queryKey }));
  }

  function film() {
    setProblem(null);
    if (canRecordInPage()) setCameraOpen(true);
    else cameraApp.current?.click();
  }

  const isUploading = upload?.status === "sending" || upload?.status === "waiting";
  const shown = (videos.data ?? []).filter((v) => v.status !== "uploading");
  return (
    <section aria-labelledby={headingId} className="space-y-2 rounded-lg border border-stone-200 p-3">
      <h4 id={headingId} className="text-sm font-semibold text-stone-900">
        {side === "both" ? "Both sides" : side === "left" ? "Left side" : "Right side"}
        <span className="sr-only"> of {drillName}</span>
      </h4>

      {shown.map((video) => (
        <VideoLine key={video.id} video={video} where={where} action={videoAction?.(video)} onRemove={() => remove.mutate({ videoId: video.id })} isRemoving={remove.isPending && remove.variables?.videoId === video.id} />
      ))}

      {upload ? <UploadLine upload={upload} where={where} onCancel={() => void cancelUpload(entry)} /> : null}
      {problem ? <Alert>{problem}</Alert> : null}
      {remove.error ? <Alert>{remove.error.message}</Alert> : null}

      {isCameraOpen && limits.data ? (
        <CameraRecorder
          side={side}
          maxSeconds={limits.data.maxSeconds}
          onRecorded={(file) => (setCameraOpen(false), void send(file, true))}
          onClose={() => setCameraOpen(false)}
          onCameraRefused={(sentence) => (setCameraOpen(false), setProblem(sentence))}
        />
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button type="button" size="sm" disabled={!limits.data || isUploading} onClick={film}>
            {filmLabel(side)}
          </Button>
          <Button type="button" size="sm" variant="secondary" disabled={!limits.data || isUploading} aria-label={`Choose a video of ${where}`} onClick={() => pick.current?.click()}>
            Choose a video
          </Button>
        </div>
      )}
      {/* The gallery, and the phone's own camera app where the page cannot film. */}
      <input ref={pick} type="file" accept="video/*" className="sr-only" tabIndex={-1} aria-hidden onChange={(e) => (void send(e.target.files?.[0], false), (e.target.value = ""))} />
      <input ref={cameraApp} type="file" accept="video/*" capture="environment" className="sr-only" tabIndex={-1} aria-hidden onChange={(e) => (void send(e.target.files?.[0], false), (e.target.value = ""))} />
    </section>
  );
}

function UploadLine({ upload, where, onCancel }: { upload: NonNullable<ReturnType<typeof useUpload>>; where: string; onCancel: () => void }) {
  if (upload.status === "done") return null;
  if (upload.status === "refused") return <Alert>{upload.message}</Alert>;
  const percent = percentOf(upload.bytesSent, upload.bytesTotal);
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between gap-2 text-sm text-stone-800">
        <span role="status">{progressText(upload.bytesSent, upload.bytesTotal)}</span>
        <Button type="button" size="sm" variant="ghost" onClick={onCancel}>
          Stop upload
        </Button>
      </div>
      <progress className="h-2 w-full accent-brand-700" max={100} value={percent} aria-label={`Upload of ${where}`} />
      {upload.status === "waiting" && upload.message ? <p className="text-sm text-amber-800">{upload.message}</p> : null}
    </div>
  );
}

function VideoLine({ video, where, action, onRemove, isRemoving }: { video: SideVideo; where: string; action?: React.ReactNode; onRemove: () => void; isRemoving: boolean }) {
  const length = video.durationMs !== null ? clockOf(video.durationMs / 1000) : null;
  return (
    <div className="flex gap-3">
      <div className="h-20 w-16 shrink-0 overflow-hidden rounded-md bg-stone-200">
        {video.status === "ready" && video.posterUrl ? (
          // The media route answers with the poster's bytes (or a short-lived S3 link): not an optimizable image.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={video.posterUrl} alt={`Poster of the video of ${where}`} className="h-full w-full object-cover" />
        ) : null}
      </div>
      <div className="min-w-0 flex-1 space-y-1 text-sm">
        <p role="status" className="text-stone-800">
          {video.status === "processing" ? "Processing the video…" : video.status === "failed" ? `This video could not be processed. ${video.statusNote ?? ""}` : `Ready${length ? ` · ${length}` : ""}`}
        </p>
        {video.status === "ready" && video.statusNote ? <p className="text-xs text-stone-600">{video.statusNote}</p> : null}
        {action}
        <ConfirmPanel triggerLabel="Remove" triggerAriaLabel={`Remove the video of ${where}`} question="Remove this video?" confirmLabel="Yes, remove it" onConfirm={onRemove} isPending={isRemoving}>
          <p>Your coach will no longer see it. This cannot be undone.</p>
        </ConfirmPanel>
      </div>
    </div>
  );
}
