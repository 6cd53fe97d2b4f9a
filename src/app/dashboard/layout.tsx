import { AppShell } from "@/components/shell/app-shell";
import { resolveNav } from "@/components/shell/nav";
import { env } from "@/env";
import { requireViewer } from "@/app/require-viewer";
import { api } from "@/trpc/server";
import { loadAttention } from "./attention-data";
import { dashboardNav } from "./nav-items";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const me = await requireViewer("trainer");
  // Sections are listed in ./nav-items.ts.
  // The queue's count in the navigation; a failure to count never takes the frame down.
  const [attention, unread] = await Promise.all([
    loadAttention().then((items) => items.length, () => 0),
    (await api()).message.unreadCount().catch(() => 0),
  ]);
  const nav = resolveNav(dashboardNav, {
    isOwner: me.role === "owner",
    counts: { attention, unread },
    flags: { outbox: env().isDemo && !env().SMTP_URL },
  });
  return (
    <AppShell nav={nav} who={`${me.name} · ${me.role === "owner" ? "Owner" : "Trainer"}`} accountHref="/dashboard/account">
      {children}
    </AppShell>
  );
}
