import "server-only";
import type { NextRequest } from "next/server";
import type { CookieJar, CookieOptions } from "@/server/auth/auth-port";

/**
 * A CookieJar over the request's cookies that records writes, to be put on the response
 * with applyTo(). Reads see earlier writes, as a browser would on its next request.
 */
export function requestCookieJar(
  request: NextRequest,
): CookieJar & { applyTo(response: Response): void } {
  const written = new Map<string, { value: string; options: CookieOptions }>();
  return {
    getAll() {
      const current = new Map(request.cookies.getAll().map(({ name, value }) => [name, value]));
      for (const [name, { value, options }] of written) {
        if (options.maxAge === 0 || value === "") current.delete(name);
        else current.set(name, value);
      }
      return [...current].map(([name, value]) => ({ name, value }));
    },
    set(name, value, options) {
      written.set(name, { value, options });
    },
    applyTo(response) {
      for (const [name, { value, options }] of written)
        response.headers.append("set-cookie", serializeCookie(name, value, options));
    },
  };
}

export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path ?? "/"}`];
  if (options.maxAge !== undefined) parts.push(`Max-Age=${Math.floor(options.maxAge)}`);
  if (options.expires) parts.push(`Expires=${options.expires.toUTCString()}`);
  if (options.domain) parts.push(`Domain=${options.domain}`);
  if (options.httpOnly) parts.push("HttpOnly");
  if (options.secure) parts.push("Secure");
  if (options.sameSite)
    parts.push(`SameSite=${options.sameSite[0]?.toUpperCase()}${options.sameSite.slice(1)}`);
  return parts.join("; ");
}
