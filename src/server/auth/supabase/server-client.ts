import "server-only";
import { createServerClient, type CookieOptions as SupabaseCookieOptions } from "@supabase/ssr";
import { createClient } from "@supabase/supabase-js";
import type { CookieJar, CookieOptions } from "@/server/auth/auth-port";
import { SUPABASE_SESSION_COOKIE_OPTIONS } from "./session-cookie-options";
import { REALTIME_UNUSED } from "./realtime-unused";

function toJarCookieOptions(options: SupabaseCookieOptions): CookieOptions {
  return {
    httpOnly: options.httpOnly,
    secure: options.secure,
    sameSite:
      options.sameSite === true
        ? "strict"
        : options.sameSite === false
          ? undefined
          : options.sameSite,
    path: options.path,
    maxAge: options.maxAge,
    expires: options.expires,
    domain: options.domain,
  };
}

/**
 * A Supabase client whose session lives in the request's cookies (read through `jar.getAll`,
 * written through `jar.set` when @supabase/ssr signs in, refreshes or signs out).
 * One client per request: it caches the session it loaded.
 *
 * @supabase/ssr also hands `setAll` no-cache headers for responses that set auth cookies,
 * which a CookieJar cannot carry: a response that may set them (any route that
 * authenticates by cookie) must itself be `Cache-Control: private, no-store`, or a CDN can
 * serve one user's session cookies to another.
 */
export function createSupabaseServerClient({
  url,
  publishableKey,
  jar,
}: {
  url: string;
  publishableKey: string;
  jar: CookieJar;
}) {
  return createServerClient(url, publishableKey, {
    cookieOptions: SUPABASE_SESSION_COOKIE_OPTIONS,
    realtime: REALTIME_UNUSED,
    cookies: {
      getAll: () => jar.getAll(),
      setAll: (cookies) => {
        for (const { name, value, options } of cookies)
          jar.set(name, value, toJarCookieOptions(options));
      },
    },
  });
}

/**
 * A client with no session of its own, for calls that take a token explicitly (refresh,
 * verifying a bearer token). Create one per call: auth-js de-duplicates concurrent refreshes
 * per client, so a shared client could hand one caller's rotated session to another.
 */
export function createSupabaseTokenClient({
  url,
  publishableKey,
}: {
  url: string;
  publishableKey: string;
}) {
  return createClient(url, publishableKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: REALTIME_UNUSED,
  });
}
