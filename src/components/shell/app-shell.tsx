import Link from "next/link";
import { signOutAction } from "@/app/actions";
import { Button } from "@/components/ui/button";
import { brandShades } from "@/lib/brand-color";
import { AccountMenu } from "./account-menu";
import { NavLinks, type NavItem } from "./nav-links";

/** The signed-in frame: brand, sections, who is signed in, their account, sign out. */
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
  studio?: { name: string; logoUrl: string | null; brandColor: string | null };
  children: React.ReactNode;
}) {
  // The studio's colour replaces Stride's brand shades for everything inside (globals.css's @theme).
  const style = studio?.brandColor
    ? (Object.fromEntries(Object.entries(brandShades(studio.brandColor)).map(([shade, hex]) => [`--color-brand-${shade}`, hex])) as React.CSSProperties)
    : undefined;
  return (
    <div className="min-h-dvh" style={style}>
      <header className={studio ? "border-t-4 border-b border-t-brand-700 border-b-stone-200 bg-white" : "border-b border-stone-200 bg-white"}>
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="flex items-center gap-2 text-lg font-bold text-brand-700">
            {studio?.logoUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- a stored, content-addressed image: Next's optimiser adds nothing
              <img src={studio.logoUrl} alt="" className="h-8 w-auto max-w-24 object-contain" />
            ) : null}
            {studio ? studio.name : "Stride"}
          </Link>
          <NavLinks items={nav} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="hidden text-stone-600 sm:inline">{who}</span>
            <AccountMenu settingsHref={accountHref} />
            <form action={signOutAction}>
              <Button variant="ghost" size="sm" type="submit">
                Sign out
              </Button>
            </form>
          </div>
        </div>
      </header>
      {banner ? <div className="mx-auto max-w-6xl px-4 pt-4">{banner}</div> : null}
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
