"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { signOutEverywhereAction } from "@/app/actions";
import { Button } from "@/components/ui/button";

/**
 * "Account": the person's settings, and "sign out everywhere", folded away because ending
 * every session is rare and reaches every other device too. Closes on Escape or a click elsewhere.
 */
export function AccountMenu({ settingsHref }: { settingsHref: string }) {
  const [isOpen, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!isOpen) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    const onClick = (event: MouseEvent) => !root.current?.contains(event.target as Node) && setOpen(false);
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onClick);
    };
  }, [isOpen]);
  return (
    <div ref={root} className="relative">
      <Button variant="ghost" size="sm" type="button" aria-expanded={isOpen} aria-controls={panelId} onClick={() => setOpen((open) => !open)}>
        Account
      </Button>
      {isOpen ? (
        <div id={panelId} className="absolute bottom-full left-0 z-10 mb-1 w-64 space-y-2 rounded-lg border border-stone-200 bg-white p-3 shadow-lg">
          <Link href={settingsHref} className="block font-medium text-brand-700 underline" onClick={() => setOpen(false)}>
            Account settings
          </Link>
          <p className="text-stone-700">Signed in somewhere you no longer use? End every session, on every device, including this one.</p>
          <form action={signOutEverywhereAction}>
            <Button variant="secondary" size="sm" type="submit">
              Sign out everywhere
            </Button>
          </form>
        </div>
      ) : null}
    </div>
  );
}
