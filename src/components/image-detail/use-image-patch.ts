"use client";

import { useCallback, useRef } from "react";
import { toast } from "@/components/ui/toast";
import { apiFetch } from "@/lib/api-client";
import type { Image } from "@/shared/api-types";
import type { ImagePatch } from "@/shared/schemas/images";

/**
 * PATCH /images/:id with an optimistic update: the change shows at once, the server's answer
 * replaces it, a failure puts the image back and says why. Only the newest answer is applied.
 */
export function useImagePatch(image: Image, onImageChange: (image: Image) => void) {
  const latest = useRef(image);
  latest.current = image;
  const serial = useRef(0);

  return useCallback(
    async (changes: ImagePatch, failureTitle: string): Promise<boolean> => {
      const before = latest.current;
      onImageChange({ ...before, ...changes });
      serial.current += 1;
      const mine = serial.current;
      try {
        const { image: saved } = await apiFetch<{ image: Image }>(`/api/v1/images/${before.id}`, {
          method: "PATCH",
          json: changes,
        });
        if (mine === serial.current) onImageChange(saved);
        return true;
      } catch (error) {
        if (mine === serial.current) onImageChange(before);
        toast({
          variant: "error",
          title: failureTitle,
          description: error instanceof Error ? error.message : "Please try again.",
        });
        return false;
      }
    },
    [onImageChange],
  );
}

export type PatchImage = ReturnType<typeof useImagePatch>;
