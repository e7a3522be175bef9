import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", "server/db/generated/**", "test-results/**", "playwright-report/**", ".data/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Browser code must not build zod object schemas: zod 4 then probes `new Function`, which the Content
    // Security Policy (no 'unsafe-eval') blocks and the browser reports (it did on /admin/queue). Types are fine.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["zod", "zod/*", "@/server/**/*.schemas"],
              allowTypeImports: true,
              message: "Browser bundles must not build zod object schemas (CSP blocks zod's eval probe); import types only, or move the constants to a zod-free module.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
