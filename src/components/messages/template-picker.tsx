"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";

/**
 * The trainer's templates beside a composer: picking one hands its text to `onPick` (the
 * composer puts it in the box to edit before sending; it fills {first_name} itself, knowing
 * the client: lib/message-templates.ts fillTemplate). Loads the list only when opened.
 */
export function TemplatePicker({ onPick }: { onPick: (body: string) => void }) {
  const trpc = useTRPC();
  const [isOpen, setIsOpen] = useState(false);
  const templates = useQuery({ ...trpc.template.list.queryOptions(), enabled: isOpen });
  return (
    <div className="relative">
      <Button type="button" variant="secondary" size="sm" aria-expanded={isOpen} onClick={() => setIsOpen((o) => !o)}>
        Templates
      </Button>
      {isOpen ? (
        <div role="group" aria-label="Message templates" className="absolute bottom-full left-0 z-10 mb-2 w-72 max-w-[calc(100vw-2rem)] rounded-lg border border-stone-200 bg-white p-2 shadow-lg">
          {templates.isPending ? <p className="p-2 text-sm text-stone-600">Loading your templates…</p> : null}
          {templates.isError ? <p className="p-2 text-sm text-red-700">Your templates could not be loaded. Try again.</p> : null}
          {templates.data && templates.data.length === 0 ? (
            <p className="p-2 text-sm text-stone-600">
              No templates yet. Add them under <Link href="/dashboard/messages#templates" className="text-brand-700 underline">Messages, Templates</Link>.
            </p>
          ) : null}
          <ul className="max-h-64 space-y-1 overflow-y-auto">
            {templates.data?.map((t) => (
              <li key={t.id}>
                <button
                  type="button"
                  className="w-full rounded-md px-2 py-2 text-left hover:bg-stone-100 focus:bg-stone-100"
                  onClick={() => {
                    onPick(t.body);
                    setIsOpen(false);
                  }}
                >
                  <span className="block text-sm font-medium text-stone-900">{t.title}</span>
                  <span className="block truncate text-xs text-stone-600">{t.body}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
