import type { Image } from "@/shared/api-types";

export function promptExcerpt(prompt: string, max = 80): string {
  return prompt.length > max ? `${prompt.slice(0, max - 1).trimEnd()}…` : prompt;
}

/**
 * The composer prefilled with this image's settings. The generate page reads these names:
 * prompt, negativePrompt, aspectRatio, quality, seed, styleTemplateId, tags (comma-separated).
 */
export function generateSettingsHref(image: Image): string {
  const params = new URLSearchParams();
  params.set("prompt", image.prompt);
  if (image.negativePrompt) params.set("negativePrompt", image.negativePrompt);
  params.set("aspectRatio", image.aspectRatio);
  params.set("quality", image.quality);
  params.set("seed", String(image.seed));
  if (image.styleTemplateId) params.set("styleTemplateId", image.styleTemplateId);
  if (image.tags.length > 0) params.set("tags", image.tags.join(","));
  return `/generate?${params.toString()}`;
}

export function downloadHref(image: Pick<Image, "id">, size: string): string {
  return `/api/v1/images/${image.id}/download?size=${size}`;
}
