"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useApiMutation, useCursorPages } from "@/lib/api/hooks";
import { fetchApiPage, withCursor } from "@/lib/api/pages";
import { apiFetch } from "@/lib/api/request";
import type { AdminUser } from "@/shared/api-types";

/** The cache keys of the admin's lists of accounts. */
export const adminUsersKey = (q: string) => ["admin", "users", q] as const;
const ALL_ADMIN_USERS = ["admin", "users"] as const;

/** GET /api/v1/admin/users, newest accounts first, searched by email or name. */
export function useAdminUsers(q: string) {
  const path = `/api/v1/admin/users?limit=30${q ? `&q=${encodeURIComponent(q)}` : ""}`;
  return useCursorPages(adminUsersKey(q), (cursor, signal) =>
    fetchApiPage<AdminUser>(withCursor(path, cursor), { signal }),
  );
}

export interface AdminUserChange {
  id: string;
  patch: {
    role?: "user" | "supporter" | "admin";
    dailyLimit?: number | null;
    monthlyLimit?: number | null;
    suspended?: boolean;
  };
}

/** PATCH /api/v1/admin/users/:id; the lists show the answer at once. */
export function useUpdateAdminUser() {
  const queryClient = useQueryClient();
  return useApiMutation({
    mutationFn: ({ id, patch }: AdminUserChange) =>
      apiFetch<{ user: AdminUser }>(`/api/v1/admin/users/${id}`, {
        method: "PATCH",
        json: patch,
      }),
    errorToast: false,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ALL_ADMIN_USERS }),
  });
}

export const ROLES = ["user", "supporter", "admin"] as const;
export type AdminRole = (typeof ROLES)[number];

/** "user", "supporter" or "admin": the contract's role of an account (admin.users.roles.*). */
export function roleOf(user: Pick<AdminUser, "role" | "tier">): AdminRole {
  if (user.role === "admin") return "admin";
  return user.tier === "supporter" ? "supporter" : "user";
}
