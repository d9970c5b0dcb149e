import "server-only";
import type { Database } from "@/server/db/database";
import { auditLogs } from "@/server/db/schema";
import { logger } from "@/server/observability/logger";

export type AuditAction =
  | "auth.register"
  | "auth.login"
  | "auth.login_failed"
  | "auth.logout"
  | "auth.refresh_rejected"
  | "settings.update"
  | "profile.update"
  | "provider_key.save"
  | "provider_key.delete"
  | "api_key.create"
  | "api_key.revoke"
  | "image.delete";

/** Records a security-relevant event. Never throws: a failed audit write must not fail the request. */
export async function recordAudit({
  db,
  action,
  actorId,
  targetType,
  targetId,
  ip,
  userAgent,
  requestId,
  metadata = {},
}: {
  db: Database;
  action: AuditAction;
  actorId: string | null;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string;
  metadata?: Record<string, unknown>;
}): Promise<void> {
  try {
    await db.insert(auditLogs).values({
      action,
      actorId,
      targetType: targetType ?? null,
      targetId: targetId ?? null,
      ip: ip ?? null,
      userAgent: userAgent?.slice(0, 400) ?? null,
      requestId: requestId ?? null,
      metadata,
    });
  } catch (error) {
    logger.error("audit write failed", { action, requestId, error });
  }
}
