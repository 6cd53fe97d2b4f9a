import { AppShell } from "@/components/shell/app-shell";
import { requireViewer } from "@/server/auth/require";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const me = await requireViewer("client");
  // Each feature adds its section here.
  return (
    <AppShell nav={[
        { href: "/portal", label: "Today" },
        { href: "/portal/progress", label: "Progress" },
      ]} who={me.name}>
      {children}
    </AppShell>
  );
}
