import "server-only";
import { KEY_PROVIDERS, type ImageProviderId, type KeyProvider } from "@/shared/limits";
import type { AppConfig } from "@/server/config/env";
import { AppError } from "@/server/http/app-error";
import { logger } from "@/server/observability/logger";
import {
  checkCloudflareKey,
  createCloudflareProvider,
  type CloudflareCredentials,
} from "./providers/cloudflare-provider";
import { createDemoProvider } from "./providers/demo-provider";
import { checkGeminiKey, createGeminiProvider } from "./providers/gemini-provider";
import type {
  ImageProviderPort,
  ImageRequest,
  ProviderImage,
} from "./providers/image-provider-port";

/** The image providers this deployment can use, as configured. */
export interface ProviderCatalog {
  gemini(apiKey: string): ImageProviderPort;
  checkGeminiKey(apiKey: string): Promise<void>;
  cloudflare(credentials: CloudflareCredentials): ImageProviderPort;
  checkCloudflareKey(credentials: CloudflareCredentials): Promise<void>;
  operatorGeminiKey: string | undefined;
  operatorCloudflare: CloudflareCredentials | undefined;
  /** OPERATOR_KEY_FALLBACK: the operator's keys come after the user's (default on). */
  operatorFallback: boolean;
  demo: ImageProviderPort | null;
}

export function createProviderCatalog(config: AppConfig["imageProvider"]): ProviderCatalog {
  return {
    gemini: (apiKey) =>
      createGeminiProvider({ apiKey, model: config.model, baseUrl: config.geminiBaseUrl }),
    checkGeminiKey: (apiKey) => checkGeminiKey({ apiKey, baseUrl: config.geminiBaseUrl }),
    cloudflare: (credentials) =>
      createCloudflareProvider({ ...credentials, baseUrl: config.cloudflareBaseUrl }),
    checkCloudflareKey: (credentials) =>
      checkCloudflareKey({ ...credentials, baseUrl: config.cloudflareBaseUrl }),
    operatorGeminiKey: config.geminiApiKey,
    operatorCloudflare: config.operatorCloudflare,
    operatorFallback: config.operatorKeyFallback,
    demo: config.demoEnabled ? createDemoProvider() : null,
  };
}

export type ProviderSource = "user" | "operator" | "demo";

/** The user's stored keys, opened. */
export interface UserProviderKeys {
  gemini: string | null;
  cloudflare: CloudflareCredentials | null;
}

/** An image together with the provider that made it and whose key it spent. */
export interface AttributedImage extends ProviderImage {
  provider: ImageProviderId;
  source: ProviderSource;
}

/** One port that tries each provider of the user's order in turn. */
export interface ProviderChain extends ImageProviderPort {
  /** The providers in the order they will be tried (for logs and tests). */
  readonly links: readonly { provider: ImageProviderId; source: ProviderSource }[];
  generate(request: ImageRequest): Promise<AttributedImage>;
}

interface Link {
  provider: ImageProviderId;
  source: ProviderSource;
  port: ImageProviderPort;
}

/**
 * The chain for one generation: the user's default provider, then their fallback order, each
 * with the user's own key (when the user has keys but none for those, the keys they have);
 * then the operator's keys in the same order (GEMINI_API_KEY, CLOUDFLARE_ACCOUNT_ID +
 * CLOUDFLARE_API_TOKEN) when OPERATOR_KEY_FALLBACK allows; then the demo provider where it is
 * enabled. Nothing at all → PROVIDER_KEY_MISSING.
 */
export function resolveProviderChain({
  catalog,
  keys,
  defaultProvider,
  fallbackOrder,
}: {
  catalog: ProviderCatalog;
  keys: UserProviderKeys;
  defaultProvider: KeyProvider;
  fallbackOrder: readonly KeyProvider[];
}): ProviderChain {
  const chosen = unique([defaultProvider, ...fallbackOrder]);
  const held = KEY_PROVIDERS.filter((provider) => keys[provider] !== null);
  const userOrder = chosen.some((provider) => keys[provider] !== null) ? chosen : held;
  const links: Link[] = [];
  for (const provider of userOrder) {
    const port = portFor(catalog, provider, keys);
    if (port) links.push({ provider, source: "user", port });
  }
  const operatorKeys: UserProviderKeys = {
    gemini: catalog.operatorGeminiKey ?? null,
    cloudflare: catalog.operatorCloudflare ?? null,
  };
  if (catalog.operatorFallback || links.length === 0) {
    // Without OPERATOR_KEY_FALLBACK the operator's key still serves users who have none (the
    // round-1 rule); it is only never used behind a user's own failing key.
    for (const provider of unique([...chosen, ...KEY_PROVIDERS])) {
      const port = portFor(catalog, provider, operatorKeys);
      if (port) links.push({ provider, source: "operator", port });
    }
  }
  // The demo's placeholder never stands in for a real provider that failed.
  if (catalog.demo && links.length === 0) {
    links.push({ provider: "demo", source: "demo", port: catalog.demo });
  }
  if (links.length === 0) {
    throw new AppError(
      "PROVIDER_KEY_MISSING",
      "Add a Gemini API key, or a Cloudflare account id and API token (free daily allocation), in Settings to start generating images.",
      { settingsUrl: "/settings#gemini-key" },
    );
  }
  return chainOf(links);
}

function portFor(
  catalog: ProviderCatalog,
  provider: KeyProvider,
  keys: UserProviderKeys,
): ImageProviderPort | null {
  if (provider === "gemini") return keys.gemini ? catalog.gemini(keys.gemini) : null;
  return keys.cloudflare ? catalog.cloudflare(keys.cloudflare) : null;
}

function chainOf(links: Link[]): ProviderChain {
  const first = links[0]!;
  return {
    id: first.provider,
    model: first.port.model,
    acceptsInputImages: links.some((link) => link.port.acceptsInputImages !== false),
    links: links.map(({ provider, source }) => ({ provider, source })),
    async generate(request) {
      // A text-only provider is skipped for requests with input images; when every provider is
      // text-only, the first is asked anyway so that its own refusal explains why.
      const usable =
        request.inputImages.length > 0
          ? links.filter((link) => link.port.acceptsInputImages !== false)
          : links;
      const order = usable.length > 0 ? usable : [first];
      const failures: { link: Link; error: unknown }[] = [];
      for (const link of order) {
        try {
          const image = await link.port.generate(request);
          return { ...image, provider: link.provider, source: link.source };
        } catch (error) {
          if (request.signal?.aborted || !shouldFallBack(error)) {
            throw failures.length === 0 ? error : withTried(error, [...failures, { link, error }]);
          }
          failures.push({ link, error });
          logger.warn("image provider failed, trying the next", {
            provider: link.provider,
            source: link.source,
            code: error instanceof AppError ? error.code : "UNKNOWN",
            details: error instanceof AppError ? error.details : undefined,
          });
        }
      }
      // Every provider failed: the first one's error is the one the user chose to hear about.
      throw withTried(failures[0]!.error, failures);
    },
  };
}

/**
 * The failures another provider can get round: quota or rate limits (Gemini's "limit: 0" for
 * a key without billing, Cloudflare's used-up daily allocation), outages, timeouts. Not a
 * blocked prompt, bad input, or an unrecognised error (a bug).
 */
export function shouldFallBack(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  if (error.code === "SERVICE_UNAVAILABLE") return true;
  if (error.code !== "PROVIDER_ERROR") return false;
  const details = (error.details ?? {}) as {
    retryable?: unknown;
    reason?: unknown;
    providerStatus?: unknown;
  };
  if (details.retryable === true) return true;
  if (details.reason === "NO_IMAGE_QUOTA" || details.reason === "quota") return true;
  return typeof details.providerStatus === "number"
    ? details.providerStatus === 429 || details.providerStatus >= 500
    : false;
}

/** The error to answer with, naming every provider that was tried (details.tried). */
function withTried(error: unknown, attempts: { link: Link; error: unknown }[]): unknown {
  if (!(error instanceof AppError) || attempts.length < 2) return error;
  const tried = attempts.map((attempt) => ({
    provider: attempt.link.provider,
    source: attempt.link.source,
    code: attempt.error instanceof AppError ? attempt.error.code : "INTERNAL_ERROR",
  }));
  const details =
    typeof error.details === "object" && error.details !== null
      ? { ...(error.details as Record<string, unknown>), tried }
      : { tried };
  return new AppError(error.code, error.message, details, {
    cause: error.cause ?? error,
    headers: error.headers,
  });
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
