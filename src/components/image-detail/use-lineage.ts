"use client";

import { useApiQuery } from "@/lib/api/hooks";
import { queryKeys } from "@/lib/api/query-keys";
import type { ImageLineage } from "@/shared/api-types";

/** GET /images/:id/lineage for the image on screen (null while loading); `initial` from the server. */
export function useLineage(imageId: string, initial?: ImageLineage) {
  const query = useApiQuery<ImageLineage>(
    queryKeys.lineage(imageId),
    `/api/v1/images/${imageId}/lineage`,
    initial ? { initialData: initial } : {},
  );
  return {
    lineage: query.data ?? null,
    failed: query.isError && query.data === undefined,
    retry: () => void query.refetch(),
  };
}
