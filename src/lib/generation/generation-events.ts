import { z } from "zod";
import type { Image, Quota } from "@/shared/api-types";
import type { SseMessage } from "./sse-parser";

const quotaSchema = z.object({
  dailyLimit: z.number().nullable(),
  usedToday: z.number(),
  remainingToday: z.number().nullable(),
  monthlyLimit: z.number().nullable(),
  usedThisMonth: z.number(),
  resetsAt: z.string(),
});

// Only what the page relies on is checked; the rest of the image passes through untouched.
const imageSchema = z.looseObject({
  id: z.string(),
  prompt: z.string(),
  seed: z.number(),
  model: z.string(),
  isPublic: z.boolean(),
  urls: z.looseObject({
    original: z.string(),
    thumbnails: z.record(z.string(), z.string()),
  }),
});

const progressSchema = z.object({
  stage: z.enum(["queued", "generating", "processing", "storing"]),
  percent: z.number(),
});

const doneSchema = z.object({
  image: imageSchema,
  quota: quotaSchema.nullish(),
  replayed: z.boolean().optional(),
});

export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});

const errorEventSchema = z.object({ error: errorBodySchema, quota: quotaSchema.nullish() });

export type GenerationEvent =
  | { type: "progress"; stage: z.infer<typeof progressSchema>["stage"]; percent: number }
  | { type: "done"; image: Image; quota: Quota | null; replayed: boolean }
  | { type: "error"; error: z.infer<typeof errorBodySchema>; quota: Quota | null };

/** The typed event of one SSE message, or null for an event this client does not know or cannot read. */
export function readGenerationEvent(message: SseMessage): GenerationEvent | null {
  let payload: unknown;
  try {
    payload = JSON.parse(message.data);
  } catch {
    return null;
  }
  switch (message.event) {
    case "progress": {
      const parsed = progressSchema.safeParse(payload);
      return parsed.success ? { type: "progress", ...parsed.data } : null;
    }
    case "done": {
      const parsed = doneSchema.safeParse(payload);
      if (!parsed.success) return null;
      return {
        type: "done",
        image: parsed.data.image as unknown as Image,
        quota: parsed.data.quota ?? null,
        replayed: parsed.data.replayed ?? false,
      };
    }
    case "error": {
      const parsed = errorEventSchema.safeParse(payload);
      return parsed.success
        ? { type: "error", error: parsed.data.error, quota: parsed.data.quota ?? null }
        : null;
    }
    default:
      return null;
  }
}

export function readImage(value: unknown): Image | null {
  const parsed = imageSchema.safeParse(value);
  return parsed.success ? (parsed.data as unknown as Image) : null;
}
