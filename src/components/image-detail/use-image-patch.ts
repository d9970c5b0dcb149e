"use client";

import { useCallback, useRef } from "react";
import { useApiMutation } from "@/lib/api/hooks";
import { apiFetch } from "@/lib/api/request";
import type { Image } from "@/shared/api-types";
import type { ImagePatch } from "@/shared/schemas/images";

interface PatchVariables {
  before: Image;
  changes: ImagePatch;
  serial: number;
  failureTitle: string;
}

/**
 * PATCH /images/:id with an optimistic update: the change shows at once, the server's answer
 * replaces it, a failure puts the image back and is toasted (titled `failureTitle`). Only the
 * newest answer is applied.
 */
export function useImagePatch(image: Image, onImageChange: (image: Image) => void) {
  const latest = useRef(image);
  latest.current = image;
  const serial = useRef(0);

  const { mutateAsync } = useApiMutation<Image, PatchVariables>({
    mutationFn: async ({ before, changes }) =>
      (
        await apiFetch<{ image: Image }>(`/api/v1/images/${before.id}`, {
          method: "PATCH",
          json: changes,
        })
      ).image,
    onSuccess: (saved, { serial: mine }) => {
      if (mine === serial.current) onImageChange(saved);
    },
    errorToast: ({ failureTitle }) => failureTitle,
    onError: (_error, { before, serial: mine }) => {
      if (mine === serial.current) onImageChange(before);
    },
  });

  return useCallback(
    async (changes: ImagePatch, failureTitle: string): Promise<boolean> => {
      const before = latest.current;
      onImageChange({ ...before, ...changes });
      serial.current += 1;
      try {
        await mutateAsync({ before, changes, serial: serial.current, failureTitle });
        return true;
      } catch {
        return false;
      }
    },
    [onImageChange, mutateAsync],
  );
}

export type PatchImage = ReturnType<typeof useImagePatch>;
