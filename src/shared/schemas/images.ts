import { z } from "zod";
import { aspectRatioSchema, qualitySchema } from "./settings";
import {
  IMAGE_VARIANTS,
  INPUT_IMAGES_MAX,
  SEED_MAX,
  TAGS_MAX,
  TAGS_MAX_MESSAGE,
  TEXT_RULES,
} from "@/shared/limits";
import { ruleString } from "./text";

export { IMAGE_VARIANTS, INPUT_IMAGES_MAX, SEED_MAX };

export const tagSchema = ruleString(TEXT_RULES.tag);

export const tagsSchema = z
  .array(tagSchema)
  .max(TAGS_MAX, { error: TAGS_MAX_MESSAGE })
  .transform((tags) => [...new Set(tags)]);

export const GENERATION_COUNT_MAX = 4;
/** Images in one generation (a batch); multipart's text is read as a number by the body reader. */
export const generationCountSchema = z
  .number({ error: "count is a whole number from 1 to 4." })
  .int({ error: "count is a whole number from 1 to 4." })
  .min(1, { error: "count is a whole number from 1 to 4." })
  .max(GENERATION_COUNT_MAX, { error: "count is a whole number from 1 to 4." });

const INPUT_IMAGES_MESSAGE = `Use at most ${INPUT_IMAGES_MAX} input images.`;
/** Gallery images to use as inputs: ids, each once, at most INPUT_IMAGES_MAX (uploads count too). */
export const inputImageIdsSchema = z
  .array(z.uuid({ error: "Not a valid image id." }), { error: "A list of image ids." })
  .max(INPUT_IMAGES_MAX, { error: INPUT_IMAGES_MESSAGE })
  .refine((ids) => new Set(ids).size === ids.length, { error: "Name each image once." });

/** POST /images/generate — JSON, or the same fields in multipart/form-data with an `image` file. */
export const generateInputSchema = z
  .object({
    prompt: ruleString(TEXT_RULES.prompt, { error: "Describe the image you want." }),
    negativePrompt: ruleString(TEXT_RULES.negativePrompt).optional(),
    styleTemplateId: z.uuid({ error: "Not a valid template id." }).optional(),
    aspectRatio: aspectRatioSchema.optional(),
    quality: qualitySchema.optional(),
    seed: z.number().int({ error: "The seed is a whole number." }).min(0).max(SEED_MAX).optional(),
    tags: tagsSchema.optional(),
    isPublic: z.boolean().optional(),
    collectionId: z.uuid({ error: "Not a valid collection id." }).optional(),
    /** How many images to make from this request, 1..4 (default 1); each spends one quota unit. */
    count: generationCountSchema.optional(),
    /** Gallery images (own or public) to compose from, after any uploaded files; see INPUT_IMAGES_MAX. */
    inputImageIds: inputImageIdsSchema.optional(),
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
    count: generationCountSchema.optional(),
  })
  .strict();
export type EditInput = z.infer<typeof editInputSchema>;

/** POST /images/:id/variations — new images from image :id; strength 0 (close) … 1 (free). */
export const variationsInputSchema = z
  .object({
    count: generationCountSchema.optional(),
    strength: z
      .number({ error: "strength is a number from 0 to 1." })
      .min(0, { error: "strength is a number from 0 to 1." })
      .max(1, { error: "strength is a number from 0 to 1." })
      .optional(),
    seed: generateInputSchema.shape.seed,
    isPublic: z.boolean().optional(),
  })
  .strict()
  // No body at all is the defaults: one variation at strength 0.5.
  .default({});
export type VariationsInput = z.output<typeof variationsInputSchema>;

export const imagePatchSchema = z
  .object({ tags: tagsSchema, isPublic: z.boolean(), favorite: z.boolean() })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, {
    error: "Send at least one field to change.",
  });
export type ImagePatch = z.infer<typeof imagePatchSchema>;

export const downloadQuerySchema = z.object({ size: z.enum(IMAGE_VARIANTS).default("original") });
export const imageFileParamsSchema = z.object({
  id: z.uuid({ error: "Not a valid image id." }),
  variant: z.enum(IMAGE_VARIANTS),
});

export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;
export const imageIdParamsSchema = z.object({ id: z.uuid({ error: "Not a valid image id." }) });
export const generationIdParamsSchema = z.object({
  id: z.uuid({ error: "Not a valid generation id." }),
});
