import "server-only";
import type { ImageProviderId } from "@/shared/limits";
import type { AspectRatio, Quality } from "@/shared/schemas/settings";

/** The style template's part of a request, as stored in style_templates. */
export interface TemplateDirectives {
  name: string;
  promptPrefix: string;
  promptSuffix: string;
  negativePrompt: string;
  parameters: Record<string, unknown>;
}

export interface InputImage {
  data: Uint8Array;
  mimeType: "image/png" | "image/jpeg" | "image/webp";
}

export interface ImageRequest {
  prompt: string;
  negativePrompt: string | null;
  template: TemplateDirectives | null;
  aspectRatio: AspectRatio;
  quality: Quality;
  /** Always set: chosen by the caller or drawn by the service, and recorded with the image. */
  seed: number;
  /**
   * Input images for image-to-image, edits, variations and compositions, already validated, in
   * the order the prompt calls them "image 1", "image 2", … (at most INPUT_IMAGES_MAX). Empty
   * for text-to-image.
   */
  inputImages: InputImage[];
  signal?: AbortSignal;
}

export interface ProviderImage {
  data: Uint8Array;
  mimeType: string;
  /** The model that made it, as recorded on the image (the demo's says "demo"). */
  model: string;
  /** Which provider made it; the fallback chain (provider-catalog.ts) always sets it. */
  provider?: ImageProviderId;
}

/**
 * Makes one image. Adapters: Gemini (@google/genai), Cloudflare Workers AI (REST) and the offline demo. Failures are
 * AppErrors: PROVIDER_KEY_INVALID, CONTENT_BLOCKED, PROVIDER_ERROR (details: providerStatus,
 * retryable, reason).
 */
export interface ImageProviderPort {
  readonly id: ImageProviderId;
  readonly model: string;
  /** False for text-only models (Cloudflare's FLUX.1 schnell); absent means true. */
  readonly acceptsInputImages?: boolean;
  generate(request: ImageRequest): Promise<ProviderImage>;
}

/** Pixel size per aspect ratio, as Gemini image models return them. */
export const DIMENSIONS: Record<AspectRatio, { width: number; height: number }> = {
  "1:1": { width: 1024, height: 1024 },
  "16:9": { width: 1344, height: 768 },
  "9:16": { width: 768, height: 1344 },
  "4:3": { width: 1184, height: 864 },
  "3:4": { width: 864, height: 1184 },
};
