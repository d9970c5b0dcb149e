import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/server/config/env";
import { looksSignedIn } from "@/server/auth/session-cookie-names";
import { refreshSupabaseSession } from "@/server/auth/supabase/middleware-session";
import { answerOddApiPath } from "@/server/http/api-path-guard";
import { REQUEST_ID_HEADER, resolveRequestId } from "@/server/http/request-id";
import { contentSecurityPolicy } from "@/server/http/security-headers";

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
  });
  const { pathname, search } = request.nextUrl;

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-pathname", `${pathname}${search}`);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  requestHeaders.set("Content-Security-Policy", csp);

  let response: NextResponse;
  if (
    isAppPage(pathname) &&
    !looksSignedIn(request.cookies.getAll().map((cookie) => cookie.name))
  ) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", `${pathname}${search}`);
    response = NextResponse.redirect(login);
  } else {
    response = NextResponse.next({ request: { headers: requestHeaders } });
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
