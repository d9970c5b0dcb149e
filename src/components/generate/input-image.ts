export const INPUT_IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export const INPUT_IMAGE_ACCEPT = INPUT_IMAGE_TYPES.join(",");
export const INPUT_IMAGE_MAX_BYTES = 10 * 1024 * 1024;

/** "12.4 MB", "850 KB" */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * Why a file can't be the input image, or null when it can. A first check by its declared
 * type and size; the server checks the bytes again.
 */
export function checkInputImage(file: { name: string; type: string; size: number }): string | null {
  const label = file.name ? `“${file.name}”` : "That file";
  if (!(INPUT_IMAGE_TYPES as readonly string[]).includes(file.type)) {
    const kind = file.type.startsWith("image/")
      ? `a ${file.type.slice(6).toUpperCase()} image`
      : "not an image";
    return `${label} is ${kind}. Use a PNG, JPEG or WebP image.`;
  }
  if (file.size > INPUT_IMAGE_MAX_BYTES) {
    return `${label} is ${formatBytes(file.size)}. Input images can be at most 10 MB.`;
  }
  if (file.size === 0) return `${label} is empty. Choose another image.`;
  return null;
}
