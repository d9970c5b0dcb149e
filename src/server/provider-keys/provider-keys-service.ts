import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { ProviderKeyInfo } from "@/shared/api-types";
import type { KeyProvider } from "@/shared/limits";
import type { ProviderKeyInput } from "@/shared/schemas/settings";
import { writeAudit, type AuditContext } from "@/server/audit/audit-log";
import type { Database } from "@/server/db/database";
import { providerKeys } from "@/server/db/schema";
import type { CloudflareCredentials } from "@/server/generation/providers/cloudflare-provider";
import { AppError } from "@/server/http/app-error";
import { logger } from "@/server/observability/logger";
import type { SecretBox } from "@/server/security/secret-box";

export interface ProviderKeysService {
  /** Checks the key with its provider, then stores it sealed; only last4 stays readable. */
  saveKey(
    input: ProviderKeyInput & { userId: string; audit: AuditContext },
  ): Promise<ProviderKeyInfo>;
  deleteKey(input: { userId: string; provider: KeyProvider; audit: AuditContext }): Promise<void>;
  /** The user's stored keys as listed in Settings (never the key itself). */
  listKeys(input: { userId: string }): Promise<ProviderKeyInfo[]>;
  /** Every key the user stored, in clear, for a generation. */
  readKeys(input: {
    userId: string;
  }): Promise<{ gemini: string | null; cloudflare: CloudflareCredentials | null }>;
  /** The user's Gemini key in clear (e.g. for prompt enhancement); null when none is stored. */
  readGeminiKey(input: { userId: string }): Promise<string | null>;
  saveGeminiKey(input: {
    userId: string;
    apiKey: string;
    audit: AuditContext;
  }): Promise<ProviderKeyInfo>;
  deleteGeminiKey(input: { userId: string; audit: AuditContext }): Promise<void>;
}

const associatedData = (userId: string, provider: KeyProvider) => `${userId}:${provider}`;
const PROVIDER_NAMES: Record<KeyProvider, string> = { gemini: "Gemini", cloudflare: "Cloudflare" };

export function createProviderKeysService(deps: {
  db: Database;
  secretBox: SecretBox;
  checkGeminiKey: (apiKey: string) => Promise<void>;
  checkCloudflareKey: (credentials: CloudflareCredentials) => Promise<void>;
}): ProviderKeysService {
  const { db, secretBox } = deps;

  async function saveKey(
    input: ProviderKeyInput & { userId: string; audit: AuditContext },
  ): Promise<ProviderKeyInfo> {
    const { userId, audit, provider } = input;
    const key = input.apiKey.trim();
    const name = PROVIDER_NAMES[provider];
    if (!/^[\x21-\x7e]{20,200}$/.test(key)) {
      const message =
        provider === "gemini"
          ? "That does not look like a Gemini API key."
          : "That does not look like a Cloudflare API token.";
      throw new AppError("VALIDATION_ERROR", message, {
        issues: [{ path: "apiKey", message }],
      });
    }
    const accountId = input.provider === "cloudflare" ? input.accountId : null;
    // Asked before anything is stored: a rejected key leaves the stored one as it was.
    if (accountId !== null) await deps.checkCloudflareKey({ accountId, apiToken: key });
    else await deps.checkGeminiKey(key);
    const sealed = secretBox.seal(key, associatedData(userId, provider));
    const validatedAt = new Date();
    const values = {
      ciphertext: sealed.ciphertext,
      keyVersion: sealed.version,
      last4: key.slice(-4),
      accountId,
      validatedAt,
    };
    await db.transaction(async (tx) => {
      await tx
        .insert(providerKeys)
        .values({ userId, provider, ...values })
        .onConflictDoUpdate({
          target: [providerKeys.userId, providerKeys.provider],
          set: values,
        });
      await writeAudit(
        tx,
        {
          action: "provider_key.save",
          actorId: userId,
          metadata: { provider, last4: values.last4 },
        },
        audit,
      );
    });
    logger.info("provider key saved", { userId, provider: name });
    return { provider, last4: values.last4, validatedAt: validatedAt.toISOString() };
  }

  async function deleteKey({
    userId,
    provider,
    audit,
  }: {
    userId: string;
    provider: KeyProvider;
    audit: AuditContext;
  }) {
    await db.transaction(async (tx) => {
      await tx
        .delete(providerKeys)
        .where(and(eq(providerKeys.userId, userId), eq(providerKeys.provider, provider)));
      await writeAudit(
        tx,
        { action: "provider_key.delete", actorId: userId, metadata: { provider } },
        audit,
      );
    });
  }

  function open(
    userId: string,
    provider: KeyProvider,
    row: { ciphertext: string; keyVersion: number },
  ) {
    try {
      return secretBox.open(row.ciphertext, row.keyVersion, associatedData(userId, provider));
    } catch (error) {
      // Sealed under a secret this deployment no longer has (APP_SECRET rotated without
      // APP_SECRET_PREVIOUS). Falling back to another provider silently would surprise the user.
      logger.error("stored provider key cannot be opened", { userId, provider, error });
      throw new AppError(
        "PROVIDER_KEY_INVALID",
        `Your saved ${PROVIDER_NAMES[provider]} key can no longer be read. Add it again in Settings.`,
        { provider },
      );
    }
  }

  async function readKeys({ userId }: { userId: string }) {
    const rows = await db
      .select({
        provider: providerKeys.provider,
        ciphertext: providerKeys.ciphertext,
        keyVersion: providerKeys.keyVersion,
        accountId: providerKeys.accountId,
      })
      .from(providerKeys)
      .where(eq(providerKeys.userId, userId));
    const keys: { gemini: string | null; cloudflare: CloudflareCredentials | null } = {
      gemini: null,
      cloudflare: null,
    };
    for (const row of rows) {
      if (row.provider === "gemini") keys.gemini = open(userId, "gemini", row);
      else if (row.accountId) {
        keys.cloudflare = { accountId: row.accountId, apiToken: open(userId, "cloudflare", row) };
      }
    }
    return keys;
  }

  return {
    saveKey,
    deleteKey,
    readKeys,
    async listKeys({ userId }) {
      const rows = await db
        .select({
          provider: providerKeys.provider,
          last4: providerKeys.last4,
          validatedAt: providerKeys.validatedAt,
        })
        .from(providerKeys)
        .where(eq(providerKeys.userId, userId))
        .orderBy(asc(providerKeys.provider));
      return rows.map((row) => ({
        provider: row.provider,
        last4: row.last4,
        validatedAt: row.validatedAt.toISOString(),
      }));
    },
    async readGeminiKey({ userId }) {
      const [row] = await db
        .select({ ciphertext: providerKeys.ciphertext, keyVersion: providerKeys.keyVersion })
        .from(providerKeys)
        .where(and(eq(providerKeys.userId, userId), eq(providerKeys.provider, "gemini")))
        .limit(1);
      return row ? open(userId, "gemini", row) : null;
    },
    saveGeminiKey: ({ userId, apiKey, audit }) =>
      saveKey({ userId, apiKey, audit, provider: "gemini" }),
    deleteGeminiKey: ({ userId, audit }) => deleteKey({ userId, provider: "gemini", audit }),
  };
}
