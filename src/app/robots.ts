import type { MetadataRoute } from "next";
import { resolveSiteOrigin } from "@/components/share/site-origin";

/**
 * The public pages are for crawlers; the API and everything behind sign-in are not (those
 * pages also say `noindex` themselves, since a link from elsewhere can still lead a crawler
 * there). Private paths listed here must stay in step with the (app) route group.
 */
const PRIVATE_PATHS = [
  "/api/",
  "/gallery",
  "/generate",
  "/collections",
  "/images/",
  "/settings",
  "/share-target",
  "/~offline",
] as const;

export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = await resolveSiteOrigin();
  return {
    rules: { userAgent: "*", allow: "/", disallow: [...PRIVATE_PATHS] },
    sitemap: `${origin}/sitemap.xml`,
  };
}
