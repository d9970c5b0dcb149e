import { CircleAlert, Info, TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

type AlertVariant = "danger" | "warning" | "info";

const styles: Record<AlertVariant, { box: string; icon: typeof Info }> = {
  danger: {
    box: "border-danger/30 bg-danger-soft text-ink [&_svg]:text-danger",
    icon: CircleAlert,
  },
  warning: {
    box: "border-warning/30 bg-warning-soft text-ink [&_svg]:text-warning",
    icon: TriangleAlert,
  },
  info: { box: "border-primary/25 bg-primary-soft text-ink [&_svg]:text-primary", icon: Info },
};

interface AlertProps {
  variant?: AlertVariant;
  title: ReactNode;
  children?: ReactNode;
  className?: string;
  /** "alert" announces it at once (errors after submit); "status" politely. */
  role?: "alert" | "status";
  id?: string;
  "data-testid"?: string;
}

export function Alert({
  variant = "info",
  title,
  children,
  className,
  role,
  id,
  ...rest
}: AlertProps) {
  const { box, icon: Icon } = styles[variant];
  return (
    <div
      id={id}
      role={role}
      data-testid={rest["data-testid"]}
      className={cn("flex gap-3 rounded-2xl border px-4 py-3 text-sm", box, className)}
    >
      <Icon aria-hidden="true" className="mt-0.5 size-[1.1rem] shrink-0" />
      <div className="flex flex-col gap-0.5">
        <p className="font-semibold">{title}</p>
        {children ? <div className="text-ink-muted">{children}</div> : null}
      </div>
    </div>
  );
}
