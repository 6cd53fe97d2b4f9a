import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The layer rules of eslint.config.mjs bite: an upward import fails `npx eslint .`. The cycle
// rule is off here only because it would walk the whole import graph of each snippet.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: { rules: { "import/no-cycle": "off" } } });

async function layerErrors(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "import/no-restricted-paths" || m.ruleId === "@typescript-eslint/no-restricted-imports")
    .map((m) => m.message);
}

// Loading the config and its plugins takes a few seconds once; each lint after it is quick.
beforeAll(() => eslint.calculateConfigForFile("src/lib/example.ts").then(() => layerErrors("src/lib/example.ts", "")), 60_000);

describe("layers one way", { timeout: 20_000 }, () => {
  it("src/lib imports nothing from the server", async () => {
    expect(await layerErrors("src/lib/example.ts", 'import { logger } from "@/server/logger";\nexport const log = logger;\n')).toEqual([
      expect.stringContaining("src/lib is shared pure code"),
    ]);
  });

  it("counts a relative import the same as an aliased one", async () => {
    expect(await layerErrors("src/lib/example.ts", 'import { db } from "../server/db/client";\nexport const d = db;\n')).toHaveLength(1);
  });

  it("a domain does not import the tRPC root", async () => {
    expect(await layerErrors("src/server/booking/example.ts", 'import { appRouter } from "@/server/api/root";\nexport const r = appRouter;\n')).toEqual([
      expect.stringContaining("A domain may not import the api layer"),
    ]);
  });

  it("the database layer does not import a domain", async () => {
    expect(await layerErrors("src/server/db/example.ts", 'import { listDueDrills } from "@/server/drills/due";\nexport const f = listDueDrills;\n')).toEqual([
      expect.stringContaining("src/server/db is the bottom layer"),
    ]);
  });

  it("an attention source does not import review", async () => {
    expect(await layerErrors("src/server/billing/example.ts", 'import { listStudioAttention } from "@/server/review/studio-attention";\nexport const f = listStudioAttention;\n')).toEqual([
      expect.stringContaining("Review imports the attention sources"),
    ]);
  });

  it("client code takes types from the server, never values", async () => {
    const value = 'import { logger } from "@/server/logger";\nexport const log = logger;\n';
    const types = 'import type { AppRouter } from "@/server/api/root";\nexport type R = AppRouter;\n';
    expect(await layerErrors("src/components/example.tsx", value)).toEqual([expect.stringContaining("Client code may import only types")]);
    expect(await layerErrors("src/components/example.tsx", types)).toEqual([]);
    // A "use client" file under src/app is client code too (the config finds them by their first line).
    expect(await layerErrors("src/app/portal/book/book-flow.tsx", value)).toEqual([expect.stringContaining("Client code may import only types")]);
  });

  it("pages may import anything below them", async () => {
    expect(await layerErrors("src/app/example/page.tsx", 'import { appRouter } from "@/server/api/root";\nimport { db } from "@/server/db/client";\nexport const x = [appRouter, db];\n')).toEqual([]);
  });
});
