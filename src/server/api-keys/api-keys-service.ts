import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { ApiKey, CreatedApiKey } from "@/shared/api-types";
import {
  API_KEY_SCOPES,
  MAX_ACTIVE_API_KEYS,
  type ApiKeyCreateInput,
  type ApiKeyScope,
} from "@/shared/schemas/api-keys";
import { writeAudit, type AuditContext } from "@/server/audit/audit-log";
import type { Database } from "@/server/db/database";
import { apiKeys, profiles } from "@/server/db/schema";
import { AppError, notFound } from "@/server/http/app-error";
import { randomToken, sha256Hex } from "@/server/security/tokens";
import { API_KEY_PREFIX } from "./api-key-auth";

const DAY_MS = 24 * 60 * 60 * 1000;
const DISPLAY_PREFIX_LENGTH = 8;

export interface ApiKeysService {
  /** Creates a key; the full key is in this answer only (the database keeps its SHA-256). */
  create(
    input: { userId: string; audit: AuditContext } & ApiKeyCreateInput,
  ): Promise<CreatedApiKey>;
  /** The user's keys that are not revoked (expired ones included), newest first. */
  list(input: { userId: string }): Promise<ApiKey[]>;
  /** Revokes one of the user's keys; someone else's or an unknown id is NOT_FOUND. */
  revoke(input: { userId: string; id: string; audit: AuditContext }): Promise<ApiKey>;
}

// Never select key_hash: nothing that leaves this module needs it.
const listedColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  expiresAt: apiKeys.expiresAt,
};

type ListedRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
};

function toApiKey(row: ListedRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes.filter((scope): scope is ApiKeyScope =>
      (API_KEY_SCOPES as readonly string[]).includes(scope),
    ),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

export function createApiKeysService(deps: { db: Database }): ApiKeysService {
  const { db } = deps;
  return {
    async create({ userId, name, scopes, expiresInDays, audit }) {
      const key = randomToken(API_KEY_PREFIX);
      const prefix = key.slice(
        API_KEY_PREFIX.length,
        API_KEY_PREFIX.length + DISPLAY_PREFIX_LENGTH,
      );
      const expiresAt =
        expiresInDays === null ? null : new Date(Date.now() + expiresInDays * DAY_MS);
      const row = await db.transaction(async (tx) => {
        // Locking the owner's profile row serialises concurrent creates, so two requests
        // cannot both see 9 keys and make 11.
        await tx
          .select({ id: profiles.id })
          .from(profiles)
          .where(eq(profiles.id, userId))
          .for("update");
        const [active] = await tx
          .select({ total: count() })
          .from(apiKeys)
          .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)));
        if ((active?.total ?? 0) >= MAX_ACTIVE_API_KEYS) {
          throw new AppError(
            "CONFLICT",
            `You already have ${MAX_ACTIVE_API_KEYS} API keys, the most allowed. Revoke one you no longer use, then create a new one.`,
            { limit: MAX_ACTIVE_API_KEYS },
          );
        }
        const [inserted] = await tx
          .insert(apiKeys)
          .values({
            userId,
            name,
            prefix,
            keyHash: sha256Hex(key),
            scopes: [...scopes].sort(),
            expiresAt,
          })
          .returning(listedColumns);
        if (!inserted) throw new AppError("INTERNAL_ERROR", "The API key was not stored.");
        await writeAudit(
          tx,
          {
            action: "api_key.create",
            actorId: userId,
            targetType: "api_key",
            targetId: inserted.id,
            // Never the key: the prefix is enough to tell keys apart in the log.
            metadata: {
              prefix: inserted.prefix,
              scopes: inserted.scopes,
              expiresAt: inserted.expiresAt?.toISOString() ?? null,
            },
          },
          audit,
        );
        return inserted;
      });
      return { apiKey: toApiKey(row), key };
    },

    async list({ userId }) {
      const rows = await db
        .select(listedColumns)
        .from(apiKeys)
        .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
        .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
      return rows.map(toApiKey);
    },

    async revoke({ userId, id, audit }) {
      const row = await db.transaction(async (tx) => {
        const [revoked] = await tx
          .update(apiKeys)
          .set({ revokedAt: new Date() })
          .where(and(eq(apiKeys.id, id), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
          .returning(listedColumns);
        if (!revoked) throw notFound("API key");
        await writeAudit(
          tx,
          {
            action: "api_key.revoke",
            actorId: userId,
            targetType: "api_key",
            targetId: revoked.id,
            metadata: { prefix: revoked.prefix },
          },
          audit,
        );
        return revoked;
      });
      return toApiKey(row);
    },
  };
}
