import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./src/server/security/headers";

const nextConfig: NextConfig = {
  // PGlite ships WASM, argon2 a native binary and tsx (the activity reader's worker loader) esbuild:
  // load them from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "tsx"],
  poweredByHeader: false,
  // The build checks the app's own sources; tests, e2e and scripts are checked by `npm test`.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  experimental: { authInterrupts: true },
  // The headers that never change; the CSP (a nonce per page) and HSTS (only over https)
  // are added per request by src/proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
