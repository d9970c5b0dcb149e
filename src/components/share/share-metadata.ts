import "server-only";
import type { Metadata } from "next";
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

function shareMetadata({
  title,
  description,
  pageUrl,
  image,
}: {
  title: string;
  description: string;
  pageUrl: string;
  image: ReturnType<typeof previewImage> | null;
}): Metadata {
  return {
    title,
    description,
    alternates: { canonical: pageUrl },
    openGraph: {
      type: "website",
      siteName: SITE_NAME,
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

export function sharedImageMetadata({
  image,
  shareId,
  origin,
}: {
  image: PublicImage;
  shareId: string;
  origin: string;
}): Metadata {
  return shareMetadata({
    title: `“${clipText(image.prompt, 60)}” by ${image.author.name}`,
    description: `${clipText(image.prompt, 180)} — made with Google Gemini in ${SITE_NAME}.`,
    pageUrl: `${origin}/s/i/${shareId}`,
    image: previewImage(image, origin),
  });
}

export function sharedCollectionMetadata({
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
}): Metadata {
  const count = collection.imageCount === 1 ? "1 image" : `${collection.imageCount} images`;
  return shareMetadata({
    title: `${clipText(collection.name, 70)} — a collection by ${authorName}`,
    description: collection.description
      ? clipText(collection.description, 200)
      : `${count} by ${authorName}, made with Google Gemini in ${SITE_NAME}.`,
    pageUrl: `${origin}/s/c/${shareId}`,
    image: cover ? previewImage(cover, origin) : null,
  });
}
