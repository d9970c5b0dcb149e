/** Edge-safe. The Content-Security-Policy of every page, with the request's nonce. */
export function contentSecurityPolicy({
  nonce,
  isDevelopment,
  upgradeInsecure,
  fileOrigin,
}: {
  nonce: string;
  isDevelopment: boolean;
  upgradeInsecure: boolean;
  /**
   * Where image files may come from besides the studio: Supabase Storage's origin when the files
   * route redirects there (fileOriginOf), for <img> (img-src) and the offline copies (connect-src).
   */
  fileOrigin?: string | null;
}): string {
  const files = fileOrigin ? ` ${fileOrigin}` : "";
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonce'd bootstrap load its chunks; no inline scripts otherwise.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' blob: data:${files}`,
    "font-src 'self' data:",
    `connect-src 'self'${files}${isDevelopment ? " ws:" : ""}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "media-src 'self' blob:",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
  if (upgradeInsecure) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** The origin image files are redirected to (Supabase mode with STORAGE_REDIRECTS on), or null. */
export function fileOriginOf(objectStore: {
  kind: string;
  url?: string;
  signedUrlSeconds?: number | null;
}): string | null {
  if (objectStore.kind !== "supabase" || !objectStore.url || !objectStore.signedUrlSeconds) {
    return null;
  }
  return new URL(objectStore.url).origin;
}

// The other security headers (nosniff, Referrer-Policy, Permissions-Policy, frame options,
// HSTS) are set for every path, static files included, in next.config.mjs.
