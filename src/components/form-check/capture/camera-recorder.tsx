"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { containerOf, pickRecordingType, recordingName, timerText, type FilmedSide } from "./capture-rules";

/** Whether this browser can film in the page (camera access and MediaRecorder with a type we take). */
export function canRecordInPage(): boolean {
  return typeof window !== "undefined" && Boolean(navigator.mediaDevices?.getUserMedia) && typeof MediaRecorder !== "undefined" && pickRecordingType((t) => MediaRecorder.isTypeSupported(t)) !== null;
}

/** The camera refused or missing, in words a client can act on. */
function cameraSentence(error: unknown): string {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "The camera is blocked for Stride. Allow it in your browser's settings, or choose a video you filmed with the camera app.";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "No camera was found on this device. Choose a video you filmed instead.";
  return "The camera could not be started. Choose a video you filmed instead.";
}

/**
 * A live preview of the back camera, a running timer, and a recording that stops by itself at
 * the limit. Hands the recording over as a file; the camera is released as soon as it stops.
 */
export function CameraRecorder({ side, maxSeconds, onRecorded, onClose, onCameraRefused }: { side: FilmedSide; maxSeconds: number; onRecorded: (file: File) => void; onClose: () => void; onCameraRefused: (sentence: string) => void }) {
  const preview = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const [isReady, setReady] = useState(false);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);

  useEffect(() => {
    let isCancelled = false;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false })
      .then((media) => {
        if (isCancelled) return media.getTracks().forEach((t) => t.stop());
        stream.current = media;
        if (preview.current) preview.current.srcObject = media;
        setReady(true);
      })
      .catch((error: unknown) => {
        if (!isCancelled) onCameraRefused(cameraSentence(error));
      });
    return () => {
      isCancelled = true;
      if (recorder.current?.state === "recording") {
        recorder.current.ondataavailable = null;
        recorder.current.onstop = null;
        recorder.current.stop();
      }
      stream.current?.getTracks().forEach((t) => t.stop());
    };
    // The camera opens once per recorder; its callbacks are read at the time they fire.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (startedAt === null) return;
    const tick = window.setInterval(() => {
      const seconds = (Date.now() - startedAt) / 1000;
      setElapsed(seconds);
      // The limit the server holds to: stop here rather than send a clip it refuses.
      if (seconds >= maxSeconds && recorder.current?.state === "recording") recorder.current.stop();
    }, 200);
    return () => window.clearInterval(tick);
  }, [startedAt, maxSeconds]);

  function start() {
    const media = stream.current;
    const mimeType = pickRecordingType((t) => MediaRecorder.isTypeSupported(t));
    if (!media || !mimeType) return;
    const chunks: Blob[] = [];
    const rec = new MediaRecorder(media, { mimeType });
    rec.ondataavailable = (e) => {
      if (e.data.size > 0) chunks.push(e.data);
    };
    rec.onstop = () => {
      setStartedAt(null);
      stream.current?.getTracks().forEach((t) => t.stop());
      const type = containerOf(rec.mimeType || mimeType);
      const now = new Date();
      onRecorded(new File(chunks, recordingName(side, type, now), { type, lastModified: now.getTime() }));
    };
    recorder.current = rec;
    rec.start(1000);
    setElapsed(0);
    setStartedAt(Date.now());
  }

  const isRecording = startedAt !== null;
  return (
    <div className="space-y-2">
      {/* The preview has no sound and nothing to caption: it is the camera's live picture. */}
      <video ref={preview} autoPlay muted playsInline aria-label="Camera preview" className="aspect-[3/4] max-h-80 w-full rounded-lg bg-stone-900 object-cover" />
      <p className="text-sm font-medium tabular-nums text-stone-800" role="timer" aria-label="Recording time">
        {isRecording ? `● Recording ${timerText(elapsed, maxSeconds)}` : isReady ? `Up to ${timerText(maxSeconds, maxSeconds).split(" of ")[0]} of ${side === "both" ? "the drill" : `the ${side} side`}.` : "Starting the camera…"}
      </p>
      <div className="flex flex-wrap gap-2">
        {isRecording ? (
          <Button type="button" variant="danger" onClick={() => recorder.current?.stop()}>
            Stop recording
          </Button>
        ) : (
          <Button type="button" disabled={!isReady} onClick={start}>
            Start recording
          </Button>
        )}
        <Button type="button" variant="ghost" disabled={isRecording} onClick={onClose}>
          Close the camera
        </Button>
      </div>
    </div>
  );
}
