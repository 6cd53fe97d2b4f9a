"use client";

import { useId, useRef, useState } from "react";
import { cn } from "@/lib/cn";
import { photoFileProblem, uploadAnswerOf, type UploadedPhoto } from "@/lib/photo-upload";

type Props = {
  threadId: string;
  /** The photo is stored (not yet sent): the composer sends it with the next message (message.send's photoId). */
  onUploaded: (photoId: string, photo: UploadedPhoto) => void;
  disabled?: boolean;
  className?: string;
};

/**
 * The composer's photo button: choose a photo (or, on a phone, take one), see it upload, and
 * read why when it cannot be sent. The server checks the photo by its bytes, shrinks it and
 * strips where it was taken; this checks only what saves a phone a useless upload.
 */
export function PhotoAttach({ threadId, onUploaded, disabled, className }: Props) {
  const id = useId();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRef<XMLHttpRequest | null>(null);

  function upload(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    const problem = photoFileProblem(file);
    setError(problem);
    if (problem) return;
    const form = new FormData();
    form.set("threadId", threadId);
    form.set("photo", file);
    // XMLHttpRequest, not fetch: only it reports how much of an upload has gone.
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open("POST", "/api/messages/photos");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      setProgress(null);
      const answer = uploadAnswerOf(xhr.status, xhr.response);
      if ("photo" in answer) onUploaded(answer.photo.photoId, answer.photo);
      else setError(answer.error);
    };
    xhr.onerror = () => {
      setProgress(null);
      setError("The photo could not be sent. Check your connection and try again.");
    };
    xhr.onabort = () => setProgress(null);
    setProgress(0);
    xhr.send(form);
  }

  const isUploading = progress !== null;
  const inputClass = "sr-only";
  const labelClass = cn(
    "inline-flex h-11 cursor-pointer items-center justify-center rounded-lg border border-stone-300 bg-white px-3 text-sm font-medium text-stone-900 hover:bg-stone-100",
    (disabled || isUploading) && "pointer-events-none opacity-50",
  );
  return (
    <div className={cn("space-y-1", className)}>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-choose`} className={labelClass}>
          Add a photo
        </label>
        <input
          id={`${id}-choose`}
          type="file"
          accept="image/*"
          className={inputClass}
          disabled={disabled || isUploading}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => upload(e.currentTarget)}
        />
        {/* On a phone, straight to the camera; a desktop browser has no camera to open. */}
        <label htmlFor={`${id}-camera`} className={cn(labelClass, "hidden pointer-coarse:inline-flex")}>
          Take a photo
        </label>
        <input
          id={`${id}-camera`}
          // Its visible label shows on touch screens only: named here for every screen reader.
          aria-label="Take a photo"
          type="file"
          accept="image/*"
          capture="environment"
          className={inputClass}
          disabled={disabled || isUploading}
          onChange={(e) => upload(e.currentTarget)}
        />
        {isUploading ? (
          <>
            <progress max={100} value={progress} aria-label="Uploading the photo" className="h-2 w-24" />
            <button type="button" className="text-sm text-stone-700 underline" onClick={() => request.current?.abort()}>
              Cancel
            </button>
          </>
        ) : null}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
