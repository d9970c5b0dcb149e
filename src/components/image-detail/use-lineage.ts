"use client";

import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/api-client";
import type { ImageLineage } from "@/shared/api-types";

/** GET /images/:id/lineage for the image on screen (null while loading, "error" when it failed). */
export function useLineage(imageId: string, initial?: ImageLineage) {
  const [state, setState] = useState<{ id: string; lineage: ImageLineage | null | "error" }>({
    id: imageId,
    lineage: initial ?? null,
  });
  const [attempt, setAttempt] = useState(0);
  const known = state.id === imageId && state.lineage !== null && state.lineage !== "error";

  useEffect(() => {
    if (known) return;
    const controller = new AbortController();
    apiFetch<ImageLineage>(`/api/v1/images/${imageId}/lineage`, { signal: controller.signal }).then(
      (lineage) => setState({ id: imageId, lineage }),
      () => {
        if (!controller.signal.aborted) setState({ id: imageId, lineage: "error" });
      },
    );
    return () => controller.abort();
  }, [imageId, attempt, known]);

  const lineage = state.id === imageId ? state.lineage : null;
  return {
    lineage: lineage === "error" ? null : lineage,
    failed: lineage === "error",
    retry: () => {
      setState({ id: imageId, lineage: null });
      setAttempt((value) => value + 1);
    },
  };
}
