"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { toApiClientError } from "@/lib/api/errors";

/**
 * What to tell the person about a failed request, in their language: the message of the error's
 * code (API.md's codes and the client's own), with what `details` and Retry-After say filled in.
 * The API's English `message` is shown only for a code the catalogue does not know.
 */
export function useErrorMessage(): (error: unknown) => string {
  const t = useTranslations("errors");
  return useCallback(
    (error: unknown) => {
      const failure = toApiClientError(error);
      if (failure.code === "RATE_LIMITED" && failure.retryAfterSeconds) {
        return t("RATE_LIMITED_AFTER", { seconds: failure.retryAfterSeconds });
      }
      if (t.has(failure.code)) return t(failure.code);
      return failure.message;
    },
    [t],
  );
}
