import type { GenerateInput } from "@/shared/schemas/images";
import type { GenerationBody } from "./stream-generation";

/**
 * The body of POST /images/generate: JSON, or multipart/form-data when there is an input image
 * (tags as a JSON array string, isPublic as "true"/"false", the file as `image`).
 */
export function buildGenerateBody(input: GenerateInput, image: Blob | null): GenerationBody {
  if (!image) return { kind: "json", value: input };
  const form = new FormData();
  form.set("prompt", input.prompt);
  if (input.negativePrompt) form.set("negativePrompt", input.negativePrompt);
  if (input.styleTemplateId) form.set("styleTemplateId", input.styleTemplateId);
  if (input.aspectRatio) form.set("aspectRatio", input.aspectRatio);
  if (input.quality) form.set("quality", input.quality);
  if (input.seed !== undefined) form.set("seed", String(input.seed));
  if (input.tags && input.tags.length > 0) form.set("tags", JSON.stringify(input.tags));
  if (input.isPublic !== undefined) form.set("isPublic", input.isPublic ? "true" : "false");
  if (input.collectionId) form.set("collectionId", input.collectionId);
  const fileName = image instanceof File && image.name ? image.name : "input-image";
  form.set("image", image, fileName);
  return { kind: "form", value: form };
}
