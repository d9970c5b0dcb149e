import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import { rowsOf } from "@/server/db/rows";
import { mailOutbox } from "@/server/db/schema";
import { logger } from "@/server/observability/logger";
import { MAIL_BACKOFF, retryDelayMs, type BackoffPolicy } from "./backoff";
import { MailDeliveryError, type MailerPort } from "./mailer-port";

/** A rendered message for the outbox. */
export interface OutboxMessage {
  kind: string;
  to: string;
  /** Whose mail it is, if anyone's (the row outlives the account: set null on deletion). */
  userId?: string | null;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  /** At most one row ever holds this key; a second enqueue with it is a no-op. */
  dedupeKey?: string;
}

// CR or LF in a header value would start a header of its own.
const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ").trim();

/**
 * Puts a message in the outbox. Call it with the transaction that makes the change the mail
 * reports: if that transaction rolls back, the mail was never there. Nothing is sent until a
 * flush after commit. Returns the row's id, or null when `dedupeKey` was already taken.
 */
export async function enqueueMail(tx: Database, message: OutboxMessage): Promise<string | null> {
  const headers = Object.fromEntries(
    Object.entries(message.headers ?? {}).map(([name, value]) => [oneLine(name), oneLine(value)]),
  );
  const rows = await tx
    .insert(mailOutbox)
    .values({
      kind: message.kind,
      userId: message.userId ?? null,
      toEmail: oneLine(message.to),
      subject: oneLine(message.subject),
      htmlBody: message.html,
      textBody: message.text,
      headers,
      dedupeKey: message.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  return rows[0]?.id ?? null;
}

export interface MailFlushReport {
  /** Delivered by this flush. */
  mailSent: number;
  /** Failed for now and put back for a later attempt. */
  mailRetried: number;
  /** Given up on by this flush (status `failed`). */
  mailFailed: number;
  /** Still waiting (pending or being sent) after this flush. */
  mailPending: number;
}

export interface FlushOptions {
  db: Database;
  mailer: MailerPort;
  from: string;
  now?: () => number;
  policy?: BackoffPolicy;
  random?: () => number;
  batchSize?: number;
  maxBatches?: number;
  /** How long a claimed row is this flusher's before another may take it over. */
  leaseMs?: number;
}

/** The idempotency key a message is sent with on every attempt (Resend keeps keys 24 h). */
export function mailIdempotencyKey(id: string): string {
  return `mail-outbox/${id}`;
}

/**
 * Claims up to `limit` due rows for this flusher: pending ones whose time has come, and sending
 * ones whose sender's lease ran out (it died mid-send). FOR UPDATE SKIP LOCKED lets two flushers
 * claim side by side without waiting or taking the same row; a row another flusher has just
 * claimed no longer matches when its lock is released (its next_attempt_at is now the end of
 * that flusher's lease), so it is skipped too.
 */
async function claimDueMail(
  db: Database,
  nowMs: number,
  limit: number,
  leaseMs: number,
): Promise<ClaimedMail[]> {
  // MATERIALIZED: evaluated once. As a plain `id in (select … limit n for update skip locked)`
  // the planner may scan the subquery again and claim more than n rows (PGlite did).
  // Times go in as ISO text: postgres.js cannot bind a Date in raw SQL.
  const now = new Date(nowMs).toISOString();
  const leaseEnd = new Date(nowMs + leaseMs).toISOString();
  const result = await db.execute(sql`
    with due as materialized (
      select id from ${mailOutbox}
      where status in ('pending', 'sending') and next_attempt_at <= ${now}::timestamptz
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked
    )
    update ${mailOutbox} as m
    set status = 'sending', attempts = m.attempts + 1,
        next_attempt_at = ${leaseEnd}::timestamptz, last_attempt_at = ${now}::timestamptz
    from due
    where m.id = due.id
    returning m.id, m.kind, m.to_email, m.subject, m.html_body, m.text_body, m.headers, m.attempts
  `);
  return rowsOf<ClaimedRow>(result).map((row) => ({
    id: row.id,
    kind: row.kind,
    toEmail: row.to_email,
    subject: row.subject,
    htmlBody: row.html_body,
    textBody: row.text_body,
    headers: typeof row.headers === "string" ? JSON.parse(row.headers) : row.headers,
    attempts: Number(row.attempts),
  }));
}

interface ClaimedRow {
  id: string;
  kind: string;
  to_email: string;
  subject: string;
  html_body: string;
  text_body: string;
  headers: Record<string, string> | string;
  attempts: number | string;
}

interface ClaimedMail {
  id: string;
  kind: string;
  toEmail: string;
  subject: string;
  htmlBody: string;
  textBody: string;
  headers: Record<string, string>;
  /** Attempts made, this one included. */
  attempts: number;
}

/**
 * Sends what is due: claims a batch, sends each message with its idempotency key, records the
 * outcome, and goes on while there is more. A message is marked sent only after the mailer
 * confirmed it; a failure that may pass is retried later with backoff, up to the policy's
 * attempts, then left `failed` with its last error for the operator.
 */
export async function flushMailOutbox(options: FlushOptions): Promise<MailFlushReport> {
  const clock = options.now ?? Date.now;
  const policy = options.policy ?? MAIL_BACKOFF;
  const batchSize = options.batchSize ?? 20;
  const maxBatches = options.maxBatches ?? 10;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const { db, mailer } = options;
  const report: MailFlushReport = { mailSent: 0, mailRetried: 0, mailFailed: 0, mailPending: 0 };

  for (let batch = 0; batch < maxBatches; batch += 1) {
    const claimed = await claimDueMail(db, clock(), batchSize, leaseMs);
    if (claimed.length === 0) break;
    for (const row of claimed) {
      let messageId: string;
      try {
        ({ messageId } = await mailer.send(
          {
            id: row.id,
            kind: row.kind,
            from: options.from,
            to: row.toEmail,
            subject: row.subject,
            html: row.htmlBody,
            text: row.textBody,
            headers: row.headers,
          },
          { idempotencyKey: mailIdempotencyKey(row.id) },
        ));
      } catch (error) {
        const outcome = await recordFailedAttempt({ db, row, error, policy, clock, options });
        report[outcome === "failed" ? "mailFailed" : "mailRetried"] += 1;
        continue;
      }
      // Sent is the truth whoever holds the row now: no fence on the attempt. Should this write
      // fail, the row stays `sending` and is tried again when the lease ends, with the same
      // idempotency key, so the provider answers without sending it twice.
      await db
        .update(mailOutbox)
        .set({
          status: "sent",
          sentAt: new Date(clock()),
          providerMessageId: messageId,
          lastError: null,
        })
        .where(eq(mailOutbox.id, row.id));
      report.mailSent += 1;
    }
    if (claimed.length < batchSize) break;
  }
  const [pending] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(mailOutbox)
    .where(inArray(mailOutbox.status, ["pending", "sending"]));
  report.mailPending = pending?.count ?? 0;
  return report;
}

/** Puts a row back for later, or gives up on it; says which. */
async function recordFailedAttempt({
  db,
  row,
  error,
  policy,
  clock,
  options,
}: {
  db: Database;
  row: ClaimedMail;
  error: unknown;
  policy: BackoffPolicy;
  clock: () => number;
  options: Pick<FlushOptions, "random">;
}): Promise<"retried" | "failed"> {
  const delivery =
    error instanceof MailDeliveryError
      ? error
      : new MailDeliveryError(error instanceof Error ? error.message : String(error), true, null);
  const giveUp = !delivery.retryable || row.attempts >= policy.maxAttempts;
  const lastError = delivery.message.slice(0, 500);
  const nextAttemptAt = new Date(
    clock() + retryDelayMs(row.attempts, delivery.retryAfterMs, policy, options.random),
  );
  // Fenced on this attempt: a flusher that took the row over after our lease ran out owns it
  // now, and our late failure must not undo its outcome.
  await db
    .update(mailOutbox)
    .set(giveUp ? { status: "failed", lastError } : { status: "pending", nextAttemptAt, lastError })
    .where(
      and(
        eq(mailOutbox.id, row.id),
        eq(mailOutbox.status, "sending"),
        eq(mailOutbox.attempts, row.attempts),
      ),
    );
  const fields = { id: row.id, kind: row.kind, attempts: row.attempts, status: delivery.status };
  if (giveUp) {
    logger.error("mail given up", { ...fields, error: lastError });
    return "failed";
  }
  logger.warn("mail not sent yet; retried later", {
    ...fields,
    retryAt: nextAttemptAt.toISOString(),
  });
  return "retried";
}

/** When the next due message will be, if any is waiting (for an instance's cheap "is it time?"). */
export async function nextMailDueAt(db: Database): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | string | null>`min(${mailOutbox.nextAttemptAt})` })
    .from(mailOutbox)
    .where(inArray(mailOutbox.status, ["pending", "sending"]));
  return row?.at ? new Date(row.at) : null;
}
