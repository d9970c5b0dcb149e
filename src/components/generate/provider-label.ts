import type { Image } from "@/shared/api-types";

export type ProviderName = "gemini" | "cloudflare" | "demo";

const PROVIDER_NAMES: Record<ProviderName, string> = {
  gemini: "Gemini",
  cloudflare: "Cloudflare",
  demo: "Demo",
};

/** Which provider made the image (`image.provider`; images from before it was recorded: by model). */
export function providerOf(image: Pick<Image, "model">): ProviderName | null {
  const value: unknown = (image as { provider?: unknown }).provider;
  if (value === "gemini" || value === "cloudflare" || value === "demo") return value;
  return image.model === "demo" ? "demo" : null;
}

/** "Gemini", "Cloudflare", "Demo", or null when unknown. */
export function providerLabel(image: Pick<Image, "model">): string | null {
  const provider = providerOf(image);
  return provider ? PROVIDER_NAMES[provider] : null;
}
