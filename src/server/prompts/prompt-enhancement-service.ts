import "server-only";
import type { EnhancePromptInput } from "@/shared/schemas/prompts";
import type { Database } from "@/server/db/database";
import { AppError } from "@/server/http/app-error";
import { consumeRateLimits, type RateLimitState } from "@/server/http/rate-limit";
import type { KvPort } from "@/server/kv/kv-port";
import type { TemplatesService } from "@/server/templates/templates-service";
import { recordUsage } from "@/server/usage/usage-log";
import { finishEnhancedPrompt } from "./enhanced-prompt";
import type { EnhanceStyle, PromptEnhancerPort } from "./prompt-enhancer-port";

/** The enhancers this deployment can use, as configured. */
export interface PromptEnhancerCatalog {
  gemini(apiKey: string): PromptEnhancerPort;
  operatorGeminiKey: string | undefined;
  demo: PromptEnhancerPort | null;
}

/** An enhancement whose first words have arrived: errors before them were thrown by `start`. */
export interface EnhancementRun {
  /** The per-user enhancement limit as this request left it. */
  rateLimit: RateLimitState;
  /** Streams the rest through `onDelta` (the first words included) and resolves with the finished prompt. */
  finish(onDelta?: (text: string) => void): Promise<string>;
}

export interface PromptEnhancementService {
  /**
   * moderate → style → rate limit → key (the user's Gemini key → the operator's → the demo
   * enhancer → PROVIDER_KEY_MISSING) → the model, until its first words. Spends no image quota.
   */
  start(input: {
    userId: string;
    input: EnhancePromptInput;
    requestId: string;
    signal?: AbortSignal;
  }): Promise<EnhancementRun>;
}

export interface PromptEnhancementDeps {
  db: Database;
  kv: KvPort;
  enhancers: PromptEnhancerCatalog;
  readGeminiKey: (input: { userId: string }) => Promise<string | null>;
  templates: TemplatesService;
  assertPromptAllowed: (...texts: (string | null | undefined)[]) => Promise<void>;
  /** Enhancements a minute per user. */
  perMinute: number;
  now?: () => number;
}

export function createPromptEnhancementService(
  deps: PromptEnhancementDeps,
): PromptEnhancementService {
  const now = deps.now ?? Date.now;

  async function styleOf(id: string | undefined): Promise<EnhanceStyle | null> {
    if (!id) return null;
    try {
      const template = await deps.templates.getTemplate({ id });
      return {
        name: template.name,
        description: template.description,
        promptPrefix: template.promptPrefix,
        promptSuffix: template.promptSuffix,
      };
    } catch (error) {
      if (error instanceof AppError && error.code === "NOT_FOUND") {
        throw new AppError("VALIDATION_ERROR", "That style template does not exist.", {
          issues: [{ path: "styleTemplateId", message: "That style template does not exist." }],
        });
      }
      throw error;
    }
  }

  async function resolveEnhancer(userId: string): Promise<PromptEnhancerPort> {
    const userKey = await deps.readGeminiKey({ userId });
    if (userKey) return deps.enhancers.gemini(userKey);
    if (deps.enhancers.operatorGeminiKey)
      return deps.enhancers.gemini(deps.enhancers.operatorGeminiKey);
    if (deps.enhancers.demo) return deps.enhancers.demo;
    throw new AppError(
      "PROVIDER_KEY_MISSING",
      "Prompt enhancement uses a Gemini text model, which has a free tier. Add your Gemini API key in Settings to use it; you can always write the prompt yourself.",
      { settingsUrl: "/settings#gemini-key" },
    );
  }

  return {
    async start({ userId, input, requestId, signal }) {
      await deps.assertPromptAllowed(input.prompt);
      const style = await styleOf(input.styleTemplateId);
      const rateLimit = await consumeRateLimits({
        kv: deps.kv,
        keys: [`enhance:user:${userId}`],
        rule: { limit: deps.perMinute, windowSeconds: 60 },
        message: "You are enhancing prompts very quickly. Wait a moment and try again.",
      });
      const enhancer = await resolveEnhancer(userId);
      const started = now();
      const log = (status: "success" | "failure", error?: unknown) =>
        recordUsage(deps.db, {
          userId,
          action: "prompt.enhance",
          status,
          provider: enhancer.id,
          model: enhancer.model,
          errorCode:
            error === undefined
              ? null
              : error instanceof AppError
                ? error.code
                : isAbort(error)
                  ? "CLIENT_GONE"
                  : "INTERNAL_ERROR",
          durationMs: now() - started,
          requestId,
        });

      const pieces = enhancer
        .enhance({ prompt: input.prompt, style, signal })
        [Symbol.asyncIterator]();
      let first: IteratorResult<string>;
      try {
        first = await pieces.next();
      } catch (error) {
        await log("failure", error);
        throw error;
      }

      return {
        rateLimit,
        async finish(onDelta) {
          let raw = "";
          try {
            for (let step = first; !step.done; step = await pieces.next()) {
              raw += step.value;
              onDelta?.(step.value);
            }
            const prompt = finishEnhancedPrompt(raw);
            if (prompt === null) {
              throw new AppError(
                "PROVIDER_ERROR",
                "The model returned no suggestion this time. Please try again.",
                { providerStatus: 200, retryable: true, reason: "EMPTY_SUGGESTION" },
              );
            }
            // The suggestion is checked like a prompt: it is meant to be one.
            await deps.assertPromptAllowed(prompt);
            await log("success");
            return prompt;
          } catch (error) {
            await log("failure", error);
            await pieces.return?.().catch(() => undefined);
            throw error;
          }
        },
      };
    },
  };
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}
