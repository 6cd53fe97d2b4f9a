import type { MetadataRoute } from "next";
import { DEFAULT_BRAND_COLOR } from "@/lib/brand-color";
import { api } from "@/trpc/server";

// The portal installs as an app on the client's phone and opens to Today, offline too. It is
// the studio's app: a signed-in person's studio (or a self-hosted server's only studio) gives
// it its name, its logo as the icon and its colour; otherwise it is Stride's.
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const brand = await (await api()).studio.brand().catch(() => null);
  const logoIcon = (size: 192 | 512) => ({ src: `${brand!.logoUrl}?size=${size}`, sizes: `${size}x${size}`, type: "image/png", purpose: "any" as const });
  return {
    name: brand?.name ?? "Stride",
    short_name: brand?.name ?? "Stride",
    description: "Your drills and runs, logged from your phone.",
    start_url: "/portal",
    scope: "/",
    display: "standalone",
    background_color: "#fafaf9",
    theme_color: brand?.brandColor ?? DEFAULT_BRAND_COLOR,
    icons: brand?.logoUrl
      ? [logoIcon(192), logoIcon(512)]
      : [
          { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
        ],
  };
}
