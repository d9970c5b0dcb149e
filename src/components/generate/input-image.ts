export const INPUT_IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export const INPUT_IMAGE_ACCEPT = INPUT_IMAGE_TYPES.join(",");
export const INPUT_IMAGE_MAX_BYTES = 10 * 1024 * 1024;

/** Why a file can't be an input image; the composer words it in the reader's language. */
export type InputImageProblem =
  /** An image of another kind: `type` is its format, "GIF". */
  | { reason: "wrongType"; name: string; type: string }
  | { reason: "notImage"; name: string }
  | { reason: "tooLarge"; name: string; size: number }
  | { reason: "empty"; name: string };

/**
 * Why a file can't be the input image, or null when it can. A first check by its declared
 * type and size; the server checks the bytes again.
 */
export function checkInputImage(file: {
  name: string;
  type: string;
  size: number;
}): InputImageProblem | null {
  const { name } = file;
  if (!(INPUT_IMAGE_TYPES as readonly string[]).includes(file.type)) {
    return file.type.startsWith("image/")
      ? { reason: "wrongType", name, type: file.type.slice(6).toUpperCase() }
      : { reason: "notImage", name };
  }
  if (file.size > INPUT_IMAGE_MAX_BYTES) return { reason: "tooLarge", name, size: file.size };
  if (file.size === 0) return { reason: "empty", name };
  return null;
}
