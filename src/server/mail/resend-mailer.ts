import "server-only";
import { Resend } from "resend";
import { MailDeliveryError, type MailerPort } from "./mailer-port";

/**
 * What Resend says when it refuses: 4xx on the message itself will never pass (a bad address,
 * a payload too large, an idempotency key reused for another message), so the outbox gives up
 * at once. 401/403 mean a wrong or revoked key, which the operator can fix: those, 408, 429,
 * 5xx, a concurrent request on the same idempotency key and network faults (no status) are
 * tried again later.
 */
function isRetryable(status: number | null, name: string | undefined): boolean {
  if (status === null) return true;
  if (status >= 500 || status === 401 || status === 403 || status === 408 || status === 429)
    return true;
  return status === 409 && name === "concurrent_idempotent_requests";
}

/** Retry-After in seconds or as an HTTP date, in ms from now; null when absent or unreadable. */
function retryAfterMs(value: string | undefined): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/** Mail through Resend's own SDK; `baseUrl` (RESEND_BASE_URL) points it elsewhere (tests). */
export function createResendMailer(options: {
  apiKey: string;
  baseUrl: string | undefined;
}): MailerPort {
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : {});
  return {
    kind: "resend",
    async send(mail, { idempotencyKey }) {
      const { data, error, headers } = await resend.emails.send(
        {
          from: mail.from,
          to: [mail.to],
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          headers: Object.keys(mail.headers).length > 0 ? mail.headers : undefined,
          tags: [{ name: "kind", value: mail.kind.replace(/[^A-Za-z0-9_-]/g, "_") }],
        },
        { idempotencyKey },
      );
      if (error) {
        const status = typeof error.statusCode === "number" ? error.statusCode : null;
        throw new MailDeliveryError(
          `Resend ${status ?? "network"} ${error.name}: ${error.message}`.slice(0, 500),
          isRetryable(status, error.name),
          status,
          retryAfterMs(headers?.["retry-after"]),
        );
      }
      if (!data?.id) throw new MailDeliveryError("Resend answered without an id", true, null);
      return { messageId: data.id };
    },
  };
}
