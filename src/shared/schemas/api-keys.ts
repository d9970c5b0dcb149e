import { z } from "zod";
import { safeString } from "./text";

export const API_KEY_SCOPES = ["images:read", "images:write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const API_KEY_EXPIRY_DAYS = [30, 90, 365] as const;
export type ApiKeyExpiryDays = (typeof API_KEY_EXPIRY_DAYS)[number];

/** Most keys a user may hold at once (revoked keys do not count). */
export const MAX_ACTIVE_API_KEYS = 10;

/** POST /api-keys — shared by the settings form and the route. */
export const apiKeyCreateSchema = z
  .object({
    name: safeString({ error: "Name the key." })
      .trim()
      .min(1, { error: "Name the key, e.g. “Backup script”." })
      .max(60, { error: "Use at most 60 characters." }),
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
