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
  const translated = useTranslatedSlug();
  return useCallback(
    (template) => {
      const found = translated(template.slug);
      return found
        ? { name: found.t(`${found.slug}.name`), description: found.t(`${found.slug}.description`) }
        : { name: template.name, description: template.description };
    },
    [translated],
  );
}

/** Just a template's name, in the reader's language (lists that show no description). */
export function useTemplateName(): (template: { slug: string; name: string }) => string {
  const translated = useTranslatedSlug();
  return useCallback(
    (template) => {
      const found = translated(template.slug);
      return found ? found.t(`${found.slug}.name`) : template.name;
    },
    [translated],
  );
}

/**
 * A shipped template's slug with its translations, or null where the stored text shows:
 * English, or a template an admin created.
 */
function useTranslatedSlug() {
  const t = useTranslations("templates.builtin");
  const locale = useLocale();
  return useCallback(
    (slug: string) =>
      locale !== DEFAULT_LOCALE && t.has(`${slug as BuiltinSlug}.name`)
        ? { t, slug: slug as BuiltinSlug }
        : null,
    [t, locale],
  );
}

/** A template category's label ("Photography") in the reader's language. */
export function useTemplateCategoryLabel(): (category: TemplateCategory) => string {
  const t = useTranslations("templates.categories");
  return useCallback((category) => t(category), [t]);
}
