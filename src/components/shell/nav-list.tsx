"use client";

import Link from "next/link";
import { cn } from "@/lib/cn";
import type { NavItem } from "./nav";
import { NavIcon } from "./nav-icons";

/** A count beside an entry, for the eye; the entry's name carries it for screen readers. */
function CountBadge({ count }: { count: number }) {
  return (
    <span aria-hidden="true" className="inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-brand-700 px-1.5 text-xs font-semibold text-white">
      {count}
    </span>
  );
}

/** A column of full-label links: the wide screen's sidebar, and the phone's "More" menu. */
export function NavList({ items, current, onNavigate, label }: { items: readonly NavItem[]; current: string | null; onNavigate?: () => void; label?: string }) {
  return (
    <ul className="space-y-0.5" aria-label={label}>
      {items.map((item) => {
        const isCurrent = item.href === current;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={isCurrent ? "page" : undefined}
              onClick={onNavigate}
              className={cn(
                "relative flex min-h-11 items-center gap-3 rounded-lg px-3 text-sm font-medium text-stone-700 hover:bg-stone-100",
                isCurrent && "bg-brand-50 text-brand-800 hover:bg-brand-50",
              )}
            >
              <NavIcon name={item.icon} className={cn("size-5 shrink-0", isCurrent ? "text-brand-700" : "text-stone-500")} />
              {item.badge ? (
                <>
                  <span className="flex-1" aria-hidden="true">
                    {item.label}
                  </span>
                  <CountBadge count={item.badge} />
                  {/* One text run, "Needs attention, 3": Chrome puts a space between blocks. */}
                  <span className="sr-only">{`${item.label}, ${item.badge}`}</span>
                </>
              ) : (
                <span className="flex-1">{item.label}</span>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
