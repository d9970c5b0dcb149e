import "server-only";
import type { AuditContext } from "@/server/audit/audit-log";
import type { Database } from "@/server/db/database";
import type { MailService } from "@/server/mail/mail-service";

/** Who made a request, as established by an AuthPort adapter. */
export interface AuthIdentity {
  userId: string;
  email: string;
  /** The local session row or the Supabase session id (`session_id` claim); null for API keys. */
  sessionId: string | null;
  via: "cookie" | "bearer" | "api-key";
  /** API key scopes; cookie and bearer sessions carry every scope. */
  scopes: readonly ("images:read" | "images:write")[];
}

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  /** epoch seconds */
  expiresAt: number;
}

export interface AuthResult {
  userId: string;
  email: string;
  session: IssuedSession;
}

/** The request's cookies, read and written through Next's cookie store (or a test double). */
export interface CookieJar {
  getAll(): { name: string; value: string }[];
  set(name: string, value: string, options: CookieOptions): void;
}

export interface CookieOptions {
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: "lax" | "strict" | "none";
  path?: string;
  maxAge?: number;
  expires?: Date;
  domain?: string;
}

/** What a password flow needs besides its input: the audit context and the outbox. */
export interface PasswordCall {
  audit: AuditContext;
  mail: MailService;
  /**
   * The request's cookies, for auth services that keep a flow's state in them (Supabase: the
   * PKCE code verifier of a recovery mail, the session whose password changes).
   */
  jar?: CookieJar;
}

/**
 * A link Supabase Auth mailed, as it lands on /auth/confirm: an email template's `token_hash`
 * and `type`, or the PKCE `code` GoTrue's own /verify redirects with.
 */
export type MailedLink =
  | {
      tokenHash: string;
      type: "recovery" | "signup" | "invite" | "magiclink" | "email_change" | "email";
    }
  | { code: string };

/** What an email flow needs besides its input: the password flows' needs and the database. */
export interface EmailCall extends PasswordCall {
  db: Database;
}

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/**
 * Accounts and sessions. Adapters: local (passwords in the database, our own tokens and
 * cookie) and Supabase Auth (through @supabase/ssr). Errors are AppErrors: CONFLICT for an
 * email already registered, UNAUTHORIZED for wrong credentials or a bad/reused token.
 */
export interface AuthPort {
  readonly kind: "local" | "supabase";
  /** Creates the account, signs it in, and writes the browser session into `jar`. */
  register(
    input: { email: string; password: string; name: string },
    jar: CookieJar,
    meta: RequestMeta,
  ): Promise<AuthResult>;
  /** Signs in and writes the browser session into `jar`. */
  login(
    input: { email: string; password: string },
    jar: CookieJar,
    meta: RequestMeta,
  ): Promise<AuthResult>;
  /** Rotates a refresh token; a reused token revokes its session. */
  refresh(refreshToken: string): Promise<IssuedSession>;
  /** Revokes the identity's session and clears the browser session from `jar`. */
  logout(identity: AuthIdentity, jar: CookieJar): Promise<void>;
  /** The identity behind the browser's session cookies, or null. May refresh and rewrite them. */
  authenticateCookies(jar: CookieJar): Promise<AuthIdentity | null>;
  /** The identity behind an access token from login/refresh, or null. */
  authenticateAccessToken(token: string): Promise<AuthIdentity | null>;
  /**
   * "Forgot password?": mails a single-use reset link when the email has an account, and
   * answers the same (nothing) when it has not.
   */
  requestPasswordReset(email: string, call: PasswordCall): Promise<void>;
  /**
   * Sets a new password with a mailed token (VALIDATION_ERROR when used, expired or unknown),
   * ends every session of the account and clears the browser session from `jar`. Supabase: the
   * token is the link's token hash, or absent when `jar` holds the session its link opened.
   */
  resetPassword(
    input: { token?: string | undefined; password: string },
    jar: CookieJar,
    call: PasswordCall,
  ): Promise<void>;
  /** Changes the password (the current one required); ends every session but this one. */
  changePassword(
    identity: AuthIdentity,
    input: { currentPassword: string; newPassword: string },
    call: PasswordCall,
  ): Promise<void>;
  /**
   * Queues the mail that confirms a new account's address, in the sign-up's transaction `tx`
   * (local), or nothing when the auth service mails its own confirmation (Supabase).
   */
  queueSignUpVerification(
    tx: Database,
    user: { userId: string; email: string; name: string },
    mail: MailService,
  ): Promise<void>;
  /** Mails a fresh verification link; `sent: false` when the address is already confirmed. */
  resendVerification(identity: AuthIdentity, call: EmailCall): Promise<{ sent: boolean }>;
  /** Confirms the account's address with a mailed token (VALIDATION_ERROR when used, expired or unknown). */
  verifyEmail(token: string, call: EmailCall): Promise<void>;
  /**
   * Asks to move the account to `newEmail` (the password required): a link goes to the new
   * address and a notice to the old one; nothing changes until the link is used.
   */
  requestEmailChange(
    identity: AuthIdentity,
    input: { newEmail: string; password: string },
    call: EmailCall,
  ): Promise<{ pendingEmail: string }>;
  /** Moves the account to the address a change token was mailed to (and confirms it). */
  confirmEmailChange(token: string, call: EmailCall): Promise<{ email: string }>;
  /**
   * Opens a mailed link (Supabase: verifyOtp / exchangeCodeForSession), writing the session it
   * gives into `jar`. VALIDATION_ERROR naming `token` when it is used, expired or unknown; local
   * accounts mail links to their own pages, so for them every such link is unknown.
   */
  confirmMailedLink(link: MailedLink, jar: CookieJar): Promise<void>;
  /** True when `jar` holds a session opened by a recovery link moments ago (local: never). */
  hasRecoverySession(jar: CookieJar): Promise<boolean>;
  /**
   * Removes the account from the auth service once the studio's rows of it are gone (Supabase:
   * the admin API; local: the row went with the rest, nothing to do). An account already gone is
   * no error.
   */
  deleteUser(userId: string): Promise<void>;
  /** True when the cookie jar holds something that looks like this adapter's session (no I/O). */
  hasSessionCookie(jar: CookieJar): boolean;
}
