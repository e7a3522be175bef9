import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias: { ...alias, "server-only": path.resolve("tests/server-only-stub.ts") } },
        test: {
          name: "unit",
          include: ["server/**/*.test.ts", "lib/**/*.test.ts", "components/**/*.test.ts"],
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias: { ...alias, "server-only": path.resolve("tests/server-only-stub.ts") } },
        test: {
          name: "integration",
          sequence: { groupOrder: 1 },
          include: ["tests/**/*.test.ts"],
          globalSetup: ["tests/global-setup.ts"],
          setupFiles: ["tests/setup.ts"],
          pool: "forks",
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
