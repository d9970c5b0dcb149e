import { z } from "zod";
import { safeString } from "./text";

/**
 * The signed unsubscribe link's query (`?u=<user id>&s=<signature>`), shared by the page and
 * POST /api/v1/notifications/unsubscribe. Only the shape is checked here: a link whose
 * signature does not match is "not valid" (404), whatever it holds.
 */
export const unsubscribeQuerySchema = z.object({
  u: safeString({ error: "The link has no user." }).trim().min(1).max(64),
  s: safeString({ error: "The link has no signature." }).trim().min(1).max(128),
});
export type UnsubscribeQuery = z.infer<typeof unsubscribeQuerySchema>;

/**
 * RFC 8058 one-click: a mail client POSTs `List-Unsubscribe=One-Click` (form or multipart);
 * the studio's own page sends the same pair as JSON.
 */
export const unsubscribeBodySchema = z.object({
  "List-Unsubscribe": z.literal("One-Click", { error: "Send List-Unsubscribe=One-Click." }),
});
export type UnsubscribeBody = z.infer<typeof unsubscribeBodySchema>;
