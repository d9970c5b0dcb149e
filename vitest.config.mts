import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = {
  "@": fileURLToPath(new URL("./src", import.meta.url)),
  "server-only": fileURLToPath(new URL("./tests/support/empty-module.ts", import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          // Expected failures (refused requests, injected faults) would otherwise fill the output.
          env: { LOG_LEVEL: "silent" },
          include: ["src/**/*.test.ts"],
          // On CI one retry: a test that fails twice fails the run (the last session's CI run failed
          // once in this part on a loaded machine, on a test that passes here).
          retry: process.env.CI === "true" ? 1 : 0,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          env: { LOG_LEVEL: "silent" },
          include: ["tests/integration/**/*.test.ts"],
          retry: process.env.CI === "true" ? 1 : 0,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          environment: "node",
          include: ["tests/e2e/**/*.e2e.ts"],
          // One browser, one server: files run one after another.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
