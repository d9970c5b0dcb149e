import type { CookieOptionsWithName } from "@supabase/ssr";

/**
 * Options for the `sb-<project>-auth-token` cookies, shared by the server client and the
 * middleware so that both write the same cookie. Edge-safe (no server-only, no Node imports).
 *
 * httpOnly: the server is the only Supabase client in this app, so no browser script needs
 * to read the tokens. Keep it that way: a browser Supabase client would need this flipped.
 * secure: Supabase mode is served over HTTPS; browsers also accept Secure cookies on localhost.
 */
export const SUPABASE_SESSION_COOKIE_OPTIONS = {
  httpOnly: true,
  secure: true,
  sameSite: "lax",
  path: "/",
} as const satisfies CookieOptionsWithName;

/** True for the session cookie and its chunks (`.0`, `.1`, …), not for PKCE code-verifier cookies. */
export function isSupabaseSessionCookieName(name: string): boolean {
  return name.startsWith("sb-") && name.includes("-auth-token") && !name.endsWith("-code-verifier");
}
