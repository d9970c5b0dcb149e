import "server-only";
import { after } from "next/server";
import type { Database } from "@/server/db/database";
import { logger } from "@/server/observability/logger";
import type { MailerPort } from "./mailer-port";
import { enqueueMail, flushMailOutbox, nextMailDueAt, type MailFlushReport } from "./mail-outbox";
import type { Locale } from "@/i18n/locales";
import { readRecipientLocale } from "./recipient-locale";
import { renderTemplate, type MailContext, type MailKind, type MailKinds } from "./templates";

export interface MailRequest<K extends MailKind> {
  kind: K;
  to: string;
  userId?: string | null;
  data: MailKinds[K];
  /** At most one mail ever carries this key (e.g. `generation-finished:<user>:<hour>`). */
  dedupeKey?: string;
  /**
   * The reader's language. Unset: the account's (by userId, else by the address), else English.
   * Set it when the account is gone by the time the mail is queued (account deletion).
   */
  locale?: Locale;
}

/**
 * Something that makes mail when its time comes (batched notifications): each flush first
 * lets it put what is due into the outbox, then sends the outbox.
 */
export interface MailSource {
  enqueueDue(now: number): Promise<unknown>;
  /** When it next has something due, if ever (for the cheap per-request check). */
  nextDueAt(): Promise<Date | null>;
}

export interface MailService {
  readonly context: MailContext;
  /**
   * Renders and queues a mail inside the caller's transaction; nothing leaves before it
   * commits. After the commit, call `flushAfterResponse()` so it goes out at once.
   */
  enqueue<K extends MailKind>(tx: Database, request: MailRequest<K>): Promise<string | null>;
  /** Sends what is due now; concurrent calls on one instance share one run. */
  flush(): Promise<MailFlushReport>;
  /** Flushes once the response is sent (Next's after(); outside a request, right away). */
  flushAfterResponse(): void;
  /**
   * The cheap check any request may make: flushes in the background only when this instance
   * knows (or has not yet asked whether) a retry is due. Costs nothing when none is.
   */
  flushIfDue(): void;
  /**
   * Something will be due at `at` (e.g. a batched notification): flush then, or now if past.
   * Resolves once that flush is over (at once when it is left to a later request or the cron),
   * so a caller can keep its request alive until then; it never rejects.
   */
  wakeAt(at: Date): Promise<void>;
}

/** The longest wakeAt() keeps a request alive to flush at the due time itself. */
const WAIT_IN_REQUEST_MS = 2 * 60_000;

export function createMailService(options: {
  db: Database;
  mailer: MailerPort;
  from: string;
  context: MailContext;
  now?: () => number;
  sources?: readonly MailSource[];
}): MailService {
  const { db, mailer, from, context } = options;
  const sources = options.sources ?? [];
  const clock = options.now ?? Date.now;
  let running: Promise<MailFlushReport> | null = null;
  let again = false;
  // When this instance should look at the outbox next: 0 = now (not asked yet), null = nothing waits.
  let dueHint: number | null = 0;

  async function runFlushes(): Promise<MailFlushReport> {
    let report: MailFlushReport;
    let next: (Date | null)[];
    // Every await is inside the loop: a flush() asked for during any of them (it sets `again`)
    // gets a round of its own, instead of returning this run's promise and sending nothing.
    do {
      again = false;
      for (const source of sources) await source.enqueueDue(clock());
      report = await flushMailOutbox({ db, mailer, from, now: clock });
      next = await Promise.all([nextMailDueAt(db), ...sources.map((s) => s.nextDueAt())]);
    } while (again);
    const times = next.filter((at): at is Date => at !== null).map((at) => at.getTime());
    dueHint = times.length > 0 ? Math.min(...times) : null;
    return report;
  }

  function flush(): Promise<MailFlushReport> {
    if (running) {
      // A mail queued during this run may have been read past: one more round after it.
      again = true;
      return running;
    }
    running = runFlushes().finally(() => {
      running = null;
    });
    return running;
  }

  function inBackground(): Promise<void> {
    const work = flush().then(
      () => undefined,
      (error: unknown) => {
        // The rows stay due: a request a minute from now (or the daily cron) tries again.
        dueHint = clock() + 60_000;
        logger.error("mail flush failed", { error });
      },
    );
    try {
      after(() => work);
    } catch {
      /* not inside a Next request (tests, scripts): the promise still runs to completion */
    }
    return work;
  }

  return {
    context,
    async enqueue(tx, request) {
      const locale =
        request.locale ??
        (await readRecipientLocale(tx, { userId: request.userId ?? null, email: request.to }));
      const rendered = renderTemplate(request.kind, request.data, { ...context, locale });
      const id = await enqueueMail(tx, {
        kind: request.kind,
        to: request.to,
        userId: request.userId ?? null,
        dedupeKey: request.dedupeKey,
        ...rendered,
      });
      dueHint = 0;
      return id;
    },
    flush,
    flushAfterResponse() {
      void inBackground();
    },
    flushIfDue() {
      if (dueHint !== null && dueHint <= clock()) void inBackground();
    },
    wakeAt(at) {
      const delay = at.getTime() - clock();
      if (delay <= 0) return inBackground();
      if (dueHint === null || at.getTime() < dueHint) dueHint = at.getTime();
      if (delay > WAIT_IN_REQUEST_MS) return Promise.resolve();
      // Soon: this request waits for it (after() keeps a Vercel function alive until then), so
      // it goes out even when no other request comes; later, the next request or the cron.
      const waited = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        timer.unref?.();
      }).then(() => (dueHint !== null && dueHint <= clock() ? inBackground() : undefined));
      try {
        after(() => waited);
      } catch {
        /* not inside a Next request (tests, scripts), or after it: the timer still fires */
      }
      return waited;
    },
  };
}
