"use client";

import { CenteredPage } from "@/components/feedback/centered-page";
import { ErrorPanel } from "@/components/feedback/error-panel";

export default function RootError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <CenteredPage>
      <ErrorPanel error={error} onRetry={reset} homeHref="/" />
    </CenteredPage>
  );
}
