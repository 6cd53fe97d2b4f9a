"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { signOutAction } from "@/app/actions";
import { cn } from "@/lib/cn";
import { currentHref, splitForPhone, type NavItem } from "./nav";
import { NavIcon, type IconName } from "./nav-icons";
import { NavList } from "./nav-list";

const noSubscription = () => () => {};

/**
 * The phone's navigation: a bar along the bottom edge, where a thumb reaches, with the primary
 * sections and "More" for the rest. It sits above the iPhone's home indicator
 * (`safe-area-inset-bottom`) and stays under 64 px otherwise.
 *
 * "More" is a disclosure: a button that opens a sheet over the page, moves focus into it, and
 * closes on Escape (focus back on the button), a tap outside, Tab past its end, or a
 * navigation. Until the page's script has run it is a <details>, so its links work at once.
 */
export function PhoneBar({ items, accountHref, who }: { items: NavItem[]; accountHref: string; who: string }) {
  const pathname = usePathname();
  const isHydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const [isOpen, setOpen] = useState(false);
  const [openedOn, setOpenedOn] = useState(pathname);
  // A navigation by any means (a link, Back) closes the sheet: the page under it changed.
  if (isOpen && openedOn !== pathname) setOpen(false);
  const panelId = useId();
  const root = useRef<HTMLElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { bar, more, moreBadge } = splitForPhone(items);
  const current = currentHref([...items, { href: accountHref }], pathname);
  const isCurrentInMore = current !== null && !bar.some((item) => item.href === current);

  useEffect(() => {
    if (!isOpen) return;
    panel.current?.querySelector<HTMLElement>("ul a[href]")?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [isOpen]);

  const toggle = () => {
    setOpenedOn(pathname);
    setOpen((open) => !open);
  };
  const close = () => setOpen(false);
  const sheet = (
    <MoreSheet items={more} current={current} accountHref={accountHref} who={who} onNavigate={close} onClose={() => (close(), button.current?.focus())} hasClose={isHydrated} />
  );

  return (
    <div className="lg:hidden">
      {isOpen ? <div className="fixed inset-0 z-30 bg-stone-900/40" aria-hidden="true" onClick={close} /> : null}
      <nav
        ref={root}
        aria-label="Main"
        data-phone-bar=""
        className="fixed inset-x-0 bottom-0 z-40 border-t border-stone-200 bg-white pb-[env(safe-area-inset-bottom)]"
        onBlur={(event) => {
          // Tab past the sheet's last link leaves the navigation: the sheet closes behind it.
          if (isOpen && !root.current?.contains(event.relatedTarget as Node | null) && event.relatedTarget !== null) close();
        }}
      >
        <ul className="mx-auto flex h-14 max-w-xl">
          {bar.map((item) => (
            <li key={item.href} className="flex-1">
              <BarLink href={item.href} label={item.label} short={item.short} icon={item.icon} badge={item.badge} isCurrent={item.href === current} />
            </li>
          ))}
          <li className="flex-1">
            {isHydrated ? (
              <button
                ref={button}
                type="button"
                aria-expanded={isOpen}
                aria-controls={panelId}
                onClick={toggle}
                className={cn(barItem, (isOpen || isCurrentInMore) && barItemCurrent)}
              >
                <BarFace label="More" icon="more" badge={moreBadge} badgeWord="inside" isCurrent={isOpen || isCurrentInMore} />
              </button>
            ) : (
              <details className="group h-full">
                <summary className={cn(barItem, "list-none [&::-webkit-details-marker]:hidden", isCurrentInMore && barItemCurrent)}>
                  <BarFace label="More" icon="more" badge={moreBadge} badgeWord="inside" isCurrent={isCurrentInMore} />
                </summary>
                <div className={sheetPosition}>{sheet}</div>
              </details>
            )}
          </li>
        </ul>
        {isHydrated && isOpen ? (
          <div id={panelId} ref={panel} className={sheetPosition}>
            {sheet}
          </div>
        ) : null}
      </nav>
    </div>
  );
}

const barItem = "relative flex h-full w-full cursor-pointer flex-col items-center justify-center gap-0.5 text-[11px] font-medium text-stone-600 hover:text-stone-900";
const barItemCurrent = "text-brand-800";
// Over the page, above the bar; on a wide phone or a tablet, a panel at the right.
const sheetPosition =
  "absolute inset-x-0 bottom-full max-h-[calc(100dvh_-_4.5rem_-_env(safe-area-inset-bottom))] overflow-y-auto rounded-t-2xl border-t border-stone-200 bg-white p-3 shadow-2xl sm:right-2 sm:left-auto sm:mb-2 sm:w-80 sm:rounded-2xl sm:border";

function BarFace({ label, short, icon, badge, badgeWord, isCurrent }: { label: string; short?: string; icon: IconName; badge?: number; badgeWord?: string; isCurrent: boolean }) {
  const counted = badge ? `, ${badge}${badgeWord ? ` ${badgeWord}` : ""}` : "";
  return (
    <>
      <span className={cn("relative flex h-7 w-12 items-center justify-center rounded-full", isCurrent && "bg-brand-100")}>
        <NavIcon name={icon} className={cn("size-5", isCurrent ? "text-brand-700" : "text-stone-500")} />
        {badge ? (
          <span aria-hidden="true" className="absolute -top-1 left-7 inline-flex h-4.5 min-w-4.5 items-center justify-center rounded-full bg-brand-700 px-1 text-[10px] leading-none font-semibold text-white">
            {badge}
          </span>
        ) : null}
      </span>
      {/* The name is one text run, "Needs attention, 3": Chrome puts a space between blocks. */}
      {short || counted ? (
        <>
          <span aria-hidden="true">{short ?? label}</span>
          <span className="sr-only">{label + counted}</span>
        </>
      ) : (
        <span>{label}</span>
      )}
    </>
  );
}

function BarLink({ href, isCurrent, ...face }: { href: string; label: string; short?: string; icon: IconName; badge?: number; isCurrent: boolean }) {
  return (
    <Link href={href} aria-current={isCurrent ? "page" : undefined} className={cn(barItem, isCurrent && barItemCurrent)}>
      <BarFace {...face} isCurrent={isCurrent} />
    </Link>
  );
}

function MoreSheet({
  items,
  current,
  accountHref,
  who,
  onNavigate,
  onClose,
  hasClose,
}: {
  items: NavItem[];
  current: string | null;
  accountHref: string;
  who: string;
  onNavigate: () => void;
  onClose: () => void;
  hasClose: boolean;
}) {
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-2 px-3">
        <p className="py-2 text-sm text-stone-600">Signed in as {who}</p>
        {hasClose ? (
          <button type="button" onClick={onClose} className="-mr-2 flex size-11 items-center justify-center rounded-lg text-stone-600 hover:bg-stone-100">
            <NavIcon name="close" />
            <span className="sr-only">Close menu</span>
          </button>
        ) : null}
      </div>
      <NavList items={items} current={current} onNavigate={onNavigate} label="More sections" />
      <div className="border-t border-stone-200 pt-2">
        <NavList items={[{ href: accountHref, label: "Account settings", icon: "account", isPrimary: false }]} current={current} onNavigate={onNavigate} />
        <form action={signOutAction}>
          <button type="submit" className="flex min-h-11 w-full items-center gap-3 rounded-lg px-3 text-sm font-medium text-stone-700 hover:bg-stone-100">
            <NavIcon name="signOut" className="size-5 shrink-0 text-stone-500" />
            Sign out
          </button>
        </form>
      </div>
    </div>
  );
}
