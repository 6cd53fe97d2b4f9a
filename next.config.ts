import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and argon2 a native binary: load them from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  // The build checks the app's own sources; tests, e2e and scripts are checked by `npm test`.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
