import "server-only";
import sharp, { type Metadata, type Sharp } from "sharp";
import { AppError } from "@/server/http/app-error";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_UPLOAD_PIXELS = 40_000_000;
export const THUMBNAIL_SIZES = [150, 300, 800] as const;
export const LARGE_THUMBNAIL = 1920;
// Inputs are sent to the provider no larger than this on their long side.
const INPUT_LONG_SIDE = 2048;

export type UploadMimeType = "image/png" | "image/jpeg" | "image/webp";

/** The type of an upload by its first bytes, never by its name or declared type. */
export function sniffImageType(bytes: Uint8Array): UploadMimeType | null {
  const at = (offset: number, signature: number[]) =>
    signature.every((byte, index) => bytes[offset + index] === byte);
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (at(0, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return "image/webp";
  return null;
}

/** An upload that is not a readable image: VALIDATION_ERROR with the issue on its field. */
function unreadableImage(message: string, cause: unknown): AppError {
  return new AppError(
    "VALIDATION_ERROR",
    message,
    { issues: [{ path: "image", message }] },
    { cause },
  );
}

/**
 * Validates an uploaded input image (type by magic bytes, ≤ 10 MB, ≤ 40 megapixels, fully
 * decodable) and returns it re-encoded without metadata, at most 2048 px on its long side.
 * Decoding is bounded: sharp refuses images over the pixel limit before allocating them.
 */
export async function prepareInputImage(
  bytes: Uint8Array,
): Promise<{ data: Uint8Array; mimeType: "image/png" | "image/jpeg" }> {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", "The image is over 10 MB. Choose a smaller one.");
  }
  if (!sniffImageType(bytes)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "The file is not a PNG, JPEG or WebP image.");
  }
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw unreadableImage("The image could not be read. It may be damaged.", error);
  }
  const pixels = (metadata.width ?? 0) * (metadata.height ?? 0);
  if (pixels > MAX_UPLOAD_PIXELS) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      "The image is over 40 megapixels. Choose a smaller one.",
    );
  }
  try {
    const pipeline = sharp(bytes, { limitInputPixels: MAX_UPLOAD_PIXELS, failOn: "truncated" })
      .rotate()
      .resize({
        width: INPUT_LONG_SIDE,
        height: INPUT_LONG_SIDE,
        fit: "inside",
        withoutEnlargement: true,
      });
    if (metadata.hasAlpha)
      return { data: new Uint8Array(await pipeline.png().toBuffer()), mimeType: "image/png" };
    return {
      data: new Uint8Array(await pipeline.jpeg({ quality: 92 }).toBuffer()),
      mimeType: "image/jpeg",
    };
  } catch (error) {
    throw unreadableImage("The image could not be read. It may be damaged or incomplete.", error);
  }
}

export interface RenderedVariant {
  /** "original" or the thumbnail's long side in pixels */
  name: string;
  data: Uint8Array;
  width: number;
  height: number;
}

export interface RenderedImage {
  mimeType: "image/webp";
  extension: "webp";
  width: number;
  height: number;
  original: RenderedVariant;
  thumbnails: RenderedVariant[];
  totalBytes: number;
}

/**
 * Re-encodes a provider's image as WebP without metadata and makes the thumbnails
 * (150, 300, 800; 1920 only when the image is larger). A provider answer that is not a
 * decodable image is a PROVIDER_ERROR.
 */
export async function renderImageVariants(bytes: Uint8Array): Promise<RenderedImage> {
  let source: Sharp;
  let width: number;
  let height: number;
  try {
    source = sharp(bytes, { limitInputPixels: MAX_UPLOAD_PIXELS, failOn: "truncated" }).rotate();
    const metadata = await source.metadata();
    width = metadata.autoOrient?.width ?? metadata.width ?? 0;
    height = metadata.autoOrient?.height ?? metadata.height ?? 0;
    if (!width || !height) throw new Error("image without dimensions");
  } catch (error) {
    throw new AppError(
      "PROVIDER_ERROR",
      "The image service returned an image we could not read. Please try again.",
      {
        retryable: true,
        reason: "UNDECODABLE_IMAGE",
      },
      { cause: error },
    );
  }
  const longSide = Math.max(width, height);
  const sizes: number[] = [
    ...THUMBNAIL_SIZES,
    ...(longSide > LARGE_THUMBNAIL ? [LARGE_THUMBNAIL] : []),
  ];

  const originalBuffer = await source
    .clone()
    .webp({ quality: 90, effort: 4 })
    .toBuffer({ resolveWithObject: true });
  const thumbnails = await Promise.all(
    sizes.map(async (size) => {
      const { data, info } = await source
        .clone()
        .resize({ width: size, height: size, fit: "inside", withoutEnlargement: true })
        .webp({ quality: size <= 300 ? 72 : 80, effort: 4 })
        .toBuffer({ resolveWithObject: true });
      return {
        name: String(size),
        data: new Uint8Array(data),
        width: info.width,
        height: info.height,
      };
    }),
  );
  const original: RenderedVariant = {
    name: "original",
    data: new Uint8Array(originalBuffer.data),
    width: originalBuffer.info.width,
    height: originalBuffer.info.height,
  };
  return {
    mimeType: "image/webp",
    extension: "webp",
    width: original.width,
    height: original.height,
    original,
    thumbnails,
    totalBytes:
      original.data.byteLength +
      thumbnails.reduce((sum, variant) => sum + variant.data.byteLength, 0),
  };
}
