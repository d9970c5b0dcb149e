import type { ReactNode } from "react";
import type { LucideIcon } from "lucide-react";
import { PageContainer, PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";

export interface PreviewPoint {
  icon: LucideIcon;
  title: string;
  text: string;
}

interface FeaturePreviewProps {
  title: string;
  eyebrow: string;
  description: ReactNode;
  illustration: ReactNode;
  emptyTitle: string;
  emptyDescription: ReactNode;
  emptyAction?: ReactNode;
  points: readonly PreviewPoint[];
  testId: string;
}

/** A page whose feature arrives later: its purpose, an empty state and what it will offer. */
export function FeaturePreview({
  title,
  eyebrow,
  description,
  illustration,
  emptyTitle,
  emptyDescription,
  emptyAction,
  points,
  testId,
}: FeaturePreviewProps) {
  return (
    <PageContainer>
      <div className="flex flex-col gap-8" data-testid={testId}>
        <PageHeader
          eyebrow={eyebrow}
          title={title}
          description={description}
          badge={<Badge variant="primary">In the works</Badge>}
        />
        <EmptyState
          illustration={illustration}
          title={emptyTitle}
          description={emptyDescription}
          action={emptyAction}
        />
        <section aria-labelledby={`${testId}-points`} className="flex flex-col gap-4">
          <h2
            id={`${testId}-points`}
            className="text-ink-subtle text-xs font-semibold tracking-[0.16em] uppercase"
          >
            What you&apos;ll be able to do here
          </h2>
          <ul className="grid gap-3 sm:grid-cols-3">
            {points.map((point) => {
              const Icon = point.icon;
              return (
                <li
                  key={point.title}
                  className="border-line bg-surface flex gap-3 rounded-2xl border p-4"
                >
                  <span className="bg-primary-soft text-primary-soft-ink flex size-10 shrink-0 items-center justify-center rounded-xl">
                    <Icon aria-hidden="true" className="size-5" />
                  </span>
                  <div className="flex flex-col gap-0.5">
                    <h3 className="text-ink text-sm font-semibold">{point.title}</h3>
                    <p className="text-ink-muted text-sm">{point.text}</p>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      </div>
    </PageContainer>
  );
}
