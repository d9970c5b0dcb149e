import type { MetadataRoute } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { THEME_COLORS } from "@/lib/theme";
import { SHARE_TARGET_ACTION } from "@/lib/pwa/offline-contract";

// Icons and screenshots come from scripts/generate-icons.ts (one source: src/app/icon.svg).
// In the request's language: the browser reads the manifest with the person's cookies when it
// installs the app (and again when it checks for manifest updates).
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const [locale, t, names] = await Promise.all([
    getLocale(),
    getTranslations("pwa.manifest"),
    getTranslations("metadata"),
  ]);
  return {
    id: "/",
    name: names("appName"),
    short_name: names("shortName"),
    description: t("description"),
    start_url: "/generate",
    scope: "/",
    display: "standalone",
    orientation: "any",
    // The manifest has one colour pair; the dark one is set per scheme by <meta name="theme-color">.
    theme_color: THEME_COLORS.light,
    background_color: THEME_COLORS.light,
    categories: ["photo", "graphics", "productivity"],
    lang: locale,
    dir: "ltr",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      {
        src: "/icons/icon-maskable-512.png",
        sizes: "512x512",
        type: "image/png",
        purpose: "maskable",
      },
    ],
    shortcuts: [
      {
        name: t("generate.name"),
        short_name: t("generate.short"),
        url: "/generate",
        icons: [{ src: "/icons/shortcut-generate-96.png", sizes: "96x96", type: "image/png" }],
      },
      {
        name: t("gallery.name"),
        short_name: t("gallery.short"),
        url: "/gallery",
        icons: [{ src: "/icons/shortcut-gallery-96.png", sizes: "96x96", type: "image/png" }],
      },
    ],
    screenshots: [
      {
        src: "/screenshots/gallery-narrow.webp",
        sizes: "780x1688",
        type: "image/webp",
        form_factor: "narrow",
        label: t("screenshotNarrow"),
      },
      {
        src: "/screenshots/generate-wide.webp",
        sizes: "1440x900",
        type: "image/webp",
        form_factor: "wide",
        label: t("screenshotWide"),
      },
    ],
    share_target: {
      action: SHARE_TARGET_ACTION,
      method: "POST",
      enctype: "multipart/form-data",
      params: {
        title: "title",
        text: "text",
        files: [{ name: "image", accept: ["image/png", "image/jpeg", "image/webp"] }],
      },
    },
    prefer_related_applications: false,
  };
}
