import type { MetadataRoute } from "next";
import { resolveSiteOrigin } from "@/components/share/site-origin";

/**
 * The studio's public entry pages. Shared images and collections are reached from Explore and
 * from the links people share; they come and go as owners change their minds, so they are
 * not listed.
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = await resolveSiteOrigin();
  return ["/", "/explore", "/login", "/register"].map((path) => ({
    url: `${origin}${path}`,
    changeFrequency: path === "/explore" ? "hourly" : "monthly",
  }));
}
