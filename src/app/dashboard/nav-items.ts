import type { NavEntry } from "@/components/shell/nav";

/** Counts the dashboard's layout may show beside an entry. */
export type DashboardBadge = "attention" | "unread";

/**
 * The dashboard's sections, in order. On a phone the bar holds the primary ones (a trainer
 * between sessions checks clients, the queue and the day); the rest sit behind "More".
 * A new section is one line; `ownerOnly` keeps it from trainers.
 */
export const dashboardNav: NavEntry<DashboardBadge>[] = [
  { href: "/dashboard", label: "Clients", icon: "clients", isPrimary: true },
  { href: "/dashboard/attention", label: "Needs attention", short: "Attention", icon: "attention", isPrimary: true, badge: "attention" },
  { href: "/dashboard/calendar", label: "Calendar", icon: "calendar", isPrimary: true },
  { href: "/dashboard/messages", label: "Messages", icon: "messages", isPrimary: true, badge: "unread" },
  { href: "/dashboard/overview", label: "Overview", icon: "overview" },
  { href: "/dashboard/drills", label: "Drills", icon: "drills" },
  { href: "/dashboard/programs", label: "Programs", icon: "programs" },
  { href: "/dashboard/check-ins", label: "Check-ins", icon: "drills" },
  { href: "/dashboard/booking-settings", label: "Booking settings", icon: "settings" },
  { href: "/dashboard/plans", label: "Plans", icon: "plans", ownerOnly: true },
  { href: "/dashboard/revenue", label: "Revenue", icon: "revenue", ownerOnly: true },
  { href: "/dashboard/staff", label: "Staff", icon: "staff", ownerOnly: true },
  { href: "/dashboard/settings", label: "Settings", icon: "settings", ownerOnly: true },
  // Emails wait here in the demo when no mail server is set, so people can read them.
  { href: "/dashboard/outbox", label: "Outbox", icon: "outbox", onlyIf: "outbox" },
];
