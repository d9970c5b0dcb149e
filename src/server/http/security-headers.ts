/** Edge-safe. The Content-Security-Policy of every page, with the request's nonce. */
export function contentSecurityPolicy({
  nonce,
  isDevelopment,
  upgradeInsecure,
}: {
  nonce: string;
  isDevelopment: boolean;
  upgradeInsecure: boolean;
}): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonce'd bootstrap load its chunks; no inline scripts otherwise.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${isDevelopment ? " ws:" : ""}`,
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

// The other security headers (nosniff, Referrer-Policy, Permissions-Policy, frame options,
// HSTS) are set for every path, static files included, in next.config.mjs.
