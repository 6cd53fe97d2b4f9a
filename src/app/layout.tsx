import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { TRPCReactProvider } from "@/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stride", template: "%s · Stride" },
  description: "Stride is where a running coach assigns drills, reviews what clients log, and runs bookings and subscriptions.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f5e3f" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: Next.js can only put the proxy's CSP nonce on the
  // scripts of a page it renders now (a prerendered page's scripts would be blocked).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
