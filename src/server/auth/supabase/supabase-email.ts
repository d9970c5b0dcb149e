import "server-only";
import { isAuthRetryableFetchError, type AuthError } from "@supabase/supabase-js";
import { recordAuditEvent, writeAudit } from "@/server/audit/audit-log";
import { AppError } from "@/server/http/app-error";
import { findEmailState } from "../email-state";
import type { AuthIdentity, EmailCall } from "../auth-port";
import { toAppError } from "./auth-error-mapping";
import { createSupabaseTokenClient } from "./server-client";

const INVALID_LINK =
  "This confirmation link is not valid any more: it was used, it expired, or a newer one was sent.";
const EMAIL_TAKEN = "Another account already uses this email address.";

/** Where Supabase Auth's mails send people: /auth/confirm hands the token to our pages. */
export function supabaseConfirmUrl(appUrl: string): string {
  return `${appUrl}/auth/confirm`;
}

/** A failed verifyOtp: an outage or a rate limit is said so; anything else means the link is spent. */
function verifyFailed(error: AuthError): AppError {
  if (isAuthRetryableFetchError(error) || error.status === 429) return toAppError(error);
  if (error.code === "email_exists" || error.code === "user_already_exists") {
    return new AppError("CONFLICT", EMAIL_TAKEN, undefined, { cause: error });
  }
  return new AppError(
    "VALIDATION_ERROR",
    INVALID_LINK,
    { issues: [{ path: "token", message: INVALID_LINK }] },
    { cause: error },
  );
}

/**
 * Email verification and change of email on Supabase Auth: GoTrue issues, mails and checks
 * its own tokens (its mail templates should link to `${APP_URL}/auth/confirm?token_hash=…&type=…`,
 * see README). The verified state is `auth.users.email_confirmed_at`, read from the project's
 * database like the rest; the notice to the old address still goes through our outbox.
 */
export function createSupabaseEmail({
  url,
  publishableKey,
}: {
  url: string;
  publishableKey: string;
}) {
  const tokenClient = () => createSupabaseTokenClient({ url, publishableKey });

  return {
    // GoTrue mails the confirmation itself when the project's "Confirm email" is on.
    async queueSignUpVerification(): Promise<void> {},

    async resendVerification(
      identity: AuthIdentity,
      { db, mail, audit }: EmailCall,
    ): Promise<{ sent: boolean }> {
      const state = await findEmailState({ db, userId: identity.userId });
      if (state?.verified) return { sent: false };
      const { error } = await tokenClient().auth.resend({
        type: "signup",
        email: state?.email || identity.email,
        options: { emailRedirectTo: supabaseConfirmUrl(mail.context.appUrl) },
      });
      if (error) throw toAppError(error);
      await recordAuditEvent(
        db,
        {
          action: "auth.email_verification_sent",
          actorId: identity.userId,
          targetType: "user",
          targetId: identity.userId,
        },
        audit,
      );
      return { sent: true };
    },

    async verifyEmail(token: string, { db, audit }: EmailCall): Promise<void> {
      // A client of its own: the session GoTrue answers with is ended at once, never put in
      // this browser's cookies (the link may be opened where someone else is signed in).
      const client = tokenClient();
      const { data, error } = await client.auth.verifyOtp({ type: "email", token_hash: token });
      if (error) throw verifyFailed(error);
      if (data.session) await client.auth.signOut({ scope: "local" });
      const userId = data.user?.id ?? null;
      await recordAuditEvent(
        db,
        {
          action: "auth.email_verified",
          actorId: userId,
          ...(userId ? { targetType: "user", targetId: userId } : {}),
        },
        audit,
      );
    },

    async requestEmailChange(
      identity: AuthIdentity,
      input: { newEmail: string; password: string },
      { db, mail, audit }: EmailCall,
    ): Promise<{ pendingEmail: string }> {
      const state = await findEmailState({ db, userId: identity.userId });
      const current = state?.email || identity.email;
      if (input.newEmail === current) {
        const message = "This is already your account's email address.";
        throw new AppError("VALIDATION_ERROR", message, {
          issues: [{ path: "newEmail", message }],
        });
      }
      // The password is checked by signing in with it on a client of its own; that session
      // also carries the update (so it works for cookie and bearer callers alike) and is
      // signed out afterwards.
      const client = tokenClient();
      const { data: signedIn, error: signInError } = await client.auth.signInWithPassword({
        email: current,
        password: input.password,
      });
      if (signInError || signedIn.user.id !== identity.userId) {
        if (signInError && (isAuthRetryableFetchError(signInError) || signInError.status === 429))
          throw toAppError(signInError);
        throw new AppError("VALIDATION_ERROR", "The password is not right.", {
          issues: [{ path: "password", message: "The password is not right." }],
        });
      }
      try {
        const { error } = await client.auth.updateUser(
          { email: input.newEmail },
          { emailRedirectTo: supabaseConfirmUrl(mail.context.appUrl) },
        );
        if (error) {
          if (error.code === "email_exists" || error.code === "user_already_exists") {
            throw new AppError(
              "CONFLICT",
              EMAIL_TAKEN,
              { issues: [{ path: "newEmail", message: EMAIL_TAKEN }] },
              { cause: error },
            );
          }
          throw toAppError(error);
        }
      } finally {
        await client.auth.signOut({ scope: "local" });
      }
      await db.transaction(async (tx) => {
        await mail.enqueue(tx, {
          kind: "email-change-notice",
          to: current,
          userId: identity.userId,
          data: {
            newEmail: input.newEmail,
            recoverUrl: `${mail.context.appUrl}/forgot-password`,
            stage: "requested",
          },
        });
        await writeAudit(
          tx,
          {
            action: "auth.email_change_requested",
            actorId: identity.userId,
            targetType: "user",
            targetId: identity.userId,
          },
          audit,
        );
      });
      mail.flushAfterResponse();
      return { pendingEmail: input.newEmail };
    },

    async confirmEmailChange(token: string, { db, audit }: EmailCall): Promise<{ email: string }> {
      const client = tokenClient();
      const { data, error } = await client.auth.verifyOtp({
        type: "email_change",
        token_hash: token,
      });
      if (error) throw verifyFailed(error);
      if (data.session) await client.auth.signOut({ scope: "local" });
      const userId = data.user?.id ?? null;
      await recordAuditEvent(
        db,
        {
          action: "auth.email_change",
          actorId: userId,
          ...(userId ? { targetType: "user", targetId: userId } : {}),
        },
        audit,
      );
      // GoTrue has moved auth.users.email; the trigger of 20261206000300 moved profiles.email.
      return { email: data.user?.email ?? "" };
    },
  };
}
