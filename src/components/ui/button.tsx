import { Slot } from "@radix-ui/react-slot";
import { forwardRef, type ButtonHTMLAttributes } from "react";
import { cn } from "@/lib/cn";
import { Spinner } from "./spinner";

export type ButtonVariant =
  "primary" | "secondary" | "ghost" | "danger" | "inverse" | "inverse-ghost";
export type ButtonSize = "sm" | "md" | "lg" | "icon";

const variantClasses: Record<ButtonVariant, string> = {
  primary:
    "bg-primary text-on-primary shadow-[0_1px_0_rgb(255_255_255/0.18)_inset,0_8px_20px_-10px_var(--primary)] hover:bg-primary-hover",
  secondary:
    "border border-line-strong bg-surface text-ink shadow-xs hover:border-primary/40 hover:bg-surface-raised",
  ghost: "text-ink-muted hover:bg-surface-raised hover:text-ink",
  danger: "bg-danger text-on-danger hover:bg-danger-hover",
  // For dark brand surfaces that stay dark in both themes.
  inverse:
    "bg-white text-[#140f26] shadow-[0_8px_24px_-10px_rgb(255_255_255/0.5)] hover:bg-white/90",
  "inverse-ghost": "text-white/85 hover:bg-white/10 hover:text-white",
};

// Phones get 44px targets; wider screens may use the denser sizes.
const sizeClasses: Record<ButtonSize, string> = {
  sm: "h-11 gap-1.5 px-3.5 text-sm sm:h-9 sm:px-3",
  md: "h-11 gap-2 px-5 text-sm sm:h-10 sm:px-4",
  lg: "h-12 gap-2 px-6 text-base",
  icon: "size-11 sm:size-10",
};

export function buttonClasses({
  variant = "primary",
  size = "md",
  className,
}: {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
} = {}): string {
  return cn(
    "inline-flex shrink-0 select-none items-center justify-center whitespace-nowrap rounded-control font-semibold",
    "transition-[background-color,border-color,color,box-shadow,transform] duration-150 active:translate-y-px",
    "disabled:pointer-events-none disabled:opacity-55 disabled:shadow-none aria-disabled:pointer-events-none aria-disabled:opacity-55",
    "[&_svg]:size-4 [&_svg]:shrink-0",
    variantClasses[variant],
    sizeClasses[size],
    className,
  );
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner, disables the button and sets aria-busy; the label stays. */
  loading?: boolean;
  /** Renders the single child (e.g. a Link) with the button's look. */
  asChild?: boolean;
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  {
    variant = "primary",
    size = "md",
    loading = false,
    asChild = false,
    className,
    disabled,
    type,
    children,
    ...props
  },
  ref,
) {
  const classes = buttonClasses({ variant, size, className });
  if (asChild) {
    return (
      <Slot ref={ref} className={classes} {...props}>
        {children}
      </Slot>
    );
  }
  return (
    <button
      ref={ref}
      type={type ?? "button"}
      className={classes}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...props}
    >
      {loading ? <Spinner /> : null}
      {children}
    </button>
  );
});
