import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/cn";

interface SettingsSectionProps {
  id: string;
  icon: LucideIcon;
  title: string;
  description?: ReactNode;
  aside?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}

export function SettingsSection({
  id,
  icon: Icon,
  title,
  description,
  aside,
  children,
  className,
  testId,
}: SettingsSectionProps) {
  const titleId = `${id}-title`;
  return (
    <section
      id={id}
      aria-labelledby={titleId}
      className={cn("scroll-mt-24", className)}
      data-testid={testId}
    >
      <Card>
        <div className="flex items-start gap-4 p-5 sm:p-6">
          <span className="bg-primary-soft text-primary-soft-ink flex size-10 shrink-0 items-center justify-center rounded-xl">
            <Icon aria-hidden="true" className="size-5" />
          </span>
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <div className="flex flex-wrap items-center gap-2">
              <h2
                id={titleId}
                className="font-display text-ink text-lg font-semibold tracking-tight"
              >
                {title}
              </h2>
              {aside}
            </div>
            {description ? <p className="text-ink-muted text-sm">{description}</p> : null}
          </div>
        </div>
        <div className="border-line border-t px-5 py-5 sm:px-6 sm:py-6">{children}</div>
      </Card>
    </section>
  );
}

/** A label + description on the left, a control on the right (stacked on narrow phones unless inline). */
export function SettingRow({
  label,
  description,
  control,
  descriptionId,
  inline = false,
}: {
  label: ReactNode;
  description?: ReactNode;
  control: ReactNode;
  descriptionId?: string;
  /** Keep the control beside the label even on narrow phones (switches). */
  inline?: boolean;
}) {
  return (
    <div
      className={cn(
        "flex gap-3 py-4 first:pt-0 last:pb-0",
        inline
          ? "flex-row items-center justify-between gap-5"
          : "flex-col min-[440px]:flex-row min-[440px]:items-center min-[440px]:justify-between min-[440px]:gap-6",
      )}
    >
      <div className="flex min-w-0 flex-col gap-0.5">
        {label}
        {description ? (
          <p id={descriptionId} className="text-ink-muted text-sm">
            {description}
          </p>
        ) : null}
      </div>
      <div className="shrink-0">{control}</div>
    </div>
  );
}
