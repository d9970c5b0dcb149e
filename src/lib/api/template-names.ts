import type { StyleTemplate } from "@/shared/api-types";

/**
 * What the gallery needs of a style template: its name (translated by slug for the shipped
 * ones) and category, for tiles, the style filter and its chip. Not the prompts, which are
 * most of GET /templates' bytes and which only /generate uses.
 */
export type TemplateName = Pick<StyleTemplate, "id" | "slug" | "name" | "category">;

export function toTemplateNames(templates: readonly StyleTemplate[]): TemplateName[] {
  return templates.map(({ id, slug, name, category }) => ({ id, slug, name, category }));
}
