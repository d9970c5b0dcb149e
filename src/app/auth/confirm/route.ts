import type { NextRequest } from "next/server";
import { resolveMailedLink } from "@/server/auth/mailed-links";
import { requestCookieJar } from "@/server/http/cookie-jar";
import { getServices } from "@/server/services";

// GET /auth/confirm — where the links in Supabase Auth's mails land (recovery, sign-up, email
// change): opened or handed to their page, then a redirect to a path on this site only.
export async function GET(request: NextRequest): Promise<Response> {
  const services = await getServices();
  const jar = requestCookieJar(request);
  const location = await resolveMailedLink({
    params: request.nextUrl.searchParams,
    auth: services.auth,
    jar,
  });
  return redirectTo(location, jar);
}

function redirectTo(location: string, jar: ReturnType<typeof requestCookieJar>): Response {
  const response = new Response(null, {
    status: 303,
    headers: {
      // A path of this site, relative: right behind any proxy, whatever Host it forwards.
      location,
      // It may set session cookies, and its URL carries a one-time token.
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
    },
  });
  jar.applyTo(response);
  return response;
}
