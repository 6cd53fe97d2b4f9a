import type { MetadataRoute } from "next";
import { appManifestFor } from "@/lib/app-manifest";
import { api } from "@/trpc/server";

// Browsers fetch a manifest without cookies, so this one is for a visitor: a self-hosted
// server's only studio, else Stride's. The portal links its own studio's instead
// (studios/[slug]/manifest), which needs no session.
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const brand = await (await api()).studio.brand().catch(() => null);
  return appManifestFor(brand);
}
