import type { Viewport } from "next";
import { PaymentProblemBanner } from "@/components/billing/payment-problem-banner";
import { SyncStatus } from "@/components/logging/sync-status";
import { AppShell } from "@/components/shell/app-shell";
import { requireViewer } from "@/app/require-viewer";
import { api } from "@/trpc/server";

// The phone's status bar in the studio's colour, as the installed app's (manifest.ts).
export async function generateViewport(): Promise<Viewport> {
  const brand = await (await api()).studio.brand().catch(() => null);
  return brand?.brandColor ? { themeColor: brand.brandColor } : {};
}

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const me = await requireViewer("client");
  const trpc = await api();
  const [problem, brand] = await Promise.all([trpc.billing.paymentProblem(), trpc.studio.brand()]);
  // Each feature adds its section here.
  return (
    <AppShell
      studio={brand ?? undefined}
      nav={[
        { href: "/portal", label: "Today" },
        { href: "/portal/log", label: "Log drills" },
        { href: "/portal/run", label: "Log a run" },
        { href: "/portal/history", label: "History" },
        { href: "/portal/progress", label: "Progress" },
        { href: "/portal/sessions", label: "My sessions" },
        { href: "/portal/book", label: "Book a session" },
        { href: "/portal/billing", label: "Membership" },
        { href: "/portal/my-data", label: "My data" },
      ]}
      who={me.name}
      accountHref="/portal/account"
      banner={problem ? <PaymentProblemBanner amountMinor={problem.amountMinor} currency={problem.currency} /> : null}
    >
      <SyncStatus userId={me.userId} />
      {children}
    </AppShell>
  );
}
