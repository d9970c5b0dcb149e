import { z } from "zod";
import {
  API_KEY_EXPIRY_DAYS,
  API_KEY_SCOPES,
  MAX_ACTIVE_API_KEYS,
  TEXT_RULES,
} from "@/shared/limits";
import { ruleString } from "./text";

export { API_KEY_EXPIRY_DAYS, API_KEY_SCOPES, MAX_ACTIVE_API_KEYS };
export type { ApiKeyExpiryDays, ApiKeyScope } from "@/shared/limits";

/** POST /api-keys — shared by the settings form and the route. */
export const apiKeyCreateSchema = z
  .object({
    name: ruleString(TEXT_RULES.apiKeyName, { error: "Name the key." }),
    scopes: z
      .array(z.enum(API_KEY_SCOPES, { error: "Scopes are images:read and images:write." }), {
        error: "Choose at least one scope.",
      })
      .min(1, { error: "Choose at least one scope." })
      .max(API_KEY_SCOPES.length, { error: "Each scope can be chosen once." })
      .refine((scopes) => new Set(scopes).size === scopes.length, {
        error: "Each scope can be chosen once.",
      }),
    expiresInDays: z
      .literal(API_KEY_EXPIRY_DAYS, { error: "Choose 30, 90 or 365 days, or null for never." })
      .nullable(),
  })
  .strict();
export type ApiKeyCreateInput = z.infer<typeof apiKeyCreateSchema>;

export const apiKeyIdParamsSchema = z.object({ id: z.uuid({ error: "Not a valid key id." }) });
