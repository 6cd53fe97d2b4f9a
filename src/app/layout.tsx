import type { Metadata, Viewport } from "next";
import { TRPCReactProvider } from "@/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stride", template: "%s · Stride" },
  description: "Stride is where a running coach assigns drills, reviews what clients log, and runs bookings and subscriptions.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f5e3f" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
