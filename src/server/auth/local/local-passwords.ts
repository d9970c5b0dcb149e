import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { writeAudit } from "@/server/audit/audit-log";
import type { Database } from "@/server/db/database";
import { AppError } from "@/server/http/app-error";
import { randomToken, sha256Hex } from "@/server/security/tokens";
import type { AuthIdentity, CookieJar, PasswordCall } from "../auth-port";
import { findAuthUserByEmail } from "./local-auth-queries";
import {
  consumeResetToken,
  deleteResetTokens,
  findPasswordHash,
  replaceResetToken,
  revokeUserSessions,
  setPasswordHash,
} from "./password-queries";

// argon2id parameters (OWASP's minimum: 19 MiB, 2 iterations, 1 lane).
export const HASH_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** How long a mailed reset link works. */
export const RESET_TOKEN_MINUTES = 30;

// No account has this id: the unknown-email path's delete finds nothing.
const NO_USER = "00000000-0000-0000-0000-000000000000";

const DISCARDED = new Error("discarded on purpose");

const INVALID_LINK =
  "This reset link is not valid any more: it was used, it expired, or a newer one was sent. Ask for a new one.";

/**
 * "Forgot password?" and password change for accounts in our own database. Every change and
 * its audit entry (and mail) share one transaction; the sessions it ends are forgotten by this
 * instance's session cache afterwards.
 */
export function createLocalPasswords({
  db,
  forgetSessions,
  clearSessionCookie,
}: {
  db: Database;
  /** Tells every instance's session cache (through the shared KV) that these sessions ended. */
  forgetSessions: (sessionIds: string[]) => Promise<void>;
  clearSessionCookie: (jar: CookieJar) => void;
}) {
  return {
    async requestPasswordReset(email: string, { audit, mail }: PasswordCall): Promise<void> {
      const user = await findAuthUserByEmail({ db, email });
      // The same work whether or not the account exists: a token made and hashed, one write.
      const token = randomToken("pr_", 32);
      const tokenHash = sha256Hex(token);
      const resetUrl = `${mail.context.appUrl}/reset-password?token=${encodeURIComponent(token)}`;
      if (!user) {
        // The known path's work, then nothing kept: a delete that finds no row, the mail
        // rendered and queued in a savepoint that is rolled back, the audit entry. So an
        // unknown email costs what a known one does (bench/password-forgot).
        await db.transaction(async (tx) => {
          await deleteResetTokens({ db: tx, userId: NO_USER });
          await tx
            .transaction(async (savepoint) => {
              await mail.enqueue(savepoint, {
                kind: "reset-password",
                to: email,
                data: { resetUrl, expiresInMinutes: RESET_TOKEN_MINUTES },
              });
              throw DISCARDED;
            })
            .catch((error: unknown) => {
              if (error !== DISCARDED) throw error;
            });
          await writeAudit(
            tx,
            {
              action: "auth.password_reset_requested",
              actorId: null,
              metadata: { emailHash: emailHashOf(email), known: false },
            },
            audit,
          );
        });
        return;
      }
      await db.transaction(async (tx) => {
        await replaceResetToken({
          db: tx,
          userId: user.id,
          tokenHash,
          lifetimeMinutes: RESET_TOKEN_MINUTES,
        });
        await mail.enqueue(tx, {
          kind: "reset-password",
          to: user.email ?? email,
          userId: user.id,
          data: {
            resetUrl,
            expiresInMinutes: RESET_TOKEN_MINUTES,
          },
        });
        await writeAudit(
          tx,
          {
            action: "auth.password_reset_requested",
            actorId: user.id,
            targetType: "user",
            targetId: user.id,
          },
          audit,
        );
      });
      mail.flushAfterResponse();
    },

    async resetPassword(
      input: { token?: string | undefined; password: string },
      jar: CookieJar,
      { audit }: PasswordCall,
    ): Promise<void> {
      const passwordHash = await hash(input.password, HASH_OPTIONS);
      // No token is an unknown token: local accounts have no link-opened session to stand in.
      const tokenHash = sha256Hex(input.token ?? "");
      const ended = await db.transaction(async (tx) => {
        const consumed = await consumeResetToken({ db: tx, tokenHash });
        if (!consumed) {
          throw new AppError("VALIDATION_ERROR", INVALID_LINK, {
            issues: [{ path: "token", message: INVALID_LINK }],
          });
        }
        await setPasswordHash({ db: tx, userId: consumed.userId, passwordHash });
        // Whoever knew the old password (or held a session) is out, this browser included.
        const revoked = await revokeUserSessions({
          db: tx,
          userId: consumed.userId,
          keep: null,
          reason: "password_reset",
        });
        await writeAudit(
          tx,
          {
            action: "auth.password_reset",
            actorId: consumed.userId,
            targetType: "user",
            targetId: consumed.userId,
            metadata: { sessionsEnded: revoked.length },
          },
          audit,
        );
        return revoked;
      });
      await forgetSessions(ended);
      clearSessionCookie(jar);
    },

    async changePassword(
      identity: AuthIdentity,
      input: { currentPassword: string; newPassword: string },
      { audit }: PasswordCall,
    ): Promise<void> {
      const current = await findPasswordHash({ db, userId: identity.userId });
      const valid = current
        ? await verify(current, input.currentPassword).catch(() => false)
        : false;
      if (!valid) {
        // Not 401: the session is fine, and a 401 would make the client sign out.
        throw new AppError("VALIDATION_ERROR", "The current password is not right.", {
          issues: [{ path: "currentPassword", message: "The current password is not right." }],
        });
      }
      const passwordHash = await hash(input.newPassword, HASH_OPTIONS);
      const ended = await db.transaction(async (tx) => {
        await setPasswordHash({ db: tx, userId: identity.userId, passwordHash });
        const revoked = await revokeUserSessions({
          db: tx,
          userId: identity.userId,
          keep: identity.sessionId,
          reason: "password_change",
        });
        await writeAudit(
          tx,
          {
            action: "auth.password_change",
            actorId: identity.userId,
            targetType: "user",
            targetId: identity.userId,
            metadata: { sessionsEnded: revoked.length },
          },
          audit,
        );
        return revoked;
      });
      await forgetSessions(ended);
    },
  };
}

function emailHashOf(email: string): string {
  return sha256Hex(email).slice(0, 16);
}
