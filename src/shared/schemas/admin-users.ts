import { z } from "zod";
import { CURSOR_MAX, PAGE_LIMIT, TEXT_RULES } from "@/shared/limits";
import { ruleString, safeString } from "./text";

export const ADMIN_USER_ROLES = ["user", "supporter", "admin"] as const;
export type AdminUserRole = (typeof ADMIN_USER_ROLES)[number];

/** Largest per-user daily or monthly generation limit an admin may set. */
export const USER_LIMIT_MAX = 1_000_000;

const limitParam = z.coerce
  .number({ error: "limit is a number." })
  .int({ error: "limit is a whole number." })
  .min(PAGE_LIMIT.min, { error: `limit is at least ${PAGE_LIMIT.min}.` })
  .max(PAGE_LIMIT.max, { error: `limit is at most ${PAGE_LIMIT.max}.` })
  .default(PAGE_LIMIT.default);

/** GET /admin/users — search by email or name (any case), newest accounts first. */
export const adminUsersQuerySchema = z.object({
  q: ruleString(TEXT_RULES.search).optional(),
  limit: limitParam,
  cursor: safeString().max(CURSOR_MAX).optional(),
});
export type AdminUsersQuery = z.infer<typeof adminUsersQuerySchema>;

const userLimit = z
  .number({ error: "Use a whole number, or null for the default." })
  .int({ error: "Use a whole number, or null for the default." })
  .min(0, { error: "A limit is at least 0." })
  .max(USER_LIMIT_MAX, { error: `A limit is at most ${USER_LIMIT_MAX}.` })
  .nullable();

/** PATCH /admin/users/:id — at least one field. */
export const adminUserPatchSchema = z
  .object({
    role: z.enum(ADMIN_USER_ROLES, { error: "Role is user, supporter or admin." }).optional(),
    dailyLimit: userLimit.optional(),
    monthlyLimit: userLimit.optional(),
    suspended: z.boolean({ error: "suspended is true or false." }).optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { error: "Change at least one field." });
export type AdminUserPatch = z.infer<typeof adminUserPatchSchema>;

export const adminUserParamsSchema = z.object({
  id: z.uuid({ error: "Not a valid user id." }),
});
