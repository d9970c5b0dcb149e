import "server-only";
import type { RequestMeta } from "@/server/auth/auth-port";
import type { Database } from "@/server/db/database";
import { auditLogs } from "@/server/db/schema";
import { logger } from "@/server/observability/logger";

export type AuditAction =
  | "auth.register"
  | "auth.login"
  | "auth.login_failed"
  | "auth.logout"
  | "auth.refresh_rejected"
  | "auth.password_reset_requested"
  | "auth.password_reset"
  | "auth.password_change"
  | "auth.email_verification_sent"
  | "auth.email_verified"
  | "auth.email_change_requested"
  | "auth.email_change"
  | "auth.session_end"
  | "auth.sessions_end_others"
  | "settings.update"
  | "profile.update"
  | "provider_key.save"
  | "provider_key.delete"
  | "api_key.create"
  | "api_key.revoke"
  | "image.delete"
  | "image.retention_delete"
  | "account.delete"
  | "admin.user_update"
  | "admin.user_delete"
  | "admin.grant"
  | "admin.revoke"
  | "admin.settings_update"
  | "admin.template_create"
  | "admin.template_update"
  | "admin.template_delete"
  | "admin.template_reorder";

/** What a route passes to a service that changes something: who asked, from where. */
export interface AuditContext {
  requestId: string;
  meta: RequestMeta;
}

export interface AuditEntry {
  action: AuditAction;
  actorId: string | null;
  targetType?: string;
  targetId?: string;
  metadata?: Record<string, unknown>;
}

function auditRow(entry: AuditEntry, { requestId, meta }: AuditContext) {
  return {
    action: entry.action,
    actorId: entry.actorId,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 400) ?? null,
    requestId,
    metadata: entry.metadata ?? {},
  };
}

/**
 * Records a change. Call it with the transaction that makes the change: if this insert fails,
 * the change is rolled back with it, and a change that fails leaves no entry behind.
 */
export async function writeAudit(
  tx: Database,
  entry: AuditEntry,
  context: AuditContext,
): Promise<void> {
  await tx.insert(auditLogs).values(auditRow(entry, context));
}

/**
 * Records an event that changes nothing of ours (a refused login or refresh, or a session
 * ended by the auth provider). Never throws: a failed write must not turn the answer into a 500.
 */
export async function recordAuditEvent(
  db: Database,
  entry: AuditEntry,
  context: AuditContext,
): Promise<void> {
  try {
    await writeAudit(db, entry, context);
  } catch (error) {
    logger.error("audit write failed", {
      action: entry.action,
      requestId: context.requestId,
      error,
    });
  }
}
