import { AppShell } from "@/components/shell/app-shell";
import { env } from "@/env";
import { requireViewer } from "@/server/auth/require";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const me = await requireViewer("trainer");
  // Each feature adds its section here.
  const nav = [
    { href: "/dashboard", label: "Clients" },
    { href: "/dashboard/overview", label: "Overview" },
    { href: "/dashboard/drills", label: "Drills" },
    { href: "/dashboard/programs", label: "Programs" },
    ...(env().isDemo && !env().SMTP_URL ? [{ href: "/dashboard/outbox", label: "Outbox" }] : []),
  ];
  return (
    <AppShell nav={nav} who={`${me.name} · ${me.role === "owner" ? "Owner" : "Trainer"}`}>
      {children}
    </AppShell>
  );
}
