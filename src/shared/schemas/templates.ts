import { z } from "zod";
import { TEMPLATE_CATEGORIES } from "@/shared/limits";

export { TEMPLATE_CATEGORIES };
export type { TemplateCategory } from "@/shared/limits";

export const templateListQuerySchema = z.object({
  category: z.enum(TEMPLATE_CATEGORIES).optional(),
});

export const uuidParamSchema = z.object({ id: z.uuid({ error: "Must be a valid id." }) });
