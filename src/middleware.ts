import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/server/config/env";
import { looksSignedIn } from "@/server/auth/session-cookie-names";
import { refreshSupabaseSession } from "@/server/auth/supabase/middleware-session";
import { answerOddApiPath } from "@/server/http/api-path-guard";
import { REQUEST_ID_HEADER, resolveRequestId } from "@/server/http/request-id";
import { contentSecurityPolicy, fileOriginOf } from "@/server/http/security-headers";

// /explore is the public gallery: open to visitors, so not listed here.
const APP_PAGES = ["/generate", "/gallery", "/images", "/collections", "/settings"];

function isAppPage(pathname: string): boolean {
  return APP_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`));
}

/** Request id, CSP nonce, Supabase session refresh, signed-out redirects. */
export async function middleware(request: NextRequest) {
  // API paths come here only when Next would answer them with an HTML page (/api/v1 itself,
  // a `%` or a `..`: see the matcher), to be answered in the envelope.
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return answerOddApiPath(request) ?? NextResponse.next();
  }
  const config = getConfig();
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy({
    nonce,
    isDevelopment: config.nodeEnv === "development",
    upgradeInsecure: config.isProduction && (config.appUrl?.startsWith("https:") ?? false),
    fileOrigin: fileOriginOf(config.objectStore),
  });
  const { pathname, search } = request.nextUrl;

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-pathname", `${pathname}${search}`);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  requestHeaders.set("Content-Security-Policy", csp);

  const signedIn = looksSignedIn(request.cookies.getAll().map((cookie) => cookie.name));
  let response: NextResponse;
  if (isAppPage(pathname) && !signedIn) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", `${pathname}${search}`);
    response = NextResponse.redirect(login);
  } else {
    response = NextResponse.next({ request: { headers: requestHeaders } });
    // Every page is dynamic (the root layout reads the theme cookie), so Next answers
    // `private, no-cache, no-store, …`, and Chromium keeps no page whose main response says
    // `no-store` in its back/forward cache. A signed-out page holds nothing private:
    // `private, no-cache` still keeps shared caches out (each page has its own CSP nonce)
    // and makes the browser ask again on every ordinary visit, but lets Back and Forward
    // restore it from memory. Signed-in pages keep Next's `no-store`, so that after logout
    // Back cannot bring a private page back. Next keeps a Cache-Control set here on dynamic
    // pages (it only fills one in when none is set).
    if (!signedIn) response.headers.set("Cache-Control", "private, no-cache");
    if (config.auth.kind === "supabase") {
      await refreshSupabaseSession({
        url: config.auth.url,
        publishableKey: config.auth.publishableKey,
        request,
        response,
      });
    }
  }

  response.headers.set("Content-Security-Policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  matcher: [
    // Pages only: not build assets, not files with an extension (static files get their
    // security headers from next.config.mjs), and not /api, whose handlers set their own
    // request id and need no CSP nonce — skipping the edge hop there is most of their overhead.
    "/((?!api/|_next/static|_next/image|.*\\.[A-Za-z0-9]+$).*)",
    "/api/v1",
    "/api/v1/(.*%.*)",
    "/api/v1/(.*\\.\\..*)",
  ],
};
