import "server-only";
import sharp from "sharp";
import { INPUT_IMAGES_MAX, TEXT_RULES } from "@/shared/limits";
import { AppError } from "@/server/http/app-error";
import { prepareInputImage } from "@/server/images/image-processing";
import type { ImageRow } from "@/server/images/images-queries";
import type { ImagesService } from "@/server/images/images-service";
import type { VariationsInput } from "@/shared/schemas/images";
import type { GenerationRequest } from "./generation-service";
import type { InputImage } from "./providers/image-provider-port";

/**
 * Where a generation's input images come from: uploaded files and gallery images (own or
 * public), at most INPUT_IMAGES_MAX together. Their order is the order the prompt calls them
 * "image 1", "image 2", …: the uploaded files first, in the order sent, then `inputImageIds`
 * in the order given. Only gallery images are recorded as sources (sourceImageIds, parentId =
 * the first); an upload has no id.
 */

export interface SourceImage {
  row: ImageRow;
  /** The stored original, as the provider will receive it once prepared. */
  bytes: Uint8Array;
}

export interface GenerationInputs {
  inputImages: Uint8Array[];
  sourceImageIds: string[];
  parentId: string | null;
}

function tooMany(total: number): AppError {
  const message = `Use at most ${INPUT_IMAGES_MAX} input images (uploads and gallery images together); this request has ${total}.`;
  return new AppError("VALIDATION_ERROR", message, {
    issues: [{ path: "image", message }],
  });
}

/** Refuses more than INPUT_IMAGES_MAX inputs before anything is read or loaded. */
export function assertInputImageCount(uploads: number, galleryIds: number): void {
  if (uploads + galleryIds > INPUT_IMAGES_MAX) throw tooMany(uploads + galleryIds);
}

/**
 * The originals of gallery images the user may use: their own, or anyone's public image.
 * Another user's private image and an unknown id are the same 404, naming the id the caller
 * sent and nothing more.
 */
export async function loadSourceImages(
  images: Pick<ImagesService, "readFile">,
  { userId, ids }: { userId: string; ids: readonly string[] },
): Promise<SourceImage[]> {
  const loaded: SourceImage[] = [];
  // One at a time: PGlite runs one query at a time anyway, and a refusal stops early.
  for (const [index, id] of ids.entries()) {
    try {
      const file = await images.readFile({ id, viewerId: userId, variant: "original" });
      loaded.push({ row: file.row, bytes: file.body });
    } catch (error) {
      if (error instanceof AppError && error.code === "NOT_FOUND") {
        throw new AppError("NOT_FOUND", "Input image not found.", {
          issues: [{ path: `inputImageIds.${index}`, message: "No such image." }],
        });
      }
      throw error;
    }
  }
  return loaded;
}

/** Uploads first, then gallery images: the inputs, the recorded sources and the parent. */
export function combineInputs(
  uploads: readonly Uint8Array[],
  sources: readonly SourceImage[],
): GenerationInputs {
  assertInputImageCount(uploads.length, sources.length);
  return {
    inputImages: [...uploads, ...sources.map((source) => source.bytes)],
    sourceImageIds: sources.map((source) => source.row.id),
    parentId: sources[0]?.row.id ?? null,
  };
}

/**
 * Google takes at most 20 MB per generateContent request, inline images in base64 (4/3 of their
 * bytes) included. Room is left for the instruction and the JSON around it.
 */
export const INLINE_IMAGES_BUDGET_BYTES = 14 * 1024 * 1024;

/**
 * Every input checked and normalised (prepareInputImage: type by bytes, ≤ 10 MB, ≤ 40 MP,
 * rotated, long side ≤ 2048), then made to fit one provider request together: while they are
 * over INLINE_IMAGES_BUDGET_BYTES, the largest is re-encoded (a PNG as JPEG on white, a JPEG
 * smaller). With several inputs, a refusal names the one at fault ("Input image 2: …").
 */
export async function prepareInputImages(inputs: readonly Uint8Array[]): Promise<InputImage[]> {
  assertInputImageCount(inputs.length, 0);
  const prepared: InputImage[] = [];
  for (const [index, bytes] of inputs.entries()) {
    try {
      prepared.push(await prepareInputImage(bytes));
    } catch (error) {
      if (inputs.length > 1 && error instanceof AppError) {
        throw new AppError(
          error.code,
          `Input image ${index + 1}: ${error.message}`,
          { index, ...(isRecord(error.details) ? error.details : {}) },
          { cause: error },
        );
      }
      throw error;
    }
  }
  return fitInlineBudget(prepared, INLINE_IMAGES_BUDGET_BYTES);
}

const SHRINK_STEPS = 8;

/** Re-encodes the largest image until the total fits `budget` (or it cannot get smaller). */
export async function fitInlineBudget(images: InputImage[], budget: number): Promise<InputImage[]> {
  const fitted = [...images];
  const total = () => fitted.reduce((sum, image) => sum + image.data.byteLength, 0);
  for (let step = 0; step < SHRINK_STEPS * fitted.length && total() > budget; step++) {
    let largest = 0;
    for (const [index, image] of fitted.entries()) {
      if (image.data.byteLength > fitted[largest]!.data.byteLength) largest = index;
    }
    const image = fitted[largest]!;
    const pipeline = sharp(image.data);
    if (image.mimeType === "image/png") {
      pipeline.flatten({ background: "#ffffff" });
    } else {
      const { width = 0, height = 0 } = await sharp(image.data).metadata();
      const longSide = Math.max(width, height);
      if (longSide <= 256) break;
      pipeline.resize({
        width: Math.round(longSide * 0.75),
        height: Math.round(longSide * 0.75),
        fit: "inside",
      });
    }
    fitted[largest] = {
      data: new Uint8Array(await pipeline.jpeg({ quality: 85 }).toBuffer()),
      mimeType: "image/jpeg",
    };
  }
  return fitted;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const EDIT_MARK = " — edit: ";
const PROMPT_MAX = TEXT_RULES.prompt.max[0];

/**
 * What an edit is titled and searched by: its source's prompt and the instruction, so the
 * gallery search finds it by either ("<original> — edit: <instruction>"). Within the prompt's
 * limit: a long original gives way (shortened with "…") before the instruction does.
 */
export function editTitle(original: string, instruction: string): string {
  const subject = original.trim();
  const change = instruction.trim();
  if (subject === "") return shorten(change, PROMPT_MAX);
  const full = `${subject}${EDIT_MARK}${change}`;
  if (full.length <= PROMPT_MAX) return full;
  // The original keeps at least a third of the room, so the subject is still there to find.
  const room = PROMPT_MAX - EDIT_MARK.length;
  const keptChange = Math.min(change.length, room - Math.min(subject.length, Math.ceil(room / 3)));
  const keptSubject = room - keptChange;
  return `${shorten(subject, keptSubject)}${EDIT_MARK}${shorten(change, keptChange)}`;
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** The default of POST /images/:id/variations' strength. */
export const DEFAULT_VARIATION_STRENGTH = 0.5;

/**
 * The instruction a variation sends with its source image: the source's own prompt as the
 * subject, and how far to move from the picture by strength (0 = nearly the same picture,
 * 1 = a free reinterpretation of the subject).
 */
export function variationInstruction(sourcePrompt: string, strength: number): string {
  const subject = sourcePrompt.trim().replace(/[\s.]+$/, "");
  const freedom =
    strength < 0.25
      ? "Make a subtle variation: keep the composition, subject, pose, palette and framing, and change only small details, textures and lighting nuances."
      : strength < 0.5
        ? "Make a close variation: keep the subject, composition and palette, and vary the details, lighting and small elements of the scene."
        : strength < 0.75
          ? "Make a clear variation: keep the same subject and overall mood, and feel free to change the composition, camera angle, pose and lighting."
          : "Make a bold reinterpretation: keep only the subject and its idea, and invent a fresh composition, setting, camera angle, palette and lighting.";
  const percent = Math.round(strength * 100);
  return `A new take on this image of: ${subject}. ${freedom} (Variation strength ${percent}%.)`;
}

/**
 * POST /images/:id/variations as a generation: the source's original (own or public, else 404)
 * as the one input image, the source's prompt worded with the strength as the instruction, the
 * source's aspect ratio and quality, `count` images with a seed each. Each image is titled by
 * the source's prompt (so it is found by it) and has the source as its parent.
 */
export async function variationRequest(
  images: Pick<ImagesService, "readFile">,
  {
    userId,
    sourceId,
    input,
    idempotencyKey,
    requestId,
  }: {
    userId: string;
    sourceId: string;
    input: VariationsInput;
    idempotencyKey: string | null;
    requestId: string;
  },
): Promise<GenerationRequest> {
  let source: SourceImage;
  try {
    const file = await images.readFile({ id: sourceId, viewerId: userId, variant: "original" });
    source = { row: file.row, bytes: file.body };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND")
      throw new AppError("NOT_FOUND", "Image not found.");
    throw error;
  }
  const { row } = source;
  const strength = input.strength ?? DEFAULT_VARIATION_STRENGTH;
  return {
    userId,
    action: "image.variation",
    input: {
      prompt: variationInstruction(row.prompt, strength),
      aspectRatio: row.aspectRatio,
      quality: row.quality,
      ...(input.count === undefined ? {} : { count: input.count }),
      ...(input.seed === undefined ? {} : { seed: input.seed }),
      ...(input.isPublic === undefined ? {} : { isPublic: input.isPublic }),
      // Own tags come along; someone else's image's tags are theirs.
      ...(row.userId === userId && row.tags.length > 0 ? { tags: row.tags } : {}),
    },
    title: row.prompt,
    inputImages: [source.bytes],
    sourceImageIds: [row.id],
    parentId: row.id,
    idempotencyKey,
    requestId,
  };
}
