import { NextResponse } from "next/server";

/**
 * The manifest's share_target posts here. The service worker normally answers it (it keeps
 * the shared image for /generate); before a worker is installed, or where the browser skips
 * it, the post reaches the server, which opens the studio without the picture rather than 404.
 */
export function POST(request: Request): Response {
  return NextResponse.redirect(new URL("/generate", request.url), 303);
}
