"use client";

import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export interface Choice<T extends string> {
  value: T;
  label: string;
  description?: string;
  visual?: ReactNode;
}

interface ChoiceRadiosProps<T extends string> {
  /** The first radio's id (for a label or to focus it). */
  id: string;
  name: string;
  legend: string;
  legendAside?: ReactNode;
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
  columns: string;
  /** Hide the descriptions on narrow phones (they stay in the accessible description). */
  compact?: boolean;
  testId?: string;
}

/** A fieldset of native radios drawn as cards: arrow keys move the choice, Tab leaves the group. */
export function ChoiceRadios<T extends string>({
  id,
  name,
  legend,
  legendAside,
  choices,
  value,
  onChange,
  columns,
  compact = false,
  testId,
}: ChoiceRadiosProps<T>) {
  return (
    <fieldset className="flex min-w-0 flex-col gap-2" data-testid={testId}>
      <legend className="sr-only">{legend}</legend>
      <div className="flex items-baseline justify-between gap-3" aria-hidden="true">
        <span className="text-ink text-sm font-medium">{legend}</span>
        {legendAside}
      </div>
      <div className={cn("grid gap-2", columns)}>
        {choices.map((choice, index) => {
          const checked = choice.value === value;
          const inputId = index === 0 ? id : `${id}-${choice.value.replace(/[^a-z0-9]/gi, "-")}`;
          return (
            <label key={choice.value} htmlFor={inputId} className="relative min-w-0">
              <input
                id={inputId}
                type="radio"
                name={name}
                value={choice.value}
                checked={checked}
                onChange={() => onChange(choice.value)}
                aria-describedby={choice.description ? `${inputId}-description` : undefined}
                className="peer sr-only"
              />
              <span
                className={cn(
                  "rounded-control flex h-full min-h-11 flex-col items-center justify-center gap-1.5 border px-2 py-2.5 text-center transition-[border-color,background-color,box-shadow]",
                  "peer-focus-visible:ring-ring/35 peer-focus-visible:ring-4",
                  checked
                    ? "border-primary bg-primary-soft text-primary-soft-ink"
                    : "border-line-strong bg-surface text-ink-muted hover:border-primary/40 hover:text-ink",
                )}
              >
                {choice.visual}
                <span className="text-sm leading-none font-semibold">{choice.label}</span>
                {choice.description ? (
                  <span
                    id={`${inputId}-description`}
                    className={cn(
                      "text-xs leading-tight",
                      compact && "hidden sm:block",
                      checked ? "text-primary-soft-ink/80" : "text-ink-subtle",
                    )}
                  >
                    {choice.description}
                  </span>
                ) : null}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
