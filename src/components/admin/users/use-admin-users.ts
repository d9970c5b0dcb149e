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

/** "User", "Supporter" or "Admin": the contract's role of an account. */
export function roleOf(user: Pick<AdminUser, "role" | "tier">): "user" | "supporter" | "admin" {
  if (user.role === "admin") return "admin";
  return user.tier === "supporter" ? "supporter" : "user";
}

export const ROLE_LABELS = { user: "User", supporter: "Supporter", admin: "Admin" } as const;

const units = ["B", "KB", "MB", "GB", "TB"];
/** "1.2 MB"-style size. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
