import "server-only";

/** The style a prompt is rewritten for: a template's name, description and wording. */
export interface EnhanceStyle {
  name: string;
  description: string;
  promptPrefix: string;
  promptSuffix: string;
}

export interface EnhanceRequest {
  /** The user's prompt, as validated (trimmed, 1..1000 characters). */
  prompt: string;
  style: EnhanceStyle | null;
  /** The caller went away: stop and release the connection. */
  signal?: AbortSignal;
}

/**
 * Rewrites an image prompt with a text model, streaming the new prompt as it is written.
 * Failures are AppErrors with the API's codes (PROVIDER_KEY_INVALID, CONTENT_BLOCKED,
 * PROVIDER_ERROR); a caller's abort rethrows the AbortError.
 */
export interface PromptEnhancerPort {
  readonly id: "gemini" | "demo";
  readonly model: string;
  /** Pieces of the rewritten prompt, in order; their concatenation is the raw suggestion. */
  enhance(request: EnhanceRequest): AsyncIterable<string>;
}
