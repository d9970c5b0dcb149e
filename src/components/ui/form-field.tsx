"use client";

import { Slot } from "@radix-ui/react-slot";
import { CircleAlert } from "lucide-react";
import { useId, type ReactElement, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { useFieldErrorText } from "@/lib/i18n/use-field-errors";
import { Label } from "./label";

interface FormFieldProps {
  label: ReactNode;
  /** The one control (Input, Textarea, Select…); it receives id, aria-describedby and aria-invalid. */
  children: ReactElement;
  /**
   * The field's problem: a shared rule's or the API's English message is shown in the person's
   * language (useFieldErrorText); any other text is shown as it is.
   */
  error?: string | null;
  hint?: ReactNode;
  /** Shown at the end of the label row, e.g. a "Forgot password?" link. */
  labelAside?: ReactNode;
  id?: string;
  className?: string;
}

export function FormField({
  label,
  children,
  error,
  hint,
  labelAside,
  id,
  className,
}: FormFieldProps) {
  const fieldErrorText = useFieldErrorText();
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;

  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <div className="flex items-baseline justify-between gap-3">
        <Label htmlFor={controlId}>{label}</Label>
        {labelAside}
      </div>
      <Slot id={controlId} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
        {children}
      </Slot>
      {error ? (
        <p id={errorId} className="text-danger flex items-start gap-1.5 text-sm">
          <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>{fieldErrorText(error)}</span>
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="text-ink-muted text-sm">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
