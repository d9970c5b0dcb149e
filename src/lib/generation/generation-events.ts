import type { Image, Quota } from "@/shared/api-types";
import type { SseMessage } from "./sse-parser";

// Hand-written guards, not zod: this module ships to the generate page (see shared/limits).

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isNumberOrNull = (value: unknown) => value === null || typeof value === "number";

function readQuota(value: unknown): Quota | null {
  if (
    isRecord(value) &&
    isNumberOrNull(value.dailyLimit) &&
    typeof value.usedToday === "number" &&
    isNumberOrNull(value.remainingToday) &&
    isNumberOrNull(value.monthlyLimit) &&
    typeof value.usedThisMonth === "number" &&
    typeof value.resetsAt === "string"
  ) {
    return value as unknown as Quota;
  }
  return null;
}

/** A quota field that may be absent or null; undefined when it is there but malformed. */
function readOptionalQuota(value: unknown): Quota | null | undefined {
  return value === undefined || value === null ? null : (readQuota(value) ?? undefined);
}

const STAGES = ["queued", "generating", "processing", "storing"] as const;
type Stage = (typeof STAGES)[number];

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export function readErrorBody(value: unknown): ErrorBody | null {
  if (!isRecord(value) || typeof value.code !== "string" || typeof value.message !== "string") {
    return null;
  }
  return {
    code: value.code,
    message: value.message,
    ...(value.details === undefined ? {} : { details: value.details }),
  };
}

export type GenerationEvent =
  | { type: "progress"; stage: Stage; percent: number }
  /** One image of a batch, stored (they arrive one by one before `done`). */
  | { type: "image"; image: Image }
  | {
      type: "done";
      /** Every stored image of the request, in order (one without a batch). */
      images: Image[];
      /** The images of a batch that could not be made; each gave its quota unit back. */
      failed: ErrorBody[];
      quota: Quota | null;
      replayed: boolean;
    }
  | { type: "error"; error: ErrorBody; quota: Quota | null };

/** The typed event of one SSE message, or null for an event this client does not know or cannot read. */
export function readGenerationEvent(message: SseMessage): GenerationEvent | null {
  let payload: unknown;
  try {
    payload = JSON.parse(message.data);
  } catch {
    return null;
  }
  if (!isRecord(payload)) return null;
  switch (message.event) {
    case "progress": {
      const { stage, percent } = payload;
      if (!STAGES.includes(stage as Stage) || typeof percent !== "number") return null;
      return { type: "progress", stage: stage as Stage, percent };
    }
    case "image": {
      const image = readImage(payload.image);
      return image ? { type: "image", image } : null;
    }
    case "done": {
      const images = readImages(payload);
      const failed = readFailed(payload.failed);
      const quota = readOptionalQuota(payload.quota);
      const { replayed } = payload;
      if (!images || !failed || quota === undefined) return null;
      if (images.length === 0 && failed.length === 0) return null;
      if (replayed !== undefined && typeof replayed !== "boolean") return null;
      return { type: "done", images, failed, quota, replayed: replayed ?? false };
    }
    case "error": {
      const error = readErrorBody(payload.error);
      const quota = readOptionalQuota(payload.quota);
      if (!error || quota === undefined) return null;
      return { type: "error", error, quota };
    }
    default:
      return null;
  }
}

/**
 * The images of an answer: `images` (a batch), else the single `image` of older answers; null
 * when either is there but unreadable.
 */
export function readImages(payload: Json): Image[] | null {
  if (Array.isArray(payload.images)) {
    const images = payload.images.map(readImage);
    return images.every((image) => image !== null) ? (images as Image[]) : null;
  }
  if (payload.image === undefined) return [];
  const image = readImage(payload.image);
  return image ? [image] : null;
}

/** `failed: [{error}]` of a batch's `done`; an absent list is none failed. */
export function readFailed(value: unknown): ErrorBody[] | null {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return null;
  const errors = value.map((item) => (isRecord(item) ? readErrorBody(item.error) : null));
  return errors.every((error) => error !== null) ? (errors as ErrorBody[]) : null;
}

/** Only what the page relies on is checked; the rest of the image passes through untouched. */
export function readImage(value: unknown): Image | null {
  if (
    !isRecord(value) ||
    typeof value.id !== "string" ||
    typeof value.prompt !== "string" ||
    typeof value.seed !== "number" ||
    typeof value.model !== "string" ||
    typeof value.isPublic !== "boolean" ||
    !isRecord(value.urls) ||
    typeof value.urls.original !== "string" ||
    !isRecord(value.urls.thumbnails) ||
    !Object.values(value.urls.thumbnails).every((url) => typeof url === "string")
  ) {
    return null;
  }
  return value as unknown as Image;
}
