"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { DEFAULT_LOCALE } from "@/i18n/locales";
import type { Messages } from "@/i18n/catalogues";
import type { TemplateCategory } from "@/shared/limits";

type BuiltinSlug = keyof Messages["templates"]["builtin"];

/** What a template shows: its name and one-line description. */
export interface TemplateText {
  name: string;
  description: string;
}

/**
 * A style template's name and description in the reader's language. The templates the studio
 * ships (supabase/migrations/…_seed_style_templates.sql) are translated by their slug in the
 * `templates` namespace; a template an admin created keeps the text it was stored with. English
 * always shows the stored text: it is the source the seed was written in, and it carries an
 * admin's later edit of a shipped template (other languages keep the shipped translation).
 *
 * The page must provide the namespace: <IntlMessages namespaces={["templates"]}>.
 */
export function useTemplateText(): (template: {
  slug: string;
  name: string;
  description: string;
}) => TemplateText {
  const t = useTranslations("templates.builtin");
  const locale = useLocale();
  return useCallback(
    (template) => {
      const slug = template.slug as BuiltinSlug;
      if (locale === DEFAULT_LOCALE || !t.has(`${slug}.name`)) {
        return { name: template.name, description: template.description };
      }
      return { name: t(`${slug}.name`), description: t(`${slug}.description`) };
    },
    [t, locale],
  );
}

/** A template category's label ("Photography") in the reader's language. */
export function useTemplateCategoryLabel(): (category: TemplateCategory) => string {
  const t = useTranslations("templates.categories");
  return useCallback((category) => t(category), [t]);
}
