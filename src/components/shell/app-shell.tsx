import Link from "next/link";
import { signOutAction, signOutEverywhereAction } from "@/app/actions";
import { Button } from "@/components/ui/button";
import { NavLinks, type NavItem } from "./nav-links";

/** The signed-in frame: brand, sections, who is signed in, sign out. */
export function AppShell({ nav, who, banner, children }: { nav: NavItem[]; who: string; banner?: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="min-h-dvh">
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-bold text-brand-700">
            Stride
          </Link>
          <NavLinks items={nav} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="hidden text-stone-600 sm:inline">{who}</span>
            {/* Folded away: it is rare, and ends the sessions on every other device too. */}
            <details className="relative">
              <summary className="flex h-9 cursor-pointer items-center rounded-lg px-3 text-stone-700 hover:bg-stone-200/60">Account</summary>
              <div className="absolute right-0 z-10 mt-1 w-64 space-y-2 rounded-lg border border-stone-200 bg-white p-3 shadow-lg">
                <p className="text-stone-700">Signed in somewhere you no longer use? End every session, on every device, including this one.</p>
                <form action={signOutEverywhereAction}>
                  <Button variant="secondary" size="sm" type="submit">
                    Sign out everywhere
                  </Button>
                </form>
              </div>
            </details>
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
