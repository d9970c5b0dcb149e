import { z } from "zod";
import { tagSchema } from "./images";
import { aspectRatioSchema } from "./settings";
import {
  CURSOR_MAX,
  DATE_RANGE_MESSAGE,
  IMAGE_VARIANTS,
  isDateInRange,
  PAGE_LIMIT,
  TEXT_RULES,
} from "@/shared/limits";
import { ruleString, safeString } from "./text";

const booleanParam = z
  .enum(["true", "false"], { error: "Use true or false." })
  .transform((value) => value === "true");
const limitParam = z.coerce
  .number({ error: "limit is a number." })
  .int({ error: "limit is a whole number." })
  .min(PAGE_LIMIT.min, { error: `limit is at least ${PAGE_LIMIT.min}.` })
  .max(PAGE_LIMIT.max, { error: `limit is at most ${PAGE_LIMIT.max}.` })
  .default(PAGE_LIMIT.default);
const dateParam = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: "Use a date like 2026-01-31.",
  })
  .refine(isDateInRange, { error: DATE_RANGE_MESSAGE });

/** The orders of GET /images: by creation time, either way (ties broken by id). */
export const IMAGE_LIST_SORTS = ["newest", "oldest"] as const;
export type ImageListSort = (typeof IMAGE_LIST_SORTS)[number];

/** GET /images — own images, newest first unless sort=oldest. Also the /gallery page's URL state. */
export const imageListQuerySchema = z
  .object({
    limit: limitParam,
    cursor: safeString().max(CURSOR_MAX).optional(),
    q: ruleString(TEXT_RULES.search).optional(),
    tag: tagSchema.optional(),
    collectionId: z.uuid({ error: "Not a valid collection id." }).optional(),
    favorite: booleanParam.optional(),
    from: dateParam.optional(),
    to: dateParam.optional(),
    aspectRatio: aspectRatioSchema.optional(),
    templateId: z.uuid({ error: "Not a valid template id." }).optional(),
    sort: z.enum(IMAGE_LIST_SORTS, { error: "sort is newest or oldest." }).default("newest"),
  })
  .strict();
export type ImageListQuery = z.infer<typeof imageListQuerySchema>;

/** GET /gallery/public */
export const publicGalleryQuerySchema = z
  .object({
    limit: limitParam,
    cursor: safeString().max(CURSOR_MAX).optional(),
    q: ruleString(TEXT_RULES.search).optional(),
    tag: tagSchema.optional(),
    sort: z.enum(["newest", "popular"]).default("newest"),
  })
  .strict();
export type PublicGalleryQuery = z.infer<typeof publicGalleryQuerySchema>;

export const collectionInputSchema = z
  .object({
    name: ruleString(TEXT_RULES.collectionName),
    description: ruleString(TEXT_RULES.collectionDescription).optional(),
    isPublic: z.boolean().optional(),
  })
  .strict();
export type CollectionInput = z.infer<typeof collectionInputSchema>;

export const collectionPatchSchema = z
  .object({
    name: collectionInputSchema.shape.name,
    description: ruleString(TEXT_RULES.collectionDescription),
    isPublic: z.boolean(),
    coverImageId: z.uuid({ error: "Not a valid image id." }).nullable(),
  })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, {
    error: "Send at least one field to change.",
  });
export type CollectionPatch = z.infer<typeof collectionPatchSchema>;

export const collectionIdParamsSchema = z.object({
  id: z.uuid({ error: "Not a valid collection id." }),
});
export const collectionImageParamsSchema = z.object({
  id: z.uuid({ error: "Not a valid collection id." }),
  imageId: z.uuid({ error: "Not a valid image id." }),
});
export const addToCollectionSchema = z
  .object({ imageId: z.uuid({ error: "Not a valid image id." }) })
  .strict();
export const collectionImagesQuerySchema = z
  .object({ limit: limitParam, cursor: safeString().max(CURSOR_MAX).optional() })
  .strict();

const imageIdsSchema = z
  .array(z.uuid({ error: "Not a valid image id." }))
  .min(1, { error: "Choose at least one image." })
  .max(200, { error: "Choose at most 200 images at once." })
  .transform((ids) => [...new Set(ids)]);

/** POST /images/bulk */
export const bulkActionSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("delete"), imageIds: imageIdsSchema }).strict(),
    z
      .object({
        action: z.literal("setVisibility"),
        imageIds: imageIdsSchema,
        isPublic: z.boolean(),
      })
      .strict(),
    z
      .object({ action: z.literal("setFavorite"), imageIds: imageIdsSchema, favorite: z.boolean() })
      .strict(),
    z
      .object({
        action: z.literal("addToCollection"),
        imageIds: imageIdsSchema,
        collectionId: z.uuid(),
      })
      .strict(),
    z
      .object({
        action: z.literal("removeFromCollection"),
        imageIds: imageIdsSchema,
        collectionId: z.uuid(),
      })
      .strict(),
  ],
  {
    error:
      "action is one of delete, setVisibility, setFavorite, addToCollection, removeFromCollection.",
  },
);
export type BulkAction = z.infer<typeof bulkActionSchema>;

/** POST /images/archive — a ZIP of many images (JSON, or a form post with comma-separated ids). */
export const archiveInputSchema = z
  .object({
    imageIds: imageIdsSchema,
    size: z.enum(IMAGE_VARIANTS).default("original"),
  })
  .strict();
export type ArchiveInput = z.infer<typeof archiveInputSchema>;
