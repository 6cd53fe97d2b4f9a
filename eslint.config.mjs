import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import nextConfig from "eslint-config-next";
import drizzle from "eslint-plugin-drizzle";

const root = import.meta.dirname;

// Files the browser runs: all of src/components, plus every file under src/app that starts
// with "use client" (found here, so a new client component is covered without editing this).
const clientFiles = [
  "src/components/**",
  ...readdirSync(path.join(root, "src/app"), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.posix.join("src/app", file.split(path.sep).join("/")))
    .filter((file) => /^\s*["']use client["']/.test(readFileSync(path.join(root, file), "utf8"))),
];

// Layers one way: app → api → domain (src/server/<domain>) → db, with src/lib as the pure
// code every layer, and the browser, may import. Matched on the resolved file, so a relative
// `../api/root` counts the same as `@/server/api/root`, and `import type` counts too: a type
// from a higher layer is still a dependency on it.
const layers = [
  {
    // The browser imports src/lib too, so nothing in it may pull in server code (secrets,
    // database drivers, "server-only") or anything that depends on a page.
    target: "./src/lib",
    from: ["./src/server", "./src/app", "./src/components", "./src/trpc", "./src/env.ts"],
    message: "src/lib is shared pure code: move what it needs into src/lib, or the caller out of it.",
  },
  {
    // The schema and the client are the bottom: a rule that needs the database calls down into it.
    target: "./src/server/db",
    from: "./src/server",
    except: ["./db"],
    message: "src/server/db is the bottom layer: it may not import a domain or the api.",
  },
  {
    // A domain is called by routers and pages; importing the tRPC root or context back would
    // make every domain depend on every router (and on the request).
    target: ["./src/server/!(api|db)/**", "./src/server/*.ts"],
    from: ["./src/server/api", "./src/app", "./src/components", "./src/trpc"],
    message: "A domain may not import the api layer, pages, components or src/trpc: take what it needs as arguments.",
  },
  {
    target: "./src/server/api",
    from: ["./src/app", "./src/components", "./src/trpc"],
    message: "The api layer may not import pages, components or src/trpc.",
  },
  {
    // Components are used by pages, never the other way round.
    target: "./src/components",
    from: "./src/app",
    message: "A component may not import from src/app: move the shared part into src/components or src/lib.",
  },
];

// Client code gets no runtime value from src/server: it would ship server code (and possibly
// secrets) to the browser, or fail the build on "server-only". Types are erased, so
// `import type` is allowed: that is how the client knows tRPC's inferred `AppRouter` and the
// shapes procedures return.
const serverImport = {
  regex: "^(@/|(\\.\\./)+)server(/|$)",
  allowTypeImports: true,
  message: "Client code may import only types from src/server; move the pure code it needs into src/lib.",
};

export default [
  ...nextConfig,
  { ignores: [".next/**", ".data/**", "drizzle/**", "playwright-report/**", "test-results/**"] },
  {
    plugins: { drizzle },
    rules: {
      // An update or delete without a where clause touches every tenant's rows.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx", "q"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx", "q"] }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "import/no-restricted-paths": ["error", { basePath: root, zones: layers }],
      // Two modules importing each other have no order to read or to initialise them in; one
      // of them holds something both need, which belongs a layer down. Type-only imports are
      // not followed (they vanish at run time).
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: clientFiles,
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [serverImport] }],
    },
  },
];
