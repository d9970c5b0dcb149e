import "server-only";
import type { AppConfig } from "@/server/config/env";
import { AppError } from "@/server/http/app-error";
import { createDemoProvider } from "./providers/demo-provider";
import { checkGeminiKey, createGeminiProvider } from "./providers/gemini-provider";
import type { ImageProviderPort } from "./providers/image-provider-port";

/** The image providers this deployment can use, as configured. */
export interface ProviderCatalog {
  gemini(apiKey: string): ImageProviderPort;
  checkGeminiKey(apiKey: string): Promise<void>;
  operatorGeminiKey: string | undefined;
  demo: ImageProviderPort | null;
}

export function createProviderCatalog(config: AppConfig["imageProvider"]): ProviderCatalog {
  return {
    gemini: (apiKey) =>
      createGeminiProvider({ apiKey, model: config.model, baseUrl: config.geminiBaseUrl }),
    checkGeminiKey: (apiKey) => checkGeminiKey({ apiKey, baseUrl: config.geminiBaseUrl }),
    operatorGeminiKey: config.geminiApiKey,
    demo: config.demoEnabled ? createDemoProvider() : null,
  };
}

export type ProviderSource = "user" | "operator" | "demo";

/** The user's key → the operator's GEMINI_API_KEY → the demo provider → PROVIDER_KEY_MISSING. */
export function resolveProvider({
  catalog,
  userKey,
}: {
  catalog: ProviderCatalog;
  userKey: string | null;
}): { provider: ImageProviderPort; source: ProviderSource } {
  if (userKey) return { provider: catalog.gemini(userKey), source: "user" };
  if (catalog.operatorGeminiKey)
    return { provider: catalog.gemini(catalog.operatorGeminiKey), source: "operator" };
  if (catalog.demo) return { provider: catalog.demo, source: "demo" };
  throw new AppError(
    "PROVIDER_KEY_MISSING",
    "Add your Gemini API key in Settings to start generating images.",
    { settingsUrl: "/settings#gemini-key" },
  );
}
