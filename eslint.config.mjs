import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import nextConfig from "eslint-config-next";
import drizzle from "eslint-plugin-drizzle";

const root = import.meta.dirname;

// Tests drive a layer through the ones above it (a domain's integration test calls the
// router through `createCaller`), and nothing imports a test, so the layer rules below
// cover the code that ships.
const tests = ["**/*.test.ts", "**/*.test.tsx"];

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
// from a higher layer is still a dependency on it. ("server-only" files, e.g. src/trpc/server.ts,
// need no rule of their own: the package fails the build when the browser imports them.)
const layers = [
  {
    // The browser imports src/lib too, so nothing in it may pull in server code (secrets,
    // database drivers, "server-only" modules) or anything built on a page.
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
    // The attention queue (review) gathers the other domains' sources; a source importing
    // review back is the circle this replaced. The item shape is in src/lib/attention.ts.
    target: ["./src/server/billing", "./src/server/progression"],
    from: "./src/server/review",
    message: "Review imports the attention sources, not the other way round: shared shapes live in src/lib/attention.ts.",
  },
  {
    target: "./src/server/api",
    from: ["./src/app", "./src/components", "./src/trpc"],
    message: "The api layer may not import pages, components or src/trpc.",
  },
  {
    // Pages use components, never the other way round; server actions ("use server") are the
    // one thing in src/app a component calls.
    target: "./src/components",
    from: "./src/app",
    except: ["./actions.ts"],
    message: "A component may not import from src/app: move the shared part into src/components or src/lib.",
  },
];

// Client code gets no runtime value from src/server: it would ship server code (and perhaps
// secrets) to the browser, or fail the build on "server-only". Types are erased, so
// `import type` stays allowed: that is how the client knows tRPC's inferred `AppRouter` and
// the shapes procedures return.
const serverImport = {
  regex: "^(@/|(\\.\\./)+)server/",
  allowTypeImports: true,
  message: "Client code may import only types from src/server; move the pure code it needs into src/lib.",
};

const config = [
  ...nextConfig,
  { ignores: [".next/**", ".data/**", "drizzle/**", "playwright-report/**", "test-results/**"] },
  {
    // eslint-plugin-import parses every imported file for the layer and cycle rules: keep
    // what it parsed for the whole run (the default forgets after 30 s and parses again), and
    // never walk into node_modules (no cycle runs through a package back into src).
    settings: { "import/cache": { lifetime: Infinity }, "import/ignore": ["node_modules"] },
  },
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
    ignores: tests,
    rules: {
      "import/no-restricted-paths": ["error", { basePath: root, zones: layers }],
      // Two modules importing each other have no order to read or to initialise them in; what
      // both need belongs a layer down. Type-only imports are not followed (they vanish at run
      // time), so a circle of types alone is not caught.
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: clientFiles,
    ignores: tests,
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [serverImport] }],
    },
  },
];

export default config;
