import type { MetadataRoute } from "next";
import { THEME_COLORS } from "@/lib/theme";
import { SHARE_TARGET_ACTION } from "@/lib/pwa/offline-contract";

// Icons and screenshots come from scripts/generate-icons.ts (one source: src/app/icon.svg).
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "AI Image Studio",
    short_name: "Image Studio",
    description:
      "Generate images with Google Gemini on your own key, keep them in a searchable gallery, and open it offline.",
    start_url: "/generate",
    scope: "/",
    display: "standalone",
    orientation: "any",
    // The manifest has one colour pair; the dark one is set per scheme by <meta name="theme-color">.
    theme_color: THEME_COLORS.light,
    background_color: THEME_COLORS.light,
    categories: ["photo", "graphics", "productivity"],
    lang: "en",
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
        name: "Generate an image",
        short_name: "Generate",
        url: "/generate",
        icons: [{ src: "/icons/shortcut-generate-96.png", sizes: "96x96", type: "image/png" }],
      },
      {
        name: "My gallery",
        short_name: "Gallery",
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
        label: "Your gallery on a phone",
      },
      {
        src: "/screenshots/generate-wide.webp",
        sizes: "1440x900",
        type: "image/webp",
        form_factor: "wide",
        label: "Generating an image on the desktop, in the dark theme",
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
