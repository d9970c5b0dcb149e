"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useApiMutation, useApiQuery } from "@/lib/api/hooks";
import { queryKeys } from "@/lib/api/query-keys";
import { apiFetch } from "@/lib/api/request";
import type { RetentionOverview } from "@/shared/retention";

export const RETENTION_KEY = queryKeys.retention;

/** GET /api/v1/retention: the caller's private images the retention policy will remove. */
export function useRetention() {
  return useApiQuery<RetentionOverview>(RETENTION_KEY, "/api/v1/retention", {
    staleTime: 5 * 60_000,
  });
}

/** Keep one image (POST /images/:id/keep) or every listed one (POST /retention/keep-all). */
export function useKeepImages() {
  const t = useTranslations("shell.retention");
  const queryClient = useQueryClient();
  return useApiMutation<{ kept: number }, string | "all">({
    mutationFn: async (target) => {
      if (target === "all")
        return apiFetch<{ kept: number }>("/api/v1/retention/keep-all", { method: "POST" });
      await apiFetch(`/api/v1/images/${target}/keep`, { method: "POST" });
      return { kept: 1 };
    },
    errorToast: (target) => (target === "all" ? t("keepAllFailed") : t("keepOneFailed")),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: RETENTION_KEY }),
  });
}
