"use client";

import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";
import { PROMPT_MAX } from "./composer-values";

interface PromptFieldProps {
  id: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

export function PromptField({ id, value, error, onChange }: PromptFieldProps) {
  const t = useTranslations("generate.prompt");
  const length = value.trim().length;
  const over = length > PROMPT_MAX;
  return (
    <FormField
      id={id}
      label={t("label")}
      error={error}
      labelAside={
        <span
          className={cn(
            "text-xs tabular-nums",
            over ? "text-danger font-semibold" : "text-ink-subtle",
          )}
          data-testid="prompt-count"
        >
          <span className="sr-only">{t("charactersUsed")}</span>
          {length} / {PROMPT_MAX}
        </span>
      }
      hint={
        <>
          {t("hint")}{" "}
          <span className="hidden sm:inline">
            {t.rich("shortcut", {
              // Each key hides itself as well: its own computed display stays "inline" under
              // the hidden span, and visibility checks that read it would still find "Enter".
              kbd: (chunks) => (
                <kbd className="hidden font-sans font-semibold sm:inline">{chunks}</kbd>
              ),
            })}
          </span>
        </>
      }
    >
      <Textarea
        name="prompt"
        rows={5}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        // One line of example on a phone: a longer one became the page's largest paint (LCP).
        placeholder={t("placeholder")}
        autoComplete="off"
        data-testid="prompt-input"
        data-preserve-on-update
      />
    </FormField>
  );
}
