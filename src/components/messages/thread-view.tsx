"use client";

import { useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { useRouter } from "next/navigation";
import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { usePending } from "@/components/logging/use-sync";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { messageSegments, normalisedMessageText } from "@/lib/message-text";
import { enqueue, newDeviceId } from "@/lib/offline-queue";
import type { AppRouter } from "@/server/api/root";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import type { UploadedPhoto } from "@/lib/photo-upload";
import { Composer, type ComposerProps } from "./composer";
import { MessagePhoto } from "./message-photo";
import { PhotoAttach } from "./photo-attach";
import { mergeMessages, seenMessageId, unreadMarker } from "./thread-rules";
import { useThread, type ThreadSource } from "./use-thread";

// A message as message.conversation / message.forLog send it.
type Message = inferRouterOutputs<AppRouter>["message"]["conversation"]["messages"][number];

/** True when the server answered (a refusal to show), false when the request never reached it. */
function serverAnswered(error: unknown): error is TRPCClientError<never> {
  if (!(error instanceof TRPCClientError)) return false;
  const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
  return typeof status === "number" && status < 500 && status !== 401;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
/** A message's time in the reader's own zone (their account's, as every other page shows times), not the browser's. */
function formatMessageTime(at: Date, timeZone: string): string {
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone });
    timeFormats.set(timeZone, format);
  }
  return format.format(at);
}

/** What a message waiting on the phone says (message.send's input, as queued). */
function waitingMessage(payload: unknown): { body: string; photoId: string | null } {
  const { body, photoId } = payload as { body: string; photoId?: string };
  return { body, photoId: photoId ?? null };
}

/** A message's text: plain runs and http(s) links, never HTML. */
function MessageText({ body }: { body: string }) {
  return (
    <p className="text-sm break-words whitespace-pre-wrap">
      {messageSegments(body).map((s, i) =>
        s.kind === "link" ? (
          <a key={i} href={s.href} target="_blank" rel="noopener noreferrer nofollow" className="underline">
            {s.text}
          </a>
        ) : (
          <Fragment key={i}>{s.text}</Fragment>
        ),
      )}
    </p>
  );
}

function Bubble({
  message,
  timeZone,
  isWaiting,
  isSeen,
}: {
  message: Pick<Message, "body" | "createdAt" | "authorName" | "isMine" | "photoId" | "photoSize">;
  timeZone: string;
  isWaiting?: boolean;
  isSeen?: boolean;
}) {
  return (
    <li className={cn("flex flex-col", message.isMine ? "items-end" : "items-start")}>
      <div className={cn("max-w-[85%] rounded-2xl px-3 py-2", message.isMine ? "bg-brand-700 text-white" : "bg-stone-100 text-stone-900", isWaiting && "opacity-70")}>
        <p className={cn("text-xs", message.isMine ? "text-white/80" : "text-stone-600")}>
          <span className="font-medium">{message.isMine ? "You" : message.authorName}</span> · <time dateTime={message.createdAt.toISOString()}>{formatMessageTime(message.createdAt, timeZone)}</time>
        </p>
        {message.photoId ? (
          <MessagePhoto photoId={message.photoId} width={message.photoSize?.width} height={message.photoSize?.height} alt={`Photo from ${message.isMine ? "you" : message.authorName}`} className="my-1" />
        ) : null}
        {message.body ? <MessageText body={message.body} /> : null}
      </div>
      {isWaiting ? <p className="mt-0.5 text-xs text-stone-600">Waiting to send</p> : null}
      {isSeen ? <p className="mt-0.5 text-xs text-stone-600">Seen</p> : null}
    </li>
  );
}

export type ThreadViewProps = {
  source: ThreadSource;
  /** The heading of the list for screen readers and the page ("Messages", "Comments"). */
  title: string;
  /** Shown while the thread has no message yet. */
  emptyText?: string;
  /** Messages written offline wait on the phone (the client's portal, which runs the queue); elsewhere an offline send is refused with a sentence. */
  canQueueOffline?: boolean;
  composer?: Pick<ComposerProps, "renderTools" | "placeholder">;
  className?: string;
};

/** A thread, oldest to newest: earlier pages on demand, a composer, "Seen" under the last own message, and read marks when it is on screen. */
export function ThreadView({ source, title, emptyText = "No messages yet.", canQueueOffline = false, composer, className }: ThreadViewProps) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const thread = useThread(source);
  const data = thread.data;
  const threadId = data?.threadId;
  const [older, setOlder] = useState<Message[]>([]);
  const [hasMoreOlder, setHasMoreOlder] = useState<boolean | null>(null);
  const [olderProblem, setOlderProblem] = useState<string | null>(null);
  const [isLoadingOlder, setIsLoadingOlder] = useState(false);
  const { items: pending } = usePending();
  const listEnd = useRef<HTMLDivElement>(null);
  // A photo uploaded and waiting to go with the next message.
  const [photo, setPhoto] = useState<UploadedPhoto | null>(null);

  const messages = useMemo(() => mergeMessages(older, data?.messages ?? []), [older, data?.messages]);
  const waiting = useMemo(
    () => pending.filter((i) => i.kind === "message" && (i.payload as { threadId?: string }).threadId === threadId && !messages.some((m) => m.id === i.id)),
    [pending, threadId, messages],
  );
  const seenId = seenMessageId(messages, data?.otherSideReadAt ?? null);
  const hasOlder = hasMoreOlder ?? data?.hasOlder ?? false;

  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: trpc.message.pathKey() }), [queryClient, trpc]);

  // A message that waited on the phone and has now gone: the thread shows the server's copy.
  const waitingCount = waiting.length;
  const lastWaitingCount = useRef(waitingCount);
  useEffect(() => {
    if (waitingCount < lastWaitingCount.current) void refresh();
    lastWaitingCount.current = waitingCount;
  }, [waitingCount, refresh]);

  // Read marks: when the newest message is the other side's and the page is on screen.
  const marker = unreadMarker(messages);
  const markedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!threadId || !marker || markedFor.current === marker) return;
    const mark = () => {
      if (document.visibilityState !== "visible" || markedFor.current === marker) return;
      markedFor.current = marker;
      client.message.markRead
        .mutate({ threadId })
        .then(() => {
          void queryClient.invalidateQueries({ queryKey: trpc.message.unreadCount.queryKey() });
          // The navigation's badge is drawn by the server's frame.
          router.refresh();
        })
        .catch(() => {
          markedFor.current = null;
        });
    };
    mark();
    document.addEventListener("visibilitychange", mark);
    return () => document.removeEventListener("visibilitychange", mark);
  }, [threadId, marker, client, queryClient, trpc, router]);

  // The newest message in view as it arrives.
  const newestId = messages[messages.length - 1]?.id ?? waiting[waiting.length - 1]?.id;
  useEffect(() => {
    if (newestId) listEnd.current?.scrollIntoView?.({ block: "nearest" });
  }, [newestId]);

  const loadOlder = async () => {
    const oldest = messages[0];
    if (!threadId || !oldest) return;
    setIsLoadingOlder(true);
    setOlderProblem(null);
    try {
      const page = await client.message.older.query({ threadId, before: oldest.createdAt });
      setOlder((o) => mergeMessages(page.messages, o));
      setHasMoreOlder(page.hasOlder);
    } catch (error) {
      setOlderProblem(serverAnswered(error) ? error.message : "Earlier messages could not be loaded. Check your connection and try again.");
    } finally {
      setIsLoadingOlder(false);
    }
  };

  const send = async (text: string): Promise<string | null> => {
    if (!threadId) return "This conversation is still loading. Try again in a moment.";
    const payload = { threadId, id: newDeviceId(), body: normalisedMessageText(text), ...(photo ? { photoId: photo.photoId } : {}) };
    try {
      await client.message.send.mutate(payload);
      setPhoto(null);
      await refresh();
      return null;
    } catch (error) {
      if (serverAnswered(error)) return error.message;
      if (!canQueueOffline) return "The message could not be sent. Check your connection and try again.";
      const label = payload.body.length > 40 ? `${payload.body.slice(0, 40)}…` : payload.body;
      await enqueue({ id: payload.id, kind: "message", payload, label: label || "A photo" });
      setPhoto(null);
      return null;
    }
  };

  if (thread.isPending) return <p className="text-sm text-stone-600">Loading {title.toLowerCase()}…</p>;
  if (thread.isError || !data) {
    return (
      <p role="alert" className="text-sm text-red-700">
        {serverAnswered(thread.error) ? thread.error.message : `${title} could not be loaded. Check your connection and reload the page.`}
      </p>
    );
  }
  const me = messages.find((m) => m.isMine)?.authorName ?? "You";
  return (
    <section aria-label={title} className={cn("space-y-3", className)}>
      {hasOlder ? (
        <div className="text-center">
          <Button variant="secondary" size="sm" onClick={() => void loadOlder()} disabled={isLoadingOlder}>
            {isLoadingOlder ? "Loading…" : "Show earlier messages"}
          </Button>
          {olderProblem ? <p className="text-sm text-red-700">{olderProblem}</p> : null}
        </div>
      ) : null}
      {messages.length === 0 && waiting.length === 0 ? <p className="text-sm text-stone-600">{emptyText}</p> : null}
      <ol aria-label={`${title}, oldest first`} className="space-y-2">
        {messages.map((m) => (
          <Bubble key={m.id} message={m} timeZone={data.timeZone} isSeen={m.id === seenId} />
        ))}
        {waiting.map((i) => (
          <Bubble key={i.id} timeZone={data.timeZone} message={{ ...waitingMessage(i.payload), createdAt: new Date(i.queuedAt), authorName: me, isMine: true, photoSize: null }} isWaiting />
        ))}
      </ol>
      <div ref={listEnd} />
      <Composer
        onSend={send}
        label={`Write in ${title.toLowerCase()}`}
        {...composer}
        hasAttachment={photo !== null}
        attachment={
          photo ? (
            <div className="flex items-end gap-2">
              <MessagePhoto photoId={photo.photoId} width={photo.width} height={photo.height} alt="The photo you are about to send" className="w-24" />
              <Button type="button" variant="secondary" size="sm" onClick={() => setPhoto(null)}>
                Remove photo
              </Button>
            </div>
          ) : null
        }
        renderAttach={() => <PhotoAttach threadId={data.threadId} disabled={photo !== null} onUploaded={(photoId, p) => setPhoto({ ...p, photoId })} />}
      />
    </section>
  );
}
