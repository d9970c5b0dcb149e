import "server-only";
import { and, eq } from "drizzle-orm";
import type { ProviderKeyInfo } from "@/shared/api-types";
import { writeAudit, type AuditContext } from "@/server/audit/audit-log";
import type { Database } from "@/server/db/database";
import { providerKeys } from "@/server/db/schema";
import { AppError } from "@/server/http/app-error";
import { logger } from "@/server/observability/logger";
import type { SecretBox } from "@/server/security/secret-box";

export interface ProviderKeysService {
  /** Checks the key with the provider, then stores it sealed; only last4 stays readable. */
  saveGeminiKey(input: {
    userId: string;
    apiKey: string;
    audit: AuditContext;
  }): Promise<ProviderKeyInfo>;
  deleteGeminiKey(input: { userId: string; audit: AuditContext }): Promise<void>;
  /** The user's key in clear, for a generation; null when none is stored. */
  readGeminiKey(input: { userId: string }): Promise<string | null>;
}

const associatedData = (userId: string) => `${userId}:gemini`;

export function createProviderKeysService(deps: {
  db: Database;
  secretBox: SecretBox;
  checkGeminiKey: (apiKey: string) => Promise<void>;
}): ProviderKeysService {
  const { db, secretBox } = deps;
  return {
    async saveGeminiKey({ userId, apiKey, audit }) {
      const key = apiKey.trim();
      if (!/^[\x21-\x7e]{20,200}$/.test(key)) {
        throw new AppError("VALIDATION_ERROR", "That does not look like a Gemini API key.", {
          issues: [{ path: "apiKey", message: "That does not look like a Gemini API key." }],
        });
      }
      await deps.checkGeminiKey(key);
      const sealed = secretBox.seal(key, associatedData(userId));
      const validatedAt = new Date();
      const values = {
        ciphertext: sealed.ciphertext,
        keyVersion: sealed.version,
        last4: key.slice(-4),
        validatedAt,
      };
      await db.transaction(async (tx) => {
        await tx
          .insert(providerKeys)
          .values({ userId, provider: "gemini", ...values })
          .onConflictDoUpdate({
            target: [providerKeys.userId, providerKeys.provider],
            set: values,
          });
        await writeAudit(
          tx,
          {
            action: "provider_key.save",
            actorId: userId,
            metadata: { provider: "gemini", last4: values.last4 },
          },
          audit,
        );
      });
      return { provider: "gemini", last4: values.last4, validatedAt: validatedAt.toISOString() };
    },
    async deleteGeminiKey({ userId, audit }) {
      await db.transaction(async (tx) => {
        await tx
          .delete(providerKeys)
          .where(and(eq(providerKeys.userId, userId), eq(providerKeys.provider, "gemini")));
        await writeAudit(tx, { action: "provider_key.delete", actorId: userId }, audit);
      });
    },
    async readGeminiKey({ userId }) {
      const [row] = await db
        .select({ ciphertext: providerKeys.ciphertext, keyVersion: providerKeys.keyVersion })
        .from(providerKeys)
        .where(and(eq(providerKeys.userId, userId), eq(providerKeys.provider, "gemini")))
        .limit(1);
      if (!row) return null;
      try {
        return secretBox.open(row.ciphertext, row.keyVersion, associatedData(userId));
      } catch (error) {
        // Sealed under a secret this deployment no longer has (APP_SECRET rotated without
        // APP_SECRET_PREVIOUS). Falling back to another provider silently would surprise the user.
        logger.error("stored provider key cannot be opened", { userId, error });
        throw new AppError(
          "PROVIDER_KEY_INVALID",
          "Your saved Gemini key can no longer be read. Add it again in Settings.",
        );
      }
    },
  };
}
