import type { MetadataRoute } from "next";
import { DEFAULT_BRAND_COLOR } from "./brand-color";

export type ManifestBrand = { name: string; brandColor: string | null; logoUrl: string | null };

/**
 * The installed app's manifest. The portal installs on a client's phone and opens to Today,
 * offline too; it is the studio's app, so a studio gives it its name, its logo as the icon and
 * its colour. Without one it is Stride's.
 */
export function appManifestFor(brand: ManifestBrand | null): MetadataRoute.Manifest {
  const logoIcon = (logoUrl: string, size: 192 | 512) => ({ src: `${logoUrl}?size=${size}`, sizes: `${size}x${size}`, type: "image/png", purpose: "any" as const });
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
      ? [logoIcon(brand.logoUrl, 192), logoIcon(brand.logoUrl, 512)]
      : [
          { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
        ],
  };
}
