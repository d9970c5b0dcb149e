import { z } from "zod";
import { ASPECT_RATIOS, QUALITIES, TEMPLATE_CATEGORIES } from "@/shared/limits";
import {
  TEMPLATE_REORDER_MAX,
  TEMPLATE_SORT_ORDER,
  TEMPLATE_TEXT_RULES,
} from "@/shared/template-rules";
import { ruleString, safeString } from "./text";

const sortOrder = z
  .number({ error: "sortOrder is a whole number." })
  .int({ error: "sortOrder is a whole number." })
  .min(TEMPLATE_SORT_ORDER.min, { error: `sortOrder is at least ${TEMPLATE_SORT_ORDER.min}.` })
  .max(TEMPLATE_SORT_ORDER.max, { error: `sortOrder is at most ${TEMPLATE_SORT_ORDER.max}.` });

/** The fields of a template an admin sets; the preview travels as a multipart file `preview`. */
const templateFields = {
  name: ruleString(TEMPLATE_TEXT_RULES.name),
  description: ruleString(TEMPLATE_TEXT_RULES.description),
  category: z.enum(TEMPLATE_CATEGORIES, {
    error: `category is one of ${TEMPLATE_CATEGORIES.join(", ")}.`,
  }),
  promptPrefix: ruleString(TEMPLATE_TEXT_RULES.promptPrefix),
  promptSuffix: ruleString(TEMPLATE_TEXT_RULES.promptSuffix),
  negativePrompt: ruleString(TEMPLATE_TEXT_RULES.negativePrompt),
  /** The form's defaults when the template is picked; null: no default. */
  aspectRatio: z
    .enum(ASPECT_RATIOS, { error: `aspectRatio is one of ${ASPECT_RATIOS.join(", ")}.` })
    .nullable(),
  quality: z.enum(QUALITIES, { error: "quality is standard or high." }).nullable(),
  sortOrder,
  hidden: z.boolean({ error: "hidden is true or false." }),
};

/** POST /admin/templates — name and category required; the rest has defaults. */
export const adminTemplateCreateSchema = z
  .object({
    ...templateFields,
    description: templateFields.description.optional(),
    promptPrefix: templateFields.promptPrefix.optional(),
    promptSuffix: templateFields.promptSuffix.optional(),
    negativePrompt: templateFields.negativePrompt.optional(),
    aspectRatio: templateFields.aspectRatio.optional(),
    quality: templateFields.quality.optional(),
    sortOrder: sortOrder.optional(),
    hidden: templateFields.hidden.optional(),
  })
  .strict();
export type AdminTemplateCreate = z.infer<typeof adminTemplateCreateSchema>;

/** PATCH /admin/templates/:id — any of the fields (or only a new `preview` file). */
export const adminTemplatePatchSchema = z
  .object({
    name: templateFields.name.optional(),
    description: templateFields.description.optional(),
    category: templateFields.category.optional(),
    promptPrefix: templateFields.promptPrefix.optional(),
    promptSuffix: templateFields.promptSuffix.optional(),
    negativePrompt: templateFields.negativePrompt.optional(),
    aspectRatio: templateFields.aspectRatio.optional(),
    quality: templateFields.quality.optional(),
    sortOrder: sortOrder.optional(),
    hidden: templateFields.hidden.optional(),
  })
  .strict();
export type AdminTemplatePatch = z.infer<typeof adminTemplatePatchSchema>;

/** POST /admin/templates/reorder — these templates in this order (sortOrder 10, 20, 30…). */
export const adminTemplateReorderSchema = z
  .object({
    ids: z
      .array(z.uuid({ error: "Not a valid template id." }), { error: "ids is a list of ids." })
      .min(1, { error: "Name at least one template." })
      .max(TEMPLATE_REORDER_MAX, { error: `Name at most ${TEMPLATE_REORDER_MAX} templates.` })
      .refine((ids) => new Set(ids).size === ids.length, { error: "A template is named twice." }),
  })
  .strict();
export type AdminTemplateReorder = z.infer<typeof adminTemplateReorderSchema>;

export const adminTemplateParamsSchema = z.object({
  id: z.uuid({ error: "Not a valid template id." }),
});

/** GET /templates/:id/preview — `v` names the file the URL was made for (cache busting). */
export const templatePreviewQuerySchema = z.object({
  v: safeString().max(64, { error: "v is at most 64 characters." }).optional(),
});
