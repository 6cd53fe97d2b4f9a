import nextConfig from "eslint-config-next";
import drizzle from "eslint-plugin-drizzle";

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
];
