import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { FlatCompat } from "@eslint/eslintrc";
import tseslint from "typescript-eslint";

const compat = new FlatCompat({ baseDirectory: dirname(fileURLToPath(import.meta.url)) });

const ENV_RULE = {
  object: "process",
  property: "env",
  message: "Read configuration through src/server/config.",
};

const DATA_LAYER_MESSAGE =
  "Load and change data through src/lib/api: apiRequest/apiFetch outside React, useApiQuery, useCursorPages or useApiMutation in components (fetchSameOriginFile for files kept offline).";

const CLIENT_DATA_GLOBALS = ["fetch", "XMLHttpRequest", "EventSource"].map((name) => ({
  name,
  message: DATA_LAYER_MESSAGE,
}));

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
      "no-restricted-properties": ["error", ENV_RULE],
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
  {
    // One client data layer: components and client code load and change data through
    // src/lib/api (apiRequest, useApiQuery, useCursorPages, useApiMutation), never by hand.
    files: ["src/components/**", "src/lib/**", "src/app/**"],
    ignores: [
      "src/lib/api/**",
      // The service worker answers fetch events with fetch itself.
      "src/app/sw.ts",
      // A generation streams its progress (SSE); its JSON answers go through readEnvelope.
      "src/lib/generation/stream-generation.ts",
      // So does a prompt enhancement (SSE deltas); its JSON answers go through readEnvelope too.
      "src/lib/prompts/stream-enhancement.ts",
      "**/*.test.ts",
      "**/*.test.tsx",
    ],
    rules: {
      "no-restricted-globals": ["error", ...CLIENT_DATA_GLOBALS],
      "no-restricted-properties": [
        "error",
        ENV_RULE,
        ...["window", "self", "globalThis"].map((object) => ({
          object,
          property: "fetch",
          message: DATA_LAYER_MESSAGE,
        })),
      ],
    },
  },
];

export default config;
