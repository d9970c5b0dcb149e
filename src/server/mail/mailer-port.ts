import "server-only";

/** One message as the outbox hands it to a mailer: already rendered, addressed, headed. */
export interface OutgoingMail {
  /** The outbox row's id; files and logs name the message by it. */
  id: string;
  kind: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

/**
 * Why a send did not happen. `retryable` says whether trying the same message again later may
 * succeed (an outage, a rate limit, a network fault, a key the operator can fix) or never will
 * (the provider refused the message itself). `status` is the provider's HTTP status, if any.
 */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status: number | null,
    /** How long the provider asked us to wait (Retry-After), if it said. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = "MailDeliveryError";
  }
}

/**
 * The Mailer port. `send` delivers one message or throws MailDeliveryError. The idempotency
 * key is the same on every attempt at the same message, so a provider that honours it never
 * delivers a message twice even when an earlier attempt's answer was lost.
 */
export interface MailerPort {
  readonly kind: "resend" | "files";
  send(mail: OutgoingMail, options: { idempotencyKey: string }): Promise<{ messageId: string }>;
}
