"use client";

import { useId, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { messageTextProblem } from "@/lib/message-text";
import { charactersLeft } from "./thread-rules";

export type ComposerProps = {
  /** Sends the text; resolves to a sentence saying why it was not sent, or null when it was (or waits to send). */
  onSend: (text: string) => Promise<string | null>;
  label?: string;
  placeholder?: string;
  /** Tools beside the send button (the inbox's template picker): they may insert text at the caret. */
  renderTools?: (insertText: (t: string) => void) => React.ReactNode;
  /** An attach control (message photos), given the same way to add text. */
  renderAttach?: (insertText: (t: string) => void) => React.ReactNode;
  /** A photo waits to go with the message: it may then be sent without words. */
  hasAttachment?: boolean;
  /** What waits to go with the message (the photo's preview), shown above the buttons. */
  attachment?: React.ReactNode;
};

const COARSE = "(pointer: coarse)";
function subscribeToPointer(onChange: () => void): () => void {
  if (typeof window.matchMedia !== "function") return () => undefined;
  const query = window.matchMedia(COARSE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}
/** True on a phone (a coarse pointer): Enter makes a new line there, and the button sends. */
function usesTouch(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia(COARSE).matches;
}

/** Writes a message: Enter sends on a desktop (Shift+Enter for a new line), the button on a phone. */
export function Composer({ onSend, label = "Message", placeholder = "Write a message", renderTools, renderAttach, hasAttachment = false, attachment }: ComposerProps) {
  const id = useId();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const isTouch = useSyncExternalStore(subscribeToPointer, usesTouch, () => false);
  const left = charactersLeft(text);
  const isEmpty = text.trim() === "" && !hasAttachment;

  const insertText = (t: string) => {
    const area = document.getElementById(id) as HTMLTextAreaElement | null;
    const start = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + t + text.slice(end));
    area?.focus();
  };

  const send = async () => {
    if (isSending) return;
    const local = messageTextProblem(text, { hasAttachment });
    if (local) return setProblem(local);
    setIsSending(true);
    setProblem(null);
    try {
      const refusal = await onSend(text);
      if (refusal) setProblem(refusal);
      else setText("");
    } finally {
      setIsSending(false);
    }
  };

  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <textarea
        id={id}
        rows={3}
        className={cn(inputClass, "h-auto min-h-20 py-2")}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (problem) setProblem(null);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey && !isTouch && !e.nativeEvent.isComposing) {
            e.preventDefault();
            if (!isEmpty) void send();
          }
        }}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : left !== null ? `${id}-left` : undefined}
      />
      {problem ? (
        <p id={`${id}-problem`} role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      ) : null}
      {attachment}
      <div className="flex flex-wrap items-center gap-2">
        {renderAttach?.(insertText)}
        {renderTools?.(insertText)}
        {left !== null ? (
          <span id={`${id}-left`} className={cn("text-sm tabular-nums", left < 0 ? "font-medium text-red-700" : "text-stone-600")}>
            {left < 0 ? `${(-left).toLocaleString("en")} ${left === -1 ? "character" : "characters"} over` : `${left.toLocaleString("en")} ${left === 1 ? "character" : "characters"} left`}
          </span>
        ) : null}
        <Button type="submit" className="ml-auto" disabled={isEmpty || isSending}>
          {isSending ? "Sending…" : "Send"}
        </Button>
      </div>
      {isTouch ? null : <p className="text-xs text-stone-500">Enter sends · Shift+Enter for a new line</p>}
    </form>
  );
}
