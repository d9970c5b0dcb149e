import "server-only";
import { and, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { writeAudit, type AuditContext } from "@/server/audit/audit-log";
import type { Database } from "@/server/db/database";
import {
  generationNotifications,
  images,
  mailOutbox,
  profiles,
  userSettings,
} from "@/server/db/schema";
import { logger } from "@/server/observability/logger";
import { enqueueMail } from "@/server/mail/mail-outbox";
import { renderTemplate, type MailContext } from "@/server/mail/templates";
import { maskEmail, type UnsubscribeLinks } from "./unsubscribe-link";

/** Why a finished generation is worth a mail: the offline outbox sent it, or its client had gone. */
export type NotificationReason = "outbox" | "away";

const HOUR_MS = 60 * 60 * 1000;
/**
 * How long the first note waits for others: the outbox sends queued prompts one after another,
 * so a run of them (seconds apart) makes one mail instead of one now and the rest an hour later.
 */
export const GATHER_MS = 60 * 1000;
const MAIL_KIND = "generation-finished";
/** Users whose batch is made per flush (the rest wait for the next one). */
const USERS_PER_FLUSH = 50;

export interface NotificationsReport {
  /** "Images are ready" mails put in the outbox by this run. */
  notificationMailsQueued: number;
  /** Noted images dropped: notifications were off when their mail was due. */
  notificationsDropped: number;
}

export interface NotificationsService {
  /** The signed unsubscribe links the mails carry. */
  readonly links: UnsubscribeLinks;
  /**
   * Notes a stored image for the next "your images are ready" mail and returns when that mail
   * is due: the batch already waiting, else a minute from now (GATHER_MS) or an hour after the
   * last mail, whichever is later.
   */
  noteFinished(input: {
    userId: string;
    imageId: string;
    reason: NotificationReason;
  }): Promise<Date>;
  /** Turns due notes into one outbox mail per user (for the mail flush; see MailSource). */
  enqueueDue(now?: number): Promise<NotificationsReport>;
  /** The earliest due note, if any. */
  nextDueAt(): Promise<Date | null>;
  /** Whom a signed unsubscribe link is for, masked, or null when the link is not valid. */
  describeUnsubscribe(input: {
    userId: string;
    signature: string;
  }): Promise<{ maskedEmail: string; emailNotifications: boolean } | null>;
  /** Turns email notifications off for a valid link's user; false when the link is not valid. */
  unsubscribe(input: { userId: string; signature: string; audit: AuditContext }): Promise<boolean>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The hour a mail is made in: at most one mail per user carries it (outbox dedupe key). */
function windowKey(userId: string, now: number): string {
  return `${MAIL_KIND}:${userId}:${new Date(now).toISOString().slice(0, 13)}`;
}

/** When the user's last "images are ready" mail was queued, if ever. */
async function lastMailAt(db: Database, userId: string): Promise<number | null> {
  const [row] = await db
    .select({ at: mailOutbox.createdAt })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.userId, userId), eq(mailOutbox.kind, MAIL_KIND)))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  return row ? new Date(row.at).getTime() : null;
}

export function createNotificationsService(deps: {
  db: Database;
  links: UnsubscribeLinks;
  context: MailContext;
  now?: () => number;
}): NotificationsService {
  const { db, links, context } = deps;
  const clock = deps.now ?? Date.now;

  /** One user's due notes → at most one mail, in one transaction with the notes' removal. */
  async function enqueueForUser(userId: string, now: number): Promise<NotificationsReport> {
    const report: NotificationsReport = { notificationMailsQueued: 0, notificationsDropped: 0 };
    await db.transaction(async (tx) => {
      // SKIP LOCKED: a second flusher busy with this user's notes leaves them to the first.
      const notes = await tx
        .select({ imageId: generationNotifications.imageId })
        .from(generationNotifications)
        .where(
          and(
            eq(generationNotifications.userId, userId),
            lte(generationNotifications.dueAt, new Date(now)),
          ),
        )
        .for("update", { skipLocked: true });
      if (notes.length === 0) return;
      const ids = notes.map((note) => note.imageId);
      const reschedule = (dueAt: number) =>
        tx
          .update(generationNotifications)
          .set({ dueAt: new Date(dueAt) })
          .where(inArray(generationNotifications.imageId, ids));
      const forget = () =>
        tx.delete(generationNotifications).where(inArray(generationNotifications.imageId, ids));

      // A mail queued since these notes were made (by another flusher) starts a new hour.
      const last = await lastMailAt(tx, userId);
      if (last !== null && last + HOUR_MS > now) {
        await reschedule(last + HOUR_MS);
        return;
      }
      const [person] = await tx
        .select({ email: profiles.email, on: userSettings.emailNotifications })
        .from(profiles)
        .innerJoin(userSettings, eq(userSettings.userId, profiles.id))
        .where(eq(profiles.id, userId))
        .limit(1);
      // Deleted images took their notes with them (cascade); these are the ones still there.
      const finished = person?.on
        ? await tx
            .select({ id: images.id, prompt: images.prompt })
            .from(images)
            .where(and(inArray(images.id, ids), eq(images.userId, userId)))
            .orderBy(desc(images.createdAt), desc(images.id))
        : [];
      if (!person?.on || finished.length === 0) {
        await forget();
        report.notificationsDropped += notes.length;
        return;
      }
      const rendered = renderTemplate(
        MAIL_KIND,
        {
          generations: finished.map((image) => ({
            prompt: image.prompt,
            url: new URL(`/images/${image.id}`, context.appUrl).toString(),
          })),
          galleryUrl: new URL("/gallery", context.appUrl).toString(),
          unsubscribeUrl: links.pageUrl(userId),
          oneClickUnsubscribeUrl: links.oneClickUrl(userId),
        },
        context,
      );
      const id = await enqueueMail(tx, {
        kind: MAIL_KIND,
        to: person.email,
        userId,
        dedupeKey: windowKey(userId, now),
        ...rendered,
      });
      if (id === null) {
        // This hour's mail is already out (a flusher whose mail we could not see yet): next hour.
        await reschedule(Math.floor(now / HOUR_MS) * HOUR_MS + HOUR_MS);
        return;
      }
      await forget();
      report.notificationMailsQueued += 1;
    });
    return report;
  }

  return {
    links,
    async noteFinished({ userId, imageId, reason }) {
      const now = clock();
      return db.transaction(async (tx) => {
        // Join the batch already waiting, else: a minute from now, or an hour after the last mail.
        const [waiting] = await tx
          .select({ dueAt: sql<Date | string | null>`min(${generationNotifications.dueAt})` })
          .from(generationNotifications)
          .where(eq(generationNotifications.userId, userId));
        const last = waiting?.dueAt ? null : await lastMailAt(tx, userId);
        const dueAt = waiting?.dueAt
          ? new Date(waiting.dueAt)
          : new Date(Math.max(now + GATHER_MS, last === null ? 0 : last + HOUR_MS));
        await tx
          .insert(generationNotifications)
          .values({ imageId, userId, reason, dueAt })
          .onConflictDoNothing();
        return dueAt;
      });
    },

    async enqueueDue(now = clock()) {
      const report: NotificationsReport = { notificationMailsQueued: 0, notificationsDropped: 0 };
      const due = await db
        .selectDistinct({ userId: generationNotifications.userId })
        .from(generationNotifications)
        .where(lte(generationNotifications.dueAt, new Date(now)))
        .limit(USERS_PER_FLUSH);
      for (const { userId } of due) {
        try {
          const one = await enqueueForUser(userId, now);
          report.notificationMailsQueued += one.notificationMailsQueued;
          report.notificationsDropped += one.notificationsDropped;
        } catch (error) {
          // The notes stay due: the next flush tries this user again; the others go on.
          logger.error("notification mail not queued", { userId, error });
        }
      }
      return report;
    },

    async nextDueAt() {
      const [row] = await db
        .select({ at: sql<Date | string | null>`min(${generationNotifications.dueAt})` })
        .from(generationNotifications);
      return row?.at ? new Date(row.at) : null;
    },

    async describeUnsubscribe({ userId, signature }) {
      if (!UUID.test(userId) || !links.verify(userId, signature)) return null;
      const [person] = await db
        .select({ email: profiles.email, on: userSettings.emailNotifications })
        .from(profiles)
        .innerJoin(userSettings, eq(userSettings.userId, profiles.id))
        .where(eq(profiles.id, userId))
        .limit(1);
      return person
        ? { maskedEmail: maskEmail(person.email), emailNotifications: person.on }
        : null;
    },

    async unsubscribe({ userId, signature, audit }) {
      if (!UUID.test(userId) || !links.verify(userId, signature)) return false;
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(userSettings)
          .set({ emailNotifications: false, updatedAt: new Date(clock()) })
          .where(eq(userSettings.userId, userId))
          .returning({ userId: userSettings.userId });
        if (!row) return false;
        // The link, not a session, asked: no actor; the user is the target.
        await writeAudit(
          tx,
          {
            action: "settings.update",
            actorId: null,
            targetType: "user",
            targetId: userId,
            metadata: { fields: ["emailNotifications"], via: "unsubscribe link" },
          },
          audit,
        );
        return true;
      });
    },
  };
}
