import "server-only";
import type { SessionInfo } from "@/shared/api-types";
import type { AuditContext } from "@/server/audit/audit-log";
import { AppError } from "@/server/http/app-error";
import type { AuthIdentity, CookieJar } from "./auth-port";
import { deviceLabel } from "./device-label";
import type { SessionRecord, SessionsPort } from "./sessions-port";

function toSessionInfo(record: SessionRecord, currentId: string | null): SessionInfo {
  return {
    id: record.id,
    current: record.id === currentId,
    device: deviceLabel(record.userAgent),
    userAgent: record.userAgent,
    ip: record.ip,
    createdAt: record.createdAt.toISOString(),
    lastSeenAt: record.lastSeenAt.toISOString(),
  };
}

/** The caller's live sessions, this one first, then the most recently seen. */
export async function listSessions({
  sessions,
  identity,
}: {
  sessions: SessionsPort;
  identity: AuthIdentity;
}): Promise<SessionInfo[]> {
  const records = await sessions.list(identity.userId);
  const listed = records.map((record) => toSessionInfo(record, identity.sessionId));
  return [...listed.filter((one) => one.current), ...listed.filter((one) => !one.current)];
}

/** Signs one of the caller's sessions out; someone else's or an unknown id is 404. */
export async function endSession({
  sessions,
  identity,
  sessionId,
  jar,
  audit,
}: {
  sessions: SessionsPort;
  identity: AuthIdentity;
  sessionId: string;
  jar: CookieJar;
  audit: AuditContext;
}): Promise<{ ended: true; current: boolean }> {
  const ended = await sessions.end({ identity, sessionId, jar, audit });
  if (!ended) throw new AppError("NOT_FOUND", "No such session.");
  return { ended: true, current: sessionId === identity.sessionId };
}

/** "Sign out everywhere else": every session of the caller's but this one ends. */
export async function endOtherSessions({
  sessions,
  identity,
  jar,
  audit,
}: {
  sessions: SessionsPort;
  identity: AuthIdentity;
  jar: CookieJar;
  audit: AuditContext;
}): Promise<{ ended: number }> {
  return { ended: await sessions.endOthers({ identity, jar, audit }) };
}
