"use client";

import { Eye, EyeOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { forwardRef, useState, type InputHTMLAttributes } from "react";
import { cn } from "@/lib/cn";
import { controlClasses } from "./input";

/**
 * A password input with a show/hide toggle. The toggle's name is "Show"/"Hide" (not
 * "Show password"; "Lihat"/"Sembunyikan" in Indonesian) so that a lookup of the field by the label "Password" finds only the field.
 */
export const PasswordInput = forwardRef<
  HTMLInputElement,
  Omit<InputHTMLAttributes<HTMLInputElement>, "type">
>(function PasswordInput({ className, id, ...props }, ref) {
  const t = useTranslations("common.password");
  const [visible, setVisible] = useState(false);
  return (
    <div className="relative">
      <input
        ref={ref}
        id={id}
        type={visible ? "text" : "password"}
        className={cn(controlClasses, "h-11 pr-20 pl-3.5 text-base sm:text-sm", className)}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        {...props}
      />
      <button
        type="button"
        aria-pressed={visible}
        aria-controls={id}
        onClick={() => setVisible((value) => !value)}
        className="rounded-r-control text-ink-muted hover:text-ink absolute inset-y-0 right-0 inline-flex items-center gap-1.5 px-3.5 text-xs font-semibold focus-visible:outline-offset-[-2px]"
      >
        {visible ? (
          <EyeOff aria-hidden="true" className="size-4" />
        ) : (
          <Eye aria-hidden="true" className="size-4" />
        )}
        {visible ? t("hide") : t("show")}
      </button>
    </div>
  );
});
