import "server-only";
import { and, desc, eq, ilike, like, lt, gte, lte, sql, type SQL } from "drizzle-orm";
import type { AdminAuditEntry } from "@/shared/api-types";
import type { ApiMeta } from "@/shared/api-errors";
import type { AdminAuditQuery } from "@/shared/schemas/admin-audit";
import type { Database } from "@/server/db/database";
import { auditLogs, profiles } from "@/server/db/schema";
import type { CursorCodec } from "@/server/gallery/cursor";
import { csvLine } from "./audit-admin-csv";

const CURSOR_SCOPE = "admin-audit";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Rows read per query while a CSV download streams. */
const CSV_BATCH = 500;

const createdAtText = sql<string>`to_char(${auditLogs.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export const AUDIT_CSV_COLUMNS = [
  "created_at",
  "action",
  "actor_id",
  "actor_email",
  "target_type",
  "target_id",
  "ip",
  "user_agent",
  "request_id",
  "metadata",
] as const;

type Filters = Omit<AdminAuditQuery, "limit" | "cursor" | "format">;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function conditions(filters: Filters): SQL[] {
  const where: SQL[] = [];
  if (filters.actor) {
    where.push(
      UUID.test(filters.actor)
        ? eq(auditLogs.actorId, filters.actor.toLowerCase())
        : ilike(profiles.email, `%${escapeLike(filters.actor)}%`),
    );
  }
  if (filters.action) {
    where.push(
      filters.action.endsWith(".")
        ? like(auditLogs.action, `${escapeLike(filters.action)}%`)
        : eq(auditLogs.action, filters.action),
    );
  }
  if (filters.target) where.push(eq(auditLogs.targetId, filters.target));
  if (filters.from) where.push(gte(auditLogs.createdAt, new Date(filters.from)));
  if (filters.to) {
    // A bare date means the whole of that day (UTC).
    where.push(
      BARE_DATE.test(filters.to)
        ? lt(auditLogs.createdAt, new Date(Date.parse(filters.to) + 86_400_000))
        : lte(auditLogs.createdAt, new Date(filters.to)),
    );
  }
  return where;
}

async function readRows({
  db,
  filters,
  limit,
  after,
}: {
  db: Database;
  filters: Filters;
  limit: number;
  after?: { createdAt: string; id: string } | undefined;
}) {
  const where = conditions(filters);
  if (after) {
    where.push(
      sql`(${auditLogs.createdAt}, ${auditLogs.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
    );
  }
  return db
    .select({
      id: auditLogs.id,
      createdAt: auditLogs.createdAt,
      createdAtText,
      action: auditLogs.action,
      actorId: auditLogs.actorId,
      actorEmail: profiles.email,
      targetType: auditLogs.targetType,
      targetId: auditLogs.targetId,
      ip: auditLogs.ip,
      userAgent: auditLogs.userAgent,
      requestId: auditLogs.requestId,
      metadata: auditLogs.metadata,
    })
    .from(auditLogs)
    .leftJoin(profiles, eq(profiles.id, auditLogs.actorId))
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(auditLogs.createdAt), desc(auditLogs.id))
    .limit(limit + 1);
}

type AuditRow = Awaited<ReturnType<typeof readRows>>[number];

function reshapeEntry(row: AuditRow): AdminAuditEntry {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    action: row.action,
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    targetType: row.targetType,
    targetId: row.targetId,
    ip: row.ip,
    userAgent: row.userAgent,
    requestId: row.requestId,
    metadata: row.metadata,
  };
}

export interface AdminAuditService {
  list(input: {
    query: AdminAuditQuery;
  }): Promise<{ items: AdminAuditEntry[]; pagination: NonNullable<ApiMeta["pagination"]> }>;
  /** Every matching entry as CSV, newest first, read in batches while the client reads. */
  csv(input: { query: AdminAuditQuery }): ReadableStream<Uint8Array>;
}

export function createAdminAuditService(deps: {
  db: Database;
  cursors: CursorCodec;
}): AdminAuditService {
  const { db, cursors } = deps;
  return {
    async list({ query }) {
      const position = query.cursor ? cursors.decode(query.cursor, CURSOR_SCOPE) : undefined;
      const after = position ? { createdAt: String(position.sort), id: position.id } : undefined;
      const rows = await readRows({ db, filters: query, limit: query.limit, after });
      const hasMore = rows.length > query.limit;
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(reshapeEntry),
        pagination: {
          limit: query.limit,
          hasMore,
          nextCursor:
            hasMore && last
              ? cursors.encode({ scope: CURSOR_SCOPE, sort: last.createdAtText, id: last.id })
              : null,
        },
      };
    },

    csv({ query }) {
      const encoder = new TextEncoder();
      let after: { createdAt: string; id: string } | undefined;
      let started = false;
      let done = false;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (!started) {
            started = true;
            controller.enqueue(encoder.encode(csvLine(AUDIT_CSV_COLUMNS)));
            return;
          }
          if (done) {
            controller.close();
            return;
          }
          const rows = await readRows({ db, filters: query, limit: CSV_BATCH, after });
          const page = rows.slice(0, CSV_BATCH);
          done = rows.length <= CSV_BATCH;
          const last = page.at(-1);
          if (last) after = { createdAt: last.createdAtText, id: last.id };
          const text = page
            .map((row) =>
              csvLine([
                row.createdAt.toISOString(),
                row.action,
                row.actorId,
                row.actorEmail,
                row.targetType,
                row.targetId,
                row.ip,
                row.userAgent,
                row.requestId,
                JSON.stringify(row.metadata),
              ]),
            )
            .join("");
          if (text) controller.enqueue(encoder.encode(text));
          if (done) controller.close();
        },
      });
    },
  };
}
