import type { IconName } from "./nav-icons";

/**
 * One destination in an app's navigation, as the app's `nav-items.ts` lists it. A new page is
 * one line there; the frame decides where it shows (the sidebar on wide screens, the bar or
 * its "More" menu on phones).
 */
export type NavEntry<Badges extends string = never> = {
  href: string;
  label: string;
  /** The bar's label on phones, when `label` is too long for a fifth of a phone's width. */
  short?: string;
  icon: IconName;
  /** In the phone bar itself; the rest wait behind "More". Keep it to four. */
  isPrimary?: boolean;
  /** Only for the studio's owners (billing, staff, studio settings). */
  ownerOnly?: boolean;
  /** Which of the layout's counts shows beside it (unread messages, the attention queue). */
  badge?: Badges;
  /** Shown only when the layout says so (the demo's outbox). */
  onlyIf?: string;
};

/** What the frame draws: an entry resolved for the person looking at it. */
export type NavItem = {
  href: string;
  label: string;
  short?: string;
  icon: IconName;
  isPrimary: boolean;
  badge?: number;
};

/** The entries this person sees, with their counts filled in. */
export function resolveNav<Badges extends string>(
  entries: readonly NavEntry<Badges>[],
  viewer: { isOwner: boolean; counts?: Partial<Record<Badges, number>>; flags?: Record<string, boolean> },
): NavItem[] {
  return entries
    .filter((e) => (!e.ownerOnly || viewer.isOwner) && (!e.onlyIf || viewer.flags?.[e.onlyIf] === true))
    .map((e) => ({
      href: e.href,
      label: e.label,
      ...(e.short ? { short: e.short } : {}),
      icon: e.icon,
      isPrimary: e.isPrimary === true,
      ...(e.badge && viewer.counts?.[e.badge] ? { badge: viewer.counts[e.badge] } : {}),
    }));
}

/**
 * The entry a page belongs to: the longest href that is the path or a folder above it, so
 * /dashboard/clients/42 is under Clients' /dashboard only when nothing closer matches.
 */
export function currentHref(items: readonly Pick<NavItem, "href">[], pathname: string): string | null {
  let best: string | null = null;
  for (const { href } of items) {
    const isAbove = pathname === href || pathname.startsWith(href.endsWith("/") ? href : `${href}/`);
    if (isAbove && (best === null || href.length > best.length)) best = href;
  }
  return best;
}

/** What "More" carries on phones: what is behind it, and the sum of their counts. */
export function splitForPhone(items: readonly NavItem[]): { bar: NavItem[]; more: NavItem[]; moreBadge: number } {
  const bar = items.filter((i) => i.isPrimary);
  const more = items.filter((i) => !i.isPrimary);
  return { bar, more, moreBadge: more.reduce((sum, i) => sum + (i.badge ?? 0), 0) };
}
