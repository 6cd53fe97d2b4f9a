"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

export type NavItem = { href: string; label: string; badge?: number };

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="order-last w-full sm:order-none sm:w-auto">
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => {
          const isCurrent = item.href === pathname || (item.href !== "/dashboard" && item.href !== "/portal" && pathname.startsWith(item.href));
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "flex h-10 items-center gap-2 rounded-lg px-3 text-sm font-medium whitespace-nowrap text-stone-700 hover:bg-stone-100",
                  isCurrent && "bg-brand-50 text-brand-800",
                )}
              >
                {item.label}
                {item.badge ? <span className="rounded-full bg-brand-700 px-2 text-xs text-white">{item.badge}</span> : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
