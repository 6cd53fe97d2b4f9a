"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { cn } from "@/lib/cn";

/**
 * The one way Stride asks "are you sure?": an inline panel in place of the button, never the
 * browser's confirm(). Opening it moves focus to the question, so a screen reader reads the
 * question and what follows; "Keep it" or Escape closes it and puts focus back on the button.
 */
export function ConfirmPanel({
  triggerLabel,
  triggerAriaLabel,
  triggerVariant = "secondary",
  beside,
  question,
  children,
  confirmLabel = "Yes, cancel it",
  keepLabel = "Keep it",
  onConfirm,
  onOpenChange,
  isPending = false,
  isConfirmDisabled = false,
  className,
}: {
  triggerLabel: string;
  triggerAriaLabel?: string;
  triggerVariant?: ButtonProps["variant"];
  /** Other actions shown beside the button while the panel is closed (e.g. Reschedule). */
  beside?: React.ReactNode;
  question: string;
  /** What confirming does and costs, said before it happens. */
  children?: React.ReactNode;
  confirmLabel?: string;
  keepLabel?: string;
  onConfirm: () => void;
  onOpenChange?: (isOpen: boolean) => void;
  isPending?: boolean;
  isConfirmDisabled?: boolean;
  className?: string;
}) {
  const [isOpen, setOpen] = useState(false);
  const questionId = useId();
  const detailId = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLParagraphElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (isOpen) heading.current?.focus();
    else if (wasOpen.current) trigger.current?.focus();
    wasOpen.current = isOpen;
  }, [isOpen]);

  const change = (next: boolean) => {
    setOpen(next);
    onOpenChange?.(next);
  };

  if (!isOpen) {
    return (
      <div className={cn("flex flex-wrap gap-2", className)}>
        {beside}
        <Button ref={trigger} type="button" variant={triggerVariant} size="sm" aria-label={triggerAriaLabel} onClick={() => change(true)}>
          {triggerLabel}
        </Button>
      </div>
    );
  }
  return (
    <div
      role="group"
      aria-labelledby={questionId}
      aria-describedby={children ? detailId : undefined}
      className={cn("space-y-2 rounded-lg border border-red-200 bg-red-50/60 p-3", className)}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !isPending) {
          e.stopPropagation();
          change(false);
        }
      }}
    >
      <p id={questionId} ref={heading} tabIndex={-1} className="font-medium text-stone-900">
        {question}
      </p>
      {children ? (
        <div id={detailId} className="space-y-2 text-sm text-stone-800">
          {children}
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="danger" size="sm" disabled={isPending || isConfirmDisabled} onClick={onConfirm}>
          {isPending ? "Working…" : confirmLabel}
        </Button>
        <Button type="button" variant="ghost" size="sm" disabled={isPending} onClick={() => change(false)}>
          {keepLabel}
        </Button>
      </div>
    </div>
  );
}
