import "server-only";
import { randomBytes } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import type { TemplateCategory } from "@/shared/limits";
import { TEMPLATE_PREVIEW_MAX_BYTES } from "@/shared/template-rules";
import { AppError } from "@/server/http/app-error";
import { MAX_UPLOAD_PIXELS, sniffImageType } from "@/server/images/image-processing";

/** Previews are square: the picker shows them at 112 px, the admin list at up to 240 px. */
const PREVIEW_SIDE = 512;

/** A background for a template made without a preview, by category (the studio's palette). */
const CATEGORY_TILES: Record<TemplateCategory, string> = {
  photography: "#1f5f6b",
  illustration: "#c0582d",
  art: "#6b3fa0",
  design: "#2f6fde",
  "3d": "#0f8a6a",
};

/**
 * An uploaded preview as the studio stores it: PNG, JPEG or WebP by its bytes (415 otherwise),
 * at most 10 MB and 40 megapixels (413), fully decodable (400), cropped to a 512 px square and
 * re-encoded as WebP without metadata.
 */
export async function renderTemplatePreview(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes.byteLength > TEMPLATE_PREVIEW_MAX_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", "The preview is over 10 MB. Choose a smaller one.");
  }
  if (!sniffImageType(bytes)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "The preview is not a PNG, JPEG or WebP image.");
  }
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new AppError("VALIDATION_ERROR", "The preview could not be read.", previewIssue, {
      cause: error,
    });
  }
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > MAX_UPLOAD_PIXELS) {
    throw new AppError("PAYLOAD_TOO_LARGE", "The preview is over 40 megapixels.");
  }
  try {
    const data = await sharp(bytes, { limitInputPixels: MAX_UPLOAD_PIXELS, failOn: "truncated" })
      .rotate()
      .resize({ width: PREVIEW_SIDE, height: PREVIEW_SIDE, fit: "cover", position: "attention" })
      .webp({ quality: 80 })
      .toBuffer();
    return new Uint8Array(data);
  } catch (error) {
    throw new AppError(
      "VALIDATION_ERROR",
      "The preview could not be read. It may be damaged or incomplete.",
      previewIssue,
      { cause: error },
    );
  }
}

const previewIssue = { issues: [{ path: "preview", message: "Not a readable image." }] };

/** The plain tile a template made without a preview shows until one is uploaded. */
export async function renderPlaceholderPreview(category: TemplateCategory): Promise<Uint8Array> {
  const data = await sharp({
    create: {
      width: PREVIEW_SIDE,
      height: PREVIEW_SIDE,
      channels: 3,
      background: CATEGORY_TILES[category],
    },
  })
    .webp({ quality: 80 })
    .toBuffer();
  return new Uint8Array(data);
}

/** A new preview's object key and the URL that serves it (the token changes with every file). */
export function newPreviewLocation(templateId: string): { key: string; url: string } {
  const token = randomBytes(9).toString("base64url");
  return {
    key: `templates/${templateId}/${token}.webp`,
    url: `/api/v1/templates/${templateId}/preview?v=${token}`,
  };
}

/** The token of a preview key, which a preview URL's `v` names. */
export function previewTokenOf(key: string): string {
  return key.slice(key.lastIndexOf("/") + 1, -".webp".length);
}
