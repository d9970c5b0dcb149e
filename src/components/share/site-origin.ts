import "server-only";
import { headers } from "next/headers";
import { getServices } from "@/server/services";

const HOST_PATTERN = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function firstValue(header: string | null): string | undefined {
  return header?.split(",")[0]?.trim() || undefined;
}

/**
 * The site's public origin for absolute links (OpenGraph needs them): APP_URL when it is
 * set, else the host the request came to, behind a proxy the forwarded one.
 */
export async function resolveSiteOrigin(): Promise<string> {
  const { config } = await getServices();
  if (config.appUrl) return new URL(config.appUrl).origin;
  const list = await headers();
  const candidate = firstValue(list.get("x-forwarded-host")) ?? firstValue(list.get("host"));
  const host = candidate && HOST_PATTERN.test(candidate) ? candidate : "localhost:3000";
  const forwarded = firstValue(list.get("x-forwarded-proto"));
  const local = /^(?:localhost|127\.|\[::1\])/.test(host);
  const protocol =
    forwarded === "http" || forwarded === "https" ? forwarded : local ? "http" : "https";
  return `${protocol}://${host}`;
}
