import type { GenerateInput } from "@/shared/schemas/images";
import type { GenerationBody } from "./stream-generation";

/**
 * The body of POST /images/generate: JSON (with `inputImageIds` for images picked from the
 * gallery), or multipart/form-data when there are uploaded input images (each file as an
 * `image` part, in order; tags and inputImageIds as JSON array strings, isPublic as
 * "true"/"false", count and seed as numbers in text).
 */
export function buildGenerateBody(
  input: GenerateInput,
  images: Blob | readonly Blob[] | null,
  inputImageIds: readonly string[] = [],
): GenerationBody {
  const files = images === null ? [] : Array.isArray(images) ? images : [images as Blob];
  if (files.length === 0) {
    return {
      kind: "json",
      value: inputImageIds.length > 0 ? { ...input, inputImageIds: [...inputImageIds] } : input,
    };
  }
  const form = new FormData();
  form.set("prompt", input.prompt);
  if (input.negativePrompt) form.set("negativePrompt", input.negativePrompt);
  if (input.styleTemplateId) form.set("styleTemplateId", input.styleTemplateId);
  if (input.aspectRatio) form.set("aspectRatio", input.aspectRatio);
  if (input.quality) form.set("quality", input.quality);
  if (input.seed !== undefined) form.set("seed", String(input.seed));
  if (input.count !== undefined) form.set("count", String(input.count));
  if (input.tags && input.tags.length > 0) form.set("tags", JSON.stringify(input.tags));
  if (input.isPublic !== undefined) form.set("isPublic", input.isPublic ? "true" : "false");
  if (input.collectionId) form.set("collectionId", input.collectionId);
  if (inputImageIds.length > 0) form.set("inputImageIds", JSON.stringify(inputImageIds));
  files.forEach((file, index) => {
    const fileName =
      file instanceof File && file.name ? file.name : `input-image-${String(index + 1)}`;
    form.append("image", file, fileName);
  });
  return { kind: "form", value: form };
}
