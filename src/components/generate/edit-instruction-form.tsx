"use client";

import { Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useFieldErrorText } from "@/lib/i18n/use-field-errors";
import { checkText, TEXT_RULES } from "@/shared/limits";

interface EditInstructionFormProps {
  imageId: string;
  running: boolean;
  onSubmit: (prompt: string) => void;
  onCancel: () => void;
}

/** "Make the sky stormy": a new image derived from this one (POST /images/:id/edit). */
export function EditInstructionForm({
  imageId,
  running,
  onSubmit,
  onCancel,
}: EditInstructionFormProps) {
  const t = useTranslations("results.edit");
  const fieldErrorText = useFieldErrorText();
  const [prompt, setPrompt] = useState("");
  const [error, setError] = useState<string | null>(null);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = checkText(TEXT_RULES.prompt, prompt);
        if (!parsed.ok) {
          setError(parsed.error);
          return;
        }
        onSubmit(parsed.value);
      }}
      className="border-line bg-surface-raised/50 flex flex-col gap-3 rounded-2xl border p-4"
      data-testid="edit-form"
    >
      <FormField
        id={`edit-${imageId}`}
        label={t("label")}
        error={fieldErrorText(error) ?? null}
        hint={t("hint")}
      >
        <Input
          name="editPrompt"
          value={prompt}
          autoFocus
          autoComplete="off"
          maxLength={1000}
          placeholder={t("placeholder")}
          onChange={(event) => {
            setPrompt(event.target.value);
            setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape") onCancel();
          }}
        />
      </FormField>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="ghost" onClick={onCancel}>
          {t("cancel")}
        </Button>
        <Button type="submit" loading={running} data-testid="edit-submit">
          {running ? null : <Pencil aria-hidden="true" />}
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
