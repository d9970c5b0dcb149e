"use client";

import * as SwitchPrimitive from "@radix-ui/react-switch";
import { forwardRef, type ComponentPropsWithoutRef, type ElementRef } from "react";
import { cn } from "@/lib/cn";

export const Switch = forwardRef<
  ElementRef<typeof SwitchPrimitive.Root>,
  ComponentPropsWithoutRef<typeof SwitchPrimitive.Root>
>(function Switch({ className, ...props }, ref) {
  return (
    <SwitchPrimitive.Root
      ref={ref}
      className={cn(
        // The ::after extends the hit area to 44px without changing the look.
        "peer relative inline-flex h-7 w-12 shrink-0 items-center rounded-full border border-transparent p-0.5",
        "after:absolute after:-inset-2 after:content-['']",
        "bg-line-strong data-[state=checked]:bg-primary transition-colors duration-200",
        "disabled:cursor-not-allowed disabled:opacity-50",
        className,
      )}
      {...props}
    >
      <SwitchPrimitive.Thumb
        className={cn(
          "pointer-events-none block size-6 rounded-full bg-white shadow-[0_1px_3px_rgb(0_0_0/0.25)]",
          "transition-transform duration-200 data-[state=checked]:translate-x-5",
        )}
      />
    </SwitchPrimitive.Root>
  );
});
