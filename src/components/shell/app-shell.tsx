import Link from "next/link";
import { signOutAction } from "@/app/actions";
import { Button } from "@/components/ui/button";
import { brandShades } from "@/lib/brand-color";
import { AccountMenu } from "./account-menu";
import type { NavItem } from "./nav";
import { PhoneBar } from "./phone-bar";
import { SideNav } from "./side-nav";

type StudioBrand = { name: string; logoUrl: string | null; brandColor: string | null };

/**
 * The signed-in frame. Wide screens get a sidebar with every section, who is signed in, their
 * account and sign out. Narrower ones (phones, a tablet upright) get the page from the top
 * edge and a bar at the bottom (PhoneBar). `--app-bar-space` is the room the bar takes, for
 * anything pinned to the bottom of the page (the booking confirmation).
 */
export function AppShell({
  nav,
  who,
  accountHref,
  banner,
  studio,
  children,
}: {
  nav: NavItem[];
  who: string;
  /** The person's account settings page (the dashboard's or the portal's). */
  accountHref: string;
  banner?: React.ReactNode;
  /** The studio the frame is dressed as (the portal); without it, Stride's own. */
  studio?: StudioBrand;
  children: React.ReactNode;
}) {
  // The studio's colour replaces Stride's brand shades for everything inside (globals.css's @theme).
  const style = studio?.brandColor
    ? (Object.fromEntries(Object.entries(brandShades(studio.brandColor)).map(([shade, hex]) => [`--color-brand-${shade}`, hex])) as React.CSSProperties)
    : undefined;
  return (
    <div className="min-h-dvh [--app-bar-space:calc(3.5rem_+_1px_+_env(safe-area-inset-bottom))] lg:flex lg:[--app-bar-space:0px]" style={style}>
      <a href="#main" className="sr-only z-50 rounded-lg bg-white px-3 py-2 font-medium text-brand-700 focus:not-sr-only focus:fixed focus:top-2 focus:left-2">
        Skip to content
      </a>
      <aside className={`sticky top-0 hidden h-dvh w-60 shrink-0 flex-col border-r border-stone-200 bg-white lg:flex ${studio ? "border-t-4 border-t-brand-700" : ""}`}>
        <BrandLink studio={studio} className="px-6 pt-5 pb-3" />
        <SideNav items={nav} accountHref={accountHref} />
        <div className="space-y-1 border-t border-stone-200 p-3 text-sm">
          <p className="truncate px-3 py-1 text-stone-600" title={who}>
            {who}
          </p>
          <div className="flex items-center gap-1">
            <AccountMenu settingsHref={accountHref} />
            <form action={signOutAction}>
              <Button variant="ghost" size="sm" type="submit">
                Sign out
              </Button>
            </form>
          </div>
        </div>
      </aside>
      <div className="min-w-0 flex-1 pb-(--app-bar-space)">
        {/* On a phone the studio's name and logo head the page (in the flow, not a bar: the nav is at the bottom). */}
        {studio ? <BrandLink studio={studio} className="border-t-4 border-t-brand-700 px-4 pt-3 lg:hidden" /> : null}
        {banner ? <div className="mx-auto max-w-6xl px-4 pt-4">{banner}</div> : null}
        <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none">
          {children}
        </main>
      </div>
      <PhoneBar items={nav} accountHref={accountHref} who={who} />
    </div>
  );
}

function BrandLink({ studio, className }: { studio: StudioBrand | undefined; className: string }) {
  return (
    <Link href="/" className={`flex items-center gap-2 text-lg font-bold text-brand-700 ${className}`}>
      {studio?.logoUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- a stored, content-addressed image: Next's optimiser adds nothing
        <img src={studio.logoUrl} alt="" className="h-8 w-auto max-w-24 object-contain" />
      ) : null}
      <span className="min-w-0 break-words">{studio ? studio.name : "Stride"}</span>
    </Link>
  );
}
