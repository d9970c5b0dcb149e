import "server-only";
import { AppError } from "@/server/http/app-error";
import { logger } from "@/server/observability/logger";
import type { AuthPort, CookieJar, MailedLink } from "./auth-port";

type LinkType = Extract<MailedLink, { tokenHash: string }>["type"];

const LINK_TYPES: ReadonlySet<string> = new Set<LinkType>([
  "recovery",
  "signup",
  "invite",
  "magiclink",
  "email_change",
  "email",
]);

/**
 * Link types whose page takes the token itself and spends it only when the person acts (so a
 * mail scanner that fetches the link spends nothing, and opening a link never signs anyone in).
 * Add a type here when its page accepts `?token=`; other types are opened on /auth/confirm.
 */
const TOKEN_PAGES: Partial<Record<LinkType, string>> = {
  recovery: "/reset-password",
  email: "/verify-email",
  signup: "/verify-email",
  email_change: "/confirm-email",
};

/** `?error=` on the page a link that did not work is sent to: spent or unknown, or the auth service is down. */
export const LINK_INVALID = "link_invalid";
export const LINK_UNAVAILABLE = "link_unavailable";

// GoTrue's token hashes are hex (sha224, "pkce_" first in the PKCE flow); codes are UUIDs.
const TOKEN_HASH_SHAPE = /^(pkce_)?[0-9a-f]{40,128}$/;
const CODE_SHAPE = /^[A-Za-z0-9-]{16,128}$/;

/**
 * Only a path on this site: "/settings?x=1" yes; "//evil.example", "/\\evil.example",
 * "https://…", "javascript:…" and anything that resolves to another origin, no.
 */
export function sameOriginPath(next: string | null, fallback = "/"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\"))
    return fallback;
  const base = "http://studio.invalid";
  try {
    const resolved = new URL(next, base);
    if (resolved.origin !== base) return fallback;
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  } catch {
    return fallback;
  }
}

function withQuery(path: string, params: Record<string, string>): string {
  const url = new URL(path, "http://studio.invalid");
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return `${url.pathname}${url.search}`;
}

/**
 * Where a link from Supabase Auth's mail (landing on /auth/confirm) takes the browser:
 * - `token_hash` + `type` with a page of its own: that page, with the token;
 * - other `token_hash` + `type`: verified here (verifyOtp through @supabase/ssr, the session in
 *   `jar`), then `next`;
 * - `code` (GoTrue's own /verify redirecting in the PKCE flow): exchanged here for the session
 *   (the code verifier is in this browser's cookies), then `next`;
 * - anything else, or a link that did not work: `next` with `?error=link_invalid` (or
 *   `link_unavailable` when the auth service could not be asked: the link may still work).
 * `next` is only ever a path on this site (no open redirect).
 */
export async function resolveMailedLink({
  params,
  auth,
  jar,
}: {
  params: URLSearchParams;
  auth: AuthPort;
  jar: CookieJar;
}): Promise<string> {
  const type = params.get("type");
  const tokenHash = params.get("token_hash");
  const code = params.get("code");
  const knownType = type !== null && LINK_TYPES.has(type) ? (type as LinkType) : null;
  const next = sameOriginPath(params.get("next"), (knownType && TOKEN_PAGES[knownType]) ?? "/");
  const invalid = withQuery(next, { error: LINK_INVALID });

  if (tokenHash !== null && knownType) {
    if (!TOKEN_HASH_SHAPE.test(tokenHash)) return invalid;
    const page = TOKEN_PAGES[knownType];
    if (page) return withQuery(page, { token: tokenHash });
    return open({ tokenHash, type: knownType });
  }
  if (code !== null && params.get("error") === null) {
    if (!CODE_SHAPE.test(code)) return invalid;
    return open({ code });
  }
  return invalid;

  async function open(link: MailedLink): Promise<string> {
    try {
      await auth.confirmMailedLink(link, jar);
      return next;
    } catch (error) {
      if (error instanceof AppError && error.code === "VALIDATION_ERROR") return invalid;
      logger.warn("a mailed link could not be opened", { error });
      return withQuery(next, { error: LINK_UNAVAILABLE });
    }
  }
}
