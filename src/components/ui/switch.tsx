"use client";

import { forwardRef, useState, type ButtonHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

export interface SwitchProps extends Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  "value" | "defaultChecked" | "onChange"
> {
  checked?: boolean;
  defaultChecked?: boolean;
  onCheckedChange?: (checked: boolean) => void;
}

/**
 * An on/off switch: a button with role="switch" and aria-checked (WAI-ARIA's switch pattern;
 * Space and Enter toggle it, as any button). Written here rather than taken from Radix, whose
 * switch brought its primitives into the first load of every page with a settings toggle. It
 * adds no hidden checkbox: the studio's forms read their state, not FormData.
 */
export const Switch = forwardRef<HTMLButtonElement, SwitchProps>(function Switch(
  { className, checked: checkedProp, defaultChecked = false, onCheckedChange, onClick, ...props },
  ref,
) {
  const [uncontrolled, setUncontrolled] = useState(defaultChecked);
  const checked = checkedProp ?? uncontrolled;
  const state = checked ? "checked" : "unchecked";
  return (
    <button
      ref={ref}
      type="button"
      role="switch"
      aria-checked={checked}
      data-state={state}
      data-disabled={props.disabled ? "" : undefined}
      className={cn(
        // The ::after extends the hit area to 44px without changing the look.
        "peer relative inline-flex h-7 w-12 shrink-0 items-center rounded-full border border-transparent p-0.5",
        "after:absolute after:-inset-2 after:content-['']",
        "bg-line-strong data-[state=checked]:bg-primary transition-colors duration-200",
        "disabled:cursor-not-allowed disabled:opacity-50",
        className,
      )}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented) return;
        setUncontrolled(!checked);
        onCheckedChange?.(!checked);
      }}
      {...props}
    >
      <span
        data-state={state}
        className={cn(
          "pointer-events-none block size-6 rounded-full bg-white shadow-[0_1px_3px_rgb(0_0_0/0.25)]",
          "transition-transform duration-200 data-[state=checked]:translate-x-5",
        )}
      />
    </button>
  );
});
