import type { Metadata, Viewport } from "next";
import { cache } from "react";
import { PaymentProblemBanner } from "@/components/billing/payment-problem-banner";
import { SyncStatus } from "@/components/logging/sync-status";
import { AppShell } from "@/components/shell/app-shell";
import { resolveNav } from "@/components/shell/nav";
import { requireViewer } from "@/app/require-viewer";
import { api } from "@/trpc/server";
import { portalNav } from "./nav-items";

// The viewport, the metadata and the frame all dress in the studio's brand: read once per
// request. A failure to read it leaves Stride's own look, never a broken frame.
const studioBrand = cache(async () => (await api()).studio.brand().catch(() => null));

// The phone's status bar in the studio's colour, as the installed app's (manifest.ts).
export async function generateViewport(): Promise<Viewport> {
  const brand = await studioBrand();
  return brand?.brandColor ? { themeColor: brand.brandColor } : {};
}

// The installed app is the client's studio's: its manifest by the studio's public address, since
// a browser fetches the manifest without the session cookie.
export async function generateMetadata(): Promise<Metadata> {
  const brand = await studioBrand();
  return brand ? { manifest: `/studios/${brand.slug}/manifest` } : {};
}

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const me = await requireViewer("client");
  const trpc = await api();
  // The unread count in the navigation; a failure to count never takes the frame down.
  const [problem, brand, unread] = await Promise.all([trpc.billing.paymentProblem(), studioBrand(), trpc.message.unreadCount().catch(() => 0)]);
  // Sections are listed in ./nav-items.ts. A failing payment marks Membership (and "More",
  // which holds it on a phone) as well as the banner, so the way to fix it is easy to find.
  const nav = resolveNav(portalNav, { isOwner: false, counts: { payment: problem ? 1 : 0, unread } });
  return (
    <AppShell
      studio={brand ?? undefined}
      nav={nav}
      who={me.name}
      accountHref="/portal/account"
      banner={problem ? <PaymentProblemBanner amountMinor={problem.amountMinor} currency={problem.currency} /> : null}
    >
      <SyncStatus userId={me.userId} />
      {children}
    </AppShell>
  );
}
