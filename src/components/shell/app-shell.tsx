import Link from "next/link";
import { signOutAction } from "@/app/actions";
import { Button } from "@/components/ui/button";
import { AccountMenu } from "./account-menu";
import { NavLinks, type NavItem } from "./nav-links";

/** The signed-in frame: brand, sections, who is signed in, their account, sign out. */
export function AppShell({
  nav,
  who,
  accountHref,
  banner,
  children,
}: {
  nav: NavItem[];
  who: string;
  /** The person's account settings page (the dashboard's or the portal's). */
  accountHref: string;
  banner?: React.ReactNode;
  children: React.ReactNode;
}) {
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
