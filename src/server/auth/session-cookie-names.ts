/**
 * Edge-safe: whether a request carries something that looks like a session cookie of either
 * auth adapter. Middleware uses it to redirect signed-out visitors early; the real check
 * (database or Supabase) happens in the page's layout and in every route handler.
 */
export function looksSignedIn(cookieNames: string[]): boolean {
  return cookieNames.some(
    (name) =>
      name === "ais_session" ||
      name === "__Host-ais_session" ||
      (name.startsWith("sb-") && name.includes("-auth-token")),
  );
}
