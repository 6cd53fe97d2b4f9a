import { SyncStatus } from "@/components/logging/sync-status";
import { AppShell } from "@/components/shell/app-shell";
import { requireViewer } from "@/server/auth/require";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const me = await requireViewer("client");
  // Each feature adds its section here.
  return (
    <AppShell
      nav={[
        { href: "/portal", label: "Today" },
        { href: "/portal/log", label: "Log drills" },
        { href: "/portal/run", label: "Log a run" },
        { href: "/portal/history", label: "History" },
      ]}
      who={me.name}
    >
      <SyncStatus userId={me.userId} />
      {children}
    </AppShell>
  );
}
