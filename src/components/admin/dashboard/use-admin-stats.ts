"use client";

import { useApiQuery } from "@/lib/api/hooks";
import type { AdminStats } from "@/shared/admin-stats";

export const adminStatsKey = (days: number) => ["admin", "stats", days] as const;

/** GET /api/v1/admin/stats?days=…: the dashboard's numbers (today live, earlier days rolled up). */
export function useAdminStats(days: number) {
  return useApiQuery<AdminStats>(adminStatsKey(days), `/api/v1/admin/stats?days=${days}`, {
    staleTime: 60_000,
  });
}
