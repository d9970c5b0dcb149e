"use client";

import { ErrorPanel } from "@/components/feedback/error-panel";

export default function SharePageError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="px-4 py-16">
      <ErrorPanel error={error} onRetry={reset} homeHref="/" />
    </div>
  );
}
