/**
 * The `next` query parameter when it is a same-origin relative path ("/…", not "//…"
 * or "/\…", which browsers treat as another host); otherwise the fallback.
 */
export function safeNextPath(next: unknown, fallback = "/generate"): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2048) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  // Control characters (tabs, newlines) are stripped by URL parsers and can turn "/\t/x" into "//x".
  for (const char of next) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return fallback;
  }
  // Serialized by the URL parser: non-ASCII characters come back percent-encoded, so the path
  // can go into a Location header (which only carries Latin-1) and means the same page.
  const base = "http://same-origin.invalid";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
