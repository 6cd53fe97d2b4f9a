import type { MetadataRoute } from "next";

// The portal installs as an app on the client's phone and opens to Today, offline too.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Stride",
    short_name: "Stride",
    description: "Your drills and runs, logged from your phone.",
    start_url: "/portal",
    scope: "/",
    display: "standalone",
    background_color: "#fafaf9",
    theme_color: "#0f5e3f",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
    ],
  };
}
