import { z } from "zod";
import { CURSOR_MAX, DATE_RANGE_MESSAGE, isDateInRange, PAGE_LIMIT } from "@/shared/limits";
import { safeString } from "./text";

const limitParam = z.coerce
  .number({ error: "limit is a number." })
  .int({ error: "limit is a whole number." })
  .min(PAGE_LIMIT.min, { error: `limit is at least ${PAGE_LIMIT.min}.` })
  .max(PAGE_LIMIT.max, { error: `limit is at most ${PAGE_LIMIT.max}.` })
  .default(PAGE_LIMIT.default);
const dateParam = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: "Use a date like 2026-01-31.",
  })
  .refine(isDateInRange, { error: DATE_RANGE_MESSAGE });

/**
 * GET /admin/audit — newest first. `actor` is a user id or (part of) an email; `action` an
 * action name or a prefix ending in "." (`auth.`); `target` a target id; `from`/`to` dates
 * (a bare `to` date includes that whole day); `format=csv` downloads every matching entry.
 */
export const adminAuditQuerySchema = z.object({
  actor: safeString().trim().min(1).max(200).optional(),
  action: safeString()
    .trim()
    .max(100)
    .regex(/^[a-z0-9_.]+$/, { error: "An action looks like auth.login or auth." })
    .optional(),
  target: safeString().trim().min(1).max(200).optional(),
  from: dateParam.optional(),
  to: dateParam.optional(),
  limit: limitParam,
  cursor: safeString().max(CURSOR_MAX).optional(),
  format: z.enum(["json", "csv"], { error: "format is json or csv." }).default("json"),
});
export type AdminAuditQuery = z.infer<typeof adminAuditQuerySchema>;
