import { AppShell } from "@/components/shell/app-shell";
import { env } from "@/env";
import { requireViewer } from "@/app/require-viewer";
import { loadAttention } from "./attention-data";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const me = await requireViewer("trainer");
  // Each feature adds its section here.
  // The queue's count in the navigation; a failure to count never takes the frame down.
  const attention = await loadAttention().then((items) => items.length, () => 0);
  const nav = [
    { href: "/dashboard", label: "Clients" },
    { href: "/dashboard/attention", label: "Needs attention", badge: attention },
    { href: "/dashboard/overview", label: "Overview" },
    { href: "/dashboard/drills", label: "Drills" },
    { href: "/dashboard/programs", label: "Programs" },
    { href: "/dashboard/calendar", label: "Calendar" },
    { href: "/dashboard/booking-settings", label: "Booking settings" },
    ...(me.role === "owner"
      ? [
          { href: "/dashboard/plans", label: "Plans" },
          { href: "/dashboard/revenue", label: "Revenue" },
          { href: "/dashboard/staff", label: "Staff" },
          { href: "/dashboard/settings", label: "Settings" },
        ]
      : []),
    ...(env().isDemo && !env().SMTP_URL ? [{ href: "/dashboard/outbox", label: "Outbox" }] : []),
  ];
  return (
    <AppShell nav={nav} who={`${me.name} · ${me.role === "owner" ? "Owner" : "Trainer"}`} accountHref="/dashboard/account">
      {children}
    </AppShell>
  );
}
