import { z } from "zod";
import { aspectRatioSchema, qualitySchema } from "./settings";
import { safeString } from "./text";

export const tagSchema = safeString()
  .trim()
  .toLowerCase()
  .min(1, { error: "Tags cannot be empty." })
  .max(32, { error: "Tags are at most 32 characters." })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, {
    error: "Tags use letters, numbers, spaces, - and _.",
  });

export const tagsSchema = z
  .array(tagSchema)
  .max(10, { error: "Use at most 10 tags." })
  .transform((tags) => [...new Set(tags)]);

export const SEED_MAX = 2_147_483_647;

/** POST /images/generate — JSON, or the same fields in multipart/form-data with an `image` file. */
export const generateInputSchema = z
  .object({
    prompt: safeString({ error: "Describe the image you want." })
      .trim()
      .min(1, { error: "Describe the image you want." })
      .max(1000, { error: "Keep the prompt under 1000 characters." }),
    negativePrompt: safeString()
      .trim()
      .max(500, { error: "Keep the negative prompt under 500 characters." })
      .optional(),
    styleTemplateId: z.uuid({ error: "Not a valid template id." }).optional(),
    aspectRatio: aspectRatioSchema.optional(),
    quality: qualitySchema.optional(),
    seed: z.number().int({ error: "The seed is a whole number." }).min(0).max(SEED_MAX).optional(),
    tags: tagsSchema.optional(),
    isPublic: z.boolean().optional(),
    collectionId: z.uuid({ error: "Not a valid collection id." }).optional(),
  })
  .strict();
export type GenerateInput = z.infer<typeof generateInputSchema>;

/** POST /images/:id/edit */
export const editInputSchema = z
  .object({
    prompt: generateInputSchema.shape.prompt,
    aspectRatio: aspectRatioSchema.optional(),
    quality: qualitySchema.optional(),
    seed: generateInputSchema.shape.seed,
    tags: tagsSchema.optional(),
    isPublic: z.boolean().optional(),
  })
  .strict();
export type EditInput = z.infer<typeof editInputSchema>;

export const imagePatchSchema = z
  .object({ tags: tagsSchema, isPublic: z.boolean(), favorite: z.boolean() })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, {
    error: "Send at least one field to change.",
  });
export type ImagePatch = z.infer<typeof imagePatchSchema>;

export const IMAGE_VARIANTS = ["original", "1920", "800", "300", "150"] as const;
export const downloadQuerySchema = z.object({ size: z.enum(IMAGE_VARIANTS).default("original") });
export const imageFileParamsSchema = z.object({
  id: z.uuid({ error: "Not a valid image id." }),
  variant: z.enum(IMAGE_VARIANTS),
});

export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;
export const imageIdParamsSchema = z.object({ id: z.uuid({ error: "Not a valid image id." }) });
