import "server-only";
import type { AppConfig } from "@/server/config/env";
import { createDemoPromptEnhancer } from "./demo-prompt-enhancer";
import { createGeminiPromptEnhancer } from "./gemini-prompt-enhancer";
import type { PromptEnhancerCatalog } from "./prompt-enhancement-service";

/** Gemini's text model on the image provider's base URL and operator key; the demo where it is on. */
export function createPromptEnhancerCatalog(
  config: Pick<AppConfig, "imageProvider" | "promptEnhancer">,
): PromptEnhancerCatalog {
  const { geminiApiKey, geminiBaseUrl, demoEnabled } = config.imageProvider;
  return {
    gemini: (apiKey) =>
      createGeminiPromptEnhancer({
        apiKey,
        model: config.promptEnhancer.model,
        baseUrl: geminiBaseUrl,
      }),
    operatorGeminiKey: geminiApiKey,
    // A little pacing, so the demo streams visibly like a model does.
    demo: demoEnabled ? createDemoPromptEnhancer({ chunkDelayMs: 40 }) : null,
  };
}
