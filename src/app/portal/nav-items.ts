import type { NavEntry } from "@/components/shell/nav";

/** Counts the portal's layout may show beside an entry. */
export type PortalBadge = "payment" | "unread";

/**
 * The portal's sections, in order. On a phone the bar holds the primary ones, what a client
 * reaches for with one thumb mid-warm-up; the rest sit behind "More" (a run is
 * also logged from Today's own button). A new section is one line.
 */
export const portalNav: NavEntry<PortalBadge>[] = [
  { href: "/portal", label: "Today", icon: "today", isPrimary: true },
  { href: "/portal/log", label: "Log drills", short: "Log", icon: "log", isPrimary: true },
  { href: "/portal/run", label: "Log a run", icon: "run" },
  { href: "/portal/history", label: "History", icon: "history", isPrimary: true },
  { href: "/portal/book", label: "Book a session", short: "Book", icon: "book", isPrimary: true },
  { href: "/portal/sessions", label: "My sessions", icon: "sessions" },
  // Behind "More" on a phone (the bar holds four); its unread count shows on "More" too.
  { href: "/portal/messages", label: "Messages", icon: "messages", badge: "unread" },
  { href: "/portal/progress", label: "Progress", icon: "progress" },
  { href: "/portal/billing", label: "Membership", icon: "billing", badge: "payment" },
  { href: "/portal/my-data", label: "My data", icon: "data" },
];
