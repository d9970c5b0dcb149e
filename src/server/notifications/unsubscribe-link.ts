import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/** The confirmation page a mail's "Unsubscribe" link opens (GET asks, its button does it). */
export const UNSUBSCRIBE_PAGE_PATH = "/unsubscribe";
/** Where RFC 8058 one-click POSTs go (the List-Unsubscribe header); GET there shows the page. */
export const UNSUBSCRIBE_API_PATH = "/api/v1/notifications/unsubscribe";

// The purpose is part of what is signed, so this signature is worth nothing anywhere else.
const PURPOSE = "ais-unsubscribe-v1";

export interface UnsubscribeLinks {
  /** The page that asks before turning email notifications off (the link in the mail's footer). */
  pageUrl(userId: string): string;
  /** The URL a mail client POSTs `List-Unsubscribe=One-Click` to (RFC 8058). */
  oneClickUrl(userId: string): string;
  /** Whether `signature` was made for this user with the app secret (or a previous one). */
  verify(userId: string, signature: string): boolean;
}

function sign(secret: string, userId: string): string {
  return createHmac("sha256", secret).update(`${PURPOSE}:${userId}`).digest("base64url");
}

/**
 * Stateless, per-user unsubscribe links: `?u=<user id>&s=<HMAC-SHA256 of it>`. They do not
 * expire (a mail read a year later must still stop the next one) and need no sign-in: all they
 * can do is turn this user's email notifications off, which Settings turns back on. Links made
 * before an APP_SECRET rotation keep working while the old secret is in APP_SECRET_PREVIOUS.
 */
export function createUnsubscribeLinks(options: {
  appUrl: string;
  secret: string;
  previousSecrets?: readonly string[];
}): UnsubscribeLinks {
  const secrets = [options.secret, ...(options.previousSecrets ?? [])];
  const urlOf = (path: string, userId: string) => {
    const url = new URL(path, options.appUrl);
    url.searchParams.set("u", userId);
    url.searchParams.set("s", sign(options.secret, userId));
    return url.toString();
  };
  return {
    pageUrl: (userId) => urlOf(UNSUBSCRIBE_PAGE_PATH, userId),
    oneClickUrl: (userId) => urlOf(UNSUBSCRIBE_API_PATH, userId),
    verify(userId, signature) {
      const given = Buffer.from(signature, "utf8");
      return secrets.some((secret) => {
        const expected = Buffer.from(sign(secret, userId), "utf8");
        return expected.length === given.length && timingSafeEqual(expected, given);
      });
    },
  };
}

/** "a•••@example.com": enough for a person to recognise their address, not to learn someone's. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "•••";
  const local = email.slice(0, at);
  return `${local.slice(0, local.length > 2 ? 2 : 1)}•••${email.slice(at)}`;
}
