import { forwardRef, type InputHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

export const controlClasses = cn(
  "w-full rounded-control border border-line-strong bg-surface text-ink shadow-xs",
  "placeholder:text-ink-subtle transition-[border-color,box-shadow] duration-150",
  "hover:border-ink-subtle/60",
  "focus-visible:border-primary focus-visible:outline-none focus-visible:ring-4 focus-visible:ring-ring/25",
  "aria-invalid:border-danger aria-invalid:focus-visible:ring-danger/20",
  "disabled:cursor-not-allowed disabled:bg-surface-sunken disabled:text-ink-subtle disabled:shadow-none",
  // Not `read-only:` — a <select> always matches :read-only.
  "[&[readonly]]:bg-surface-sunken [&[readonly]]:text-ink-muted [&[readonly]]:shadow-none",
);

export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(
  function Input({ className, type = "text", ...props }, ref) {
    return (
      <input
        ref={ref}
        type={type}
        className={cn(controlClasses, "h-11 px-3.5 text-base sm:text-sm", className)}
        {...props}
      />
    );
  },
);
