import { z } from "zod";

export const TEMPLATE_CATEGORIES = ["photography", "illustration", "art", "design", "3d"] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export const templateListQuerySchema = z.object({
  category: z.enum(TEMPLATE_CATEGORIES).optional(),
});

export const uuidParamSchema = z.object({ id: z.uuid({ error: "Must be a valid id." }) });
