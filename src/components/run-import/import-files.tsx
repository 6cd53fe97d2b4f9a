"use client";

import Link from "next/link";
import { useEffect, useId, useReducer, useRef, useState } from "react";
import { cn } from "@/lib/cn";
import { FILE_NAME_HEADER } from "@/lib/runs/import-lines";
import { completeLines, failedUploadSentence, importReducer, nextUploads, runPageHref, type ImportAction, type ImportRow } from "@/lib/runs/import-queue";

/**
 * Pick or drop a watch's files (FIT, GPX, TCX) or a zip of them; each is a row that says how
 * far it has gone, then what became of it, with a link to its run. Two upload at once, the
 * rest wait their turn; a zip's entries appear as rows as the server reads them.
 */
export function ImportFiles() {
  const id = useId();
  const [rows, dispatch] = useReducer(importReducer, []);
  const [isDragging, setIsDragging] = useState(false);
  const files = useRef(new Map<string, File>());
  const started = useRef(new Set<string>());
  const count = useRef(0);

  useEffect(() => {
    for (const uploadId of nextUploads(rows)) {
      if (started.current.has(uploadId)) continue;
      started.current.add(uploadId);
      const file = files.current.get(uploadId);
      files.current.delete(uploadId);
      if (file) upload(file, uploadId, dispatch);
    }
  });

  function add(list: FileList | null) {
    if (!list?.length) return;
    const picked = Array.from(list).map((file) => {
      const fileId = `f${count.current++}`;
      files.current.set(fileId, file);
      return { id: fileId, name: file.name, size: file.size };
    });
    dispatch({ type: "added", files: picked });
  }

  return (
    <div className="space-y-4">
      <div
        className={cn(
          "rounded-xl border-2 border-dashed bg-white p-5 text-center transition-colors focus-within:border-brand-700 focus-within:ring-2 focus-within:ring-brand-700/30",
          isDragging ? "border-brand-700 bg-brand-50" : "border-stone-300",
        )}
        onDragOver={(e) => {
          e.preventDefault();
          setIsDragging(true);
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setIsDragging(false);
          add(e.dataTransfer.files);
        }}
      >
        <p className="text-sm text-stone-700">Drop your files here, or</p>
        <label
          htmlFor={`${id}-files`}
          className="mt-2 inline-flex h-11 cursor-pointer items-center justify-center rounded-lg bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800"
        >
          Choose files
        </label>
        <input
          id={`${id}-files`}
          type="file"
          multiple
          accept=".fit,.gpx,.tcx,.zip,.gz,application/zip,application/gpx+xml"
          className="sr-only"
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            add(e.currentTarget.files);
            e.currentTarget.value = "";
          }}
        />
        <p id={`${id}-hint`} className="mt-2 text-xs text-stone-600">
          .fit, .gpx or .tcx files, or a .zip of them (your watch&apos;s bulk export). Up to 25 MB a file, 100 MB a zip.
        </p>
      </div>
      {rows.length ? (
        <ol className="space-y-2" aria-label="Files" aria-live="polite">
          {rows.map((row) => (
            <ImportRowView key={row.id} row={row} />
          ))}
        </ol>
      ) : null}
    </div>
  );
}

const STATE_WORDS: Record<ImportRow["state"], string> = {
  waiting: "Waiting",
  uploading: "Uploading",
  reading: "Reading…",
  done: "Done",
  refused: "Not imported",
  skipped: "Skipped",
};

function ImportRowView({ row }: { row: ImportRow }) {
  const tone = row.state === "refused" ? "border-red-200 bg-red-50" : row.state === "done" && row.runId ? "border-emerald-200 bg-emerald-50" : "border-stone-200 bg-white";
  return (
    <li className={cn("rounded-lg border p-3 text-sm", row.inZip && "ml-4", tone)} aria-label={row.file}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <span className="min-w-0 break-all font-medium">{row.file}</span>
        <span className="text-xs text-stone-600">{row.state === "uploading" ? `Uploading ${row.percent} %` : STATE_WORDS[row.state]}</span>
      </div>
      {row.state === "uploading" ? <progress max={100} value={row.percent} aria-label={`Uploading ${row.file}`} className="mt-2 h-2 w-full" /> : null}
      {row.sentence ? <p className={cn("mt-1 [overflow-wrap:anywhere]", row.state === "refused" ? "text-red-800" : "text-stone-800")}>{row.sentence}</p> : null}
      {row.runId ? (
        <p className="mt-1">
          <Link href={runPageHref(row.runId)} prefetch={false} className="font-medium text-brand-700 underline">
            Open the run
          </Link>
        </p>
      ) : null}
    </li>
  );
}

/** Sends one file to the import route, reporting its progress and each line of its answer. */
function upload(file: File, uploadId: string, dispatch: (action: ImportAction) => void) {
  dispatch({ type: "started", id: uploadId });
  // XMLHttpRequest, not fetch: only it reports how much of an upload has gone, and it hands
  // over the answer as it arrives (a line per file read).
  const xhr = new XMLHttpRequest();
  let readTo = 0;
  const readLines = () => {
    if (xhr.status !== 200) return;
    const { lines, next } = completeLines(xhr.responseText, readTo);
    readTo = next;
    for (const line of lines) dispatch({ type: "line", id: uploadId, line });
  };
  xhr.open("POST", "/api/runs/import");
  xhr.setRequestHeader(FILE_NAME_HEADER, encodeURIComponent(file.name));
  xhr.setRequestHeader("content-type", "application/octet-stream");
  xhr.upload.onprogress = (e) => {
    if (e.lengthComputable) dispatch({ type: "progressed", id: uploadId, percent: (e.loaded / e.total) * 100 });
  };
  xhr.upload.onload = () => dispatch({ type: "sent", id: uploadId });
  xhr.onprogress = readLines;
  xhr.onload = () => {
    if (xhr.status === 200) {
      readLines();
      dispatch({ type: "ended", id: uploadId });
    } else {
      dispatch({ type: "failed", id: uploadId, sentence: failedUploadSentence(file.name, xhr.status, xhr.responseText) });
    }
  };
  xhr.onerror = () => dispatch({ type: "failed", id: uploadId, sentence: failedUploadSentence(file.name, 0, "") });
  xhr.send(file);
}
