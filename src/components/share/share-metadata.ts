import "server-only";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale, OG_LOCALES, DEFAULT_LOCALE } from "@/i18n/locales";
import type { Collection, Image, PublicImage } from "@/shared/api-types";
import { thumbnailDimensions, thumbnailUrl } from "./thumbnail-size";

const SITE_NAME = "AI Image Studio";

/** Cuts text to `max` characters at a word boundary, with an ellipsis. */
export function clipText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:!?-]+$/, "")}…`;
}

function previewImage(image: Image, origin: string) {
  const { width, height } = thumbnailDimensions(image, 800);
  return {
    url: `${origin}${thumbnailUrl(image, "800")}`,
    width,
    height,
    alt: clipText(image.prompt, 240),
  };
}

/** og:locale: the viewer's language, which is the page's (the request picks it). */
async function ogLocale(): Promise<string> {
  const locale = await getLocale();
  return OG_LOCALES[isLocale(locale) ? locale : DEFAULT_LOCALE];
}

function shareMetadata({
  title,
  description,
  pageUrl,
  image,
  locale,
}: {
  title: string;
  description: string;
  pageUrl: string;
  image: ReturnType<typeof previewImage> | null;
  locale: string;
}): Metadata {
  return {
    title,
    description,
    alternates: { canonical: pageUrl },
    openGraph: {
      type: "website",
      siteName: SITE_NAME,
      locale,
      url: pageUrl,
      title,
      description,
      ...(image ? { images: [image] } : {}),
    },
    twitter: {
      card: image ? "summary_large_image" : "summary",
      title,
      description,
      ...(image ? { images: [{ url: image.url, alt: image.alt }] } : {}),
    },
  };
}

export async function sharedImageMetadata({
  image,
  shareId,
  origin,
}: {
  image: PublicImage;
  shareId: string;
  origin: string;
}): Promise<Metadata> {
  const [t, locale] = await Promise.all([getTranslations("share.meta"), ogLocale()]);
  return shareMetadata({
    title: t("imageTitle", { prompt: clipText(image.prompt, 60), author: image.author.name }),
    description: t("imageDescription", { prompt: clipText(image.prompt, 180), site: SITE_NAME }),
    pageUrl: `${origin}/s/i/${shareId}`,
    image: previewImage(image, origin),
    locale,
  });
}

export async function sharedCollectionMetadata({
  collection,
  authorName,
  cover,
  shareId,
  origin,
}: {
  collection: Collection;
  authorName: string;
  cover: Image | null;
  shareId: string;
  origin: string;
}): Promise<Metadata> {
  const [t, locale] = await Promise.all([getTranslations("share.meta"), ogLocale()]);
  return shareMetadata({
    title: t("collectionTitle", { name: clipText(collection.name, 70), author: authorName }),
    description: collection.description
      ? clipText(collection.description, 200)
      : t("collectionDescription", {
          count: collection.imageCount,
          author: authorName,
          site: SITE_NAME,
        }),
    pageUrl: `${origin}/s/c/${shareId}`,
    image: cover ? previewImage(cover, origin) : null,
    locale,
  });
}
