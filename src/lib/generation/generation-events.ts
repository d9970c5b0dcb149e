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
  | { type: "done"; image: Image; quota: Quota | null; replayed: boolean }
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
    case "done": {
      const image = readImage(payload.image);
      const quota = readOptionalQuota(payload.quota);
      const { replayed } = payload;
      if (!image || quota === undefined) return null;
      if (replayed !== undefined && typeof replayed !== "boolean") return null;
      return { type: "done", image, quota, replayed: replayed ?? false };
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
