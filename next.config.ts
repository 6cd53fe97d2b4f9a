import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./src/server/security/headers";

const nextConfig: NextConfig = {
  // PGlite ships WASM, argon2 a native binary and tsx (the activity reader's worker loader) esbuild:
  // load them from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "tsx"],
  poweredByHeader: false,
  // The build checks the app's own sources; tests, e2e and scripts are checked by `npm test`.
  // `npm start`'s own build (scripts/start.ts sets STRIDE_START_BUILD) skips the check: the
  // tests type-check, and a first start was waiting a minute for it. `npm run build` checks.
  typescript: { tsconfigPath: "tsconfig.build.json", ignoreBuildErrors: process.env.STRIDE_START_BUILD === "1" },
  experimental: { authInterrupts: true },
  // The headers that never change; the CSP (a nonce per page) and HSTS (only over https)
  // are added per request by src/proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
