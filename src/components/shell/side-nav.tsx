"use client";

import { usePathname } from "next/navigation";
import { currentHref, type NavItem } from "./nav";
import { NavList } from "./nav-list";

/** Every section, one per line, so a studio with a dozen never wraps into a second row. */
export function SideNav({ items, accountHref }: { items: NavItem[]; accountHref: string }) {
  const current = currentHref([...items, { href: accountHref }], usePathname());
  return (
    <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-2">
      <NavList items={items} current={current} />
    </nav>
  );
}
