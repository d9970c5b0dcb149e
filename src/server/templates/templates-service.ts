import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { StyleTemplate } from "@/shared/api-types";
import { TEMPLATE_CATEGORIES, type TemplateCategory } from "@/shared/schemas/templates";
import type { Database } from "@/server/db/database";
import { styleTemplates } from "@/server/db/schema";
import { notFound } from "@/server/http/app-error";

type TemplateRow = typeof styleTemplates.$inferSelect;

export function reshapeTemplate(row: TemplateRow): StyleTemplate {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    category: row.category,
    promptPrefix: row.promptPrefix,
    promptSuffix: row.promptSuffix,
    negativePrompt: row.negativePrompt,
    parameters: row.parameters as StyleTemplate["parameters"],
    previewUrl: row.previewUrl,
    sortOrder: row.sortOrder,
  };
}

export interface TemplatesService {
  listTemplates(input: { category?: TemplateCategory }): Promise<StyleTemplate[]>;
  getTemplate(input: { id: string }): Promise<StyleTemplate>;
  listCategories(): Promise<{ id: TemplateCategory; count: number }[]>;
}

export function createTemplatesService({ db }: { db: Database }): TemplatesService {
  return {
    async listTemplates({ category }) {
      const rows = await db
        .select()
        .from(styleTemplates)
        .where(
          and(
            eq(styleTemplates.isActive, true),
            category ? eq(styleTemplates.category, category) : undefined,
          ),
        )
        .orderBy(
          asc(styleTemplates.category),
          asc(styleTemplates.sortOrder),
          asc(styleTemplates.name),
        );
      return rows.map(reshapeTemplate);
    },
    async getTemplate({ id }) {
      const [row] = await db
        .select()
        .from(styleTemplates)
        .where(and(eq(styleTemplates.id, id), eq(styleTemplates.isActive, true)))
        .limit(1);
      if (!row) throw notFound("Template");
      return reshapeTemplate(row);
    },
    async listCategories() {
      const rows = await db
        .select({ category: styleTemplates.category, count: sql<number>`count(*)::int` })
        .from(styleTemplates)
        .where(eq(styleTemplates.isActive, true))
        .groupBy(styleTemplates.category);
      const counts = new Map(rows.map((row) => [row.category, Number(row.count)]));
      return TEMPLATE_CATEGORIES.filter((id) => counts.has(id)).map((id) => ({
        id,
        count: counts.get(id) ?? 0,
      }));
    },
  };
}
