import "server-only";

/*
 * Cache-Control of API answers that are the same for everyone who asks (the route is
 * `access: "public"`: it never reads the caller's identity). Set on success only, through
 * `reply(…, { headers })`: refusals keep defineRoute's `no-store`, and so does every answer
 * that depends on who asks.
 */

/**
 * Style templates change only when an operator edits them: browsers may reuse them for five
 * minutes, shared caches likewise, and serve a stale copy for an hour while they refetch.
 */
export const TEMPLATES_CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=3600";

/**
 * The public gallery: a shared cache (Vercel's CDN) may keep a page for a minute, browsers must
 * ask again (but may keep the copy for back/forward). No stale-while-revalidate: an image made
 * private must leave every list within the same minute as its files (see fileCacheControl).
 */
export const PUBLIC_LIST_CACHE_CONTROL = "public, max-age=0, must-revalidate, s-maxage=60";
