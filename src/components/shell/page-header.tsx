import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  eyebrow?: string;
  /** Shown beside the eyebrow, e.g. a status badge. */
  badge?: ReactNode;
  actions?: ReactNode;
  className?: string;
}

export function PageHeader({
  title,
  description,
  eyebrow,
  badge,
  actions,
  className,
}: PageHeaderProps) {
  return (
    <header
      className={cn("flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between", className)}
    >
      <div className="flex max-w-2xl flex-col gap-2">
        {eyebrow || badge ? (
          <div className="flex flex-wrap items-center gap-3">
            {eyebrow ? (
              <p className="text-primary text-xs font-semibold tracking-[0.16em] uppercase">
                {eyebrow}
              </p>
            ) : null}
            {badge}
          </div>
        ) : null}
        <h1 className="font-display text-ink text-3xl font-bold tracking-tight sm:text-4xl">
          {title}
        </h1>
        {description ? <div className="text-ink-muted text-base">{description}</div> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
    </header>
  );
}

/** The content column every signed-in page sits in. */
export function PageContainer({
  className,
  children,
}: {
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn("mx-auto w-full max-w-6xl px-4 pt-6 sm:px-6 lg:px-10 lg:pt-12", className)}>
      {children}
    </div>
  );
}
