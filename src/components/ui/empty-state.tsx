import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

interface EmptyStateProps {
  /** A decorative illustration (SVG); it is hidden from assistive technology. */
  illustration?: ReactNode;
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  className?: string;
  headingLevel?: "h2" | "h3";
}

export function EmptyState({
  illustration,
  title,
  description,
  action,
  className,
  headingLevel: Heading = "h2",
}: EmptyStateProps) {
  return (
    <div
      className={cn(
        "rounded-card border-line-strong bg-surface/70 shadow-card flex flex-col items-center gap-3 border border-dashed px-6 py-10 text-center sm:py-14",
        className,
      )}
    >
      {illustration ? (
        <div aria-hidden="true" className="mb-2 w-full max-w-[260px]">
          {illustration}
        </div>
      ) : null}
      <Heading className="font-display text-ink text-lg font-semibold tracking-tight">
        {title}
      </Heading>
      {description ? <div className="text-ink-muted max-w-md text-sm">{description}</div> : null}
      {action ? <div className="mt-2 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
