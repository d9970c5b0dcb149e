import type { HTMLAttributes } from "react";
import { cn } from "@/lib/cn";

export type BadgeVariant = "neutral" | "primary" | "success" | "warning" | "danger" | "prism";

const variantClasses: Record<BadgeVariant, string> = {
  neutral: "border-line-strong bg-surface-raised text-ink-muted",
  primary: "border-transparent bg-primary-soft text-primary-soft-ink",
  success: "border-transparent bg-success-soft text-success",
  warning: "border-transparent bg-warning-soft text-warning",
  danger: "border-transparent bg-danger-soft text-danger",
  prism: "border-transparent bg-prism text-white",
};

interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  variant?: BadgeVariant;
}

export function Badge({ variant = "neutral", className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap",
        "[&_svg]:size-3.5",
        variantClasses[variant],
        className,
      )}
      {...props}
    />
  );
}
