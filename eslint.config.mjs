import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { FlatCompat } from "@eslint/eslintrc";
import tseslint from "typescript-eslint";

const compat = new FlatCompat({ baseDirectory: dirname(fileURLToPath(import.meta.url)) });

const config = [
  {
    ignores: [
      ".next*/**",
      ".data*/**",
      "node_modules/**",
      "next-env.d.ts",
      "test-results/**",
      // bench/lighthouse's baseline: a separate Next.js app with its own build folder.
      "bench/lighthouse/baseline/**",
    ],
  },
  ...compat.extends("next/core-web-vitals", "next/typescript"),
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read configuration through src/server/config.",
        },
      ],
    },
  },
  {
    // The configuration module, the runtime probe in instrumentation and build/test tooling
    // are the places allowed to read the environment.
    files: [
      "src/server/config/**",
      "scripts/**",
      "tests/**",
      "bench/**",
      "**/*.test.ts",
      "vitest.config.mts",
      "src/instrumentation.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
