import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { PATHNAME_HEADER } from "@/server/request";
import { env } from "@/env";
import { isSetupPendingNow } from "@/server/setup/pending";
import { TRPCReactProvider } from "@/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stride", template: "%s · Stride" },
  description: "Stride is where a running coach assigns drills, reviews what clients log, and runs bookings and subscriptions.",
};

// `cover` lets the phone bar sit on the bottom edge and pad itself above the home indicator
// (env(safe-area-inset-bottom) is 0 without it); the body keeps clear of a landscape notch.
export const viewport: Viewport = { width: "device-width", initialScale: 1, viewportFit: "cover", themeColor: "#0f5e3f" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: Next.js can only put the proxy's CSP nonce on the
  // scripts of a page it renders now (a prerendered page's scripts would be blocked).
  await connection();
  // A new server with no studio yet: every page leads to its set-up. A prefetch skips the
  // proxy and names no path, so it is left alone; the navigation that follows is redirected.
  // A hosted Stride (open sign-up) is not one studio's: trainers start theirs at /sign-up, and
  // the set-up stays at /setup, with its code, for an operator who wants a studio too.
  const pathname = (await headers()).get(PATHNAME_HEADER);
  if (pathname && pathname !== "/setup" && !env().isSignupOpen && (await isSetupPendingNow())) redirect("/setup");
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
