import { createServerClient } from "@supabase/ssr";
import type { NextRequest, NextResponse } from "next/server";
import { SUPABASE_SESSION_COOKIE_OPTIONS } from "./session-cookie-options";
import { REALTIME_UNUSED } from "./realtime-unused";

/**
 * Middleware (edge) half of the Supabase session: refreshes an expiring access token and
 * writes the rotated cookies to both the request (so route handlers and pages of this
 * request see them) and the response (so the browser keeps them). Without it a session
 * whose access token expired between requests is refreshed by every handler on its own,
 * and the rotated refresh token of all but one of them is lost.
 */
export async function refreshSupabaseSession({
  url,
  publishableKey,
  request,
  response,
}: {
  url: string;
  publishableKey: string;
  request: NextRequest;
  response: NextResponse;
}): Promise<{ userId: string | null }> {
  const supabase = createServerClient(url, publishableKey, {
    cookieOptions: SUPABASE_SESSION_COOKIE_OPTIONS,
    realtime: REALTIME_UNUSED,
    cookies: {
      getAll: () => request.cookies.getAll(),
      setAll: (cookies, headers) => {
        for (const { name, value } of cookies) request.cookies.set(name, value);
        // Next forwards cookies set on a NextResponse.next() response to this request's
        // handlers (x-middleware-set-cookie), so the response need not be recreated here.
        for (const { name, value, options } of cookies) response.cookies.set(name, value, options);
        for (const [header, value] of Object.entries(headers)) response.headers.set(header, value);
      },
    },
  });

  // Do not run code between createServerClient and getClaims: getClaims is what loads the
  // session from the cookies and refreshes it, and anything that reads or writes auth state
  // in between works on a stale session and can sign the user out at random.
  const { data, error } = await supabase.auth.getClaims();
  if (error || !data) return { userId: null };
  return { userId: data.claims.sub };
}
