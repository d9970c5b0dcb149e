"use client";

import { ErrorPanel } from "@/components/feedback/error-panel";
import { PageContainer } from "@/components/shell/page-header";

export default function SignedInError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <PageContainer>
      <ErrorPanel error={error} onRetry={reset} />
    </PageContainer>
  );
}
