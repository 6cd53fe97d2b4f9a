import { PaymentProblemBanner } from "@/components/billing/payment-problem-banner";
import { SyncStatus } from "@/components/logging/sync-status";
import { AppShell } from "@/components/shell/app-shell";
import { requireViewer } from "@/app/require-viewer";
import { api } from "@/trpc/server";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const me = await requireViewer("client");
  const problem = await (await api()).billing.paymentProblem();
  // Each feature adds its section here.
  return (
    <AppShell
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
      banner={problem ? <PaymentProblemBanner amountMinor={problem.amountMinor} currency={problem.currency} /> : null}
    >
      <SyncStatus userId={me.userId} />
      {children}
    </AppShell>
  );
}
