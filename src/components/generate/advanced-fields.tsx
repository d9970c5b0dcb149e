"use client";

import { Dices, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { NEGATIVE_PROMPT_MAX, randomSeed, TAGS_MAX, type ComposerValues } from "./composer-values";
import { TagsInput } from "./tags-input";
import { FIELD_IDS, type ComposerErrors } from "./use-composer";

export interface AdvancedFieldsProps {
  values: ComposerValues;
  errors: ComposerErrors;
  onChange: (patch: Partial<ComposerValues>) => void;
  onTagProblem: (message: string | null) => void;
}

/**
 * Negative prompt, seed, tags and visibility: the inside of the composer's "Advanced"
 * disclosure, loaded the first time it opens (most prompts never need it).
 */
export function AdvancedFields({ values, errors, onChange, onTagProblem }: AdvancedFieldsProps) {
  const t = useTranslations("generate.advanced");
  return (
    <div className="flex flex-col gap-5">
      <FormField
        id={FIELD_IDS.negativePrompt}
        label={t("negativePrompt.label")}
        error={errors.negativePrompt}
        labelAside={
          <span className="text-ink-subtle text-xs tabular-nums">
            {values.negativePrompt.trim().length} / {NEGATIVE_PROMPT_MAX}
          </span>
        }
        hint={t("negativePrompt.hint")}
      >
        <Textarea
          name="negativePrompt"
          rows={2}
          value={values.negativePrompt}
          onChange={(event) => onChange({ negativePrompt: event.target.value })}
          autoComplete="off"
          data-preserve-on-update
        />
      </FormField>

      <SeedField value={values.seed} error={errors.seed} onChange={(seed) => onChange({ seed })} />

      <FormField
        id={FIELD_IDS.tags}
        label={t("tags.label")}
        error={errors.tags}
        labelAside={
          <span className="text-ink-subtle text-xs tabular-nums">
            {values.tags.length} / {TAGS_MAX}
          </span>
        }
        hint={t("tags.hint")}
      >
        <TagsInput
          id={FIELD_IDS.tags}
          tags={values.tags}
          onChange={(tags) => onChange({ tags })}
          onProblem={onTagProblem}
        />
      </FormField>

      <div className="flex items-center justify-between gap-4">
        <div className="flex min-w-0 flex-col gap-0.5">
          <Label htmlFor={FIELD_IDS.isPublic}>{t("public.label")}</Label>
          <p id={`${FIELD_IDS.isPublic}-hint`} className="text-ink-muted text-sm">
            {t("public.hint")}
          </p>
        </div>
        <Switch
          id={FIELD_IDS.isPublic}
          name="isPublic"
          checked={values.isPublic}
          onCheckedChange={(isPublic) => onChange({ isPublic })}
          aria-describedby={`${FIELD_IDS.isPublic}-hint`}
          data-testid="public-switch"
        />
      </div>
    </div>
  );
}

function SeedField({
  value,
  error,
  onChange,
}: {
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const t = useTranslations("generate.advanced.seed");
  return (
    <FormField id={FIELD_IDS.seed} label={t("label")} error={error} hint={t("hint")}>
      <SeedInput value={value} onChange={onChange} />
    </FormField>
  );
}

/** Receives id and aria-* from FormField (through Slot) and passes them to the text box. */
function SeedInput({
  value,
  onChange,
  ...control
}: {
  value: string;
  onChange: (value: string) => void;
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}) {
  const t = useTranslations("generate.advanced.seed");
  return (
    <div className="flex gap-2">
      <Input
        {...control}
        name="seed"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t("placeholder")}
        value={value}
        onChange={(event) => onChange(event.target.value.replace(/[^\d]/g, "").slice(0, 10))}
        className="font-mono tabular-nums"
        data-testid="seed-input"
      />
      {value ? (
        <Button variant="ghost" size="icon" aria-label={t("clear")} onClick={() => onChange("")}>
          <X aria-hidden="true" />
        </Button>
      ) : null}
      <Button
        variant="secondary"
        size="icon"
        aria-label={t("random")}
        title={t("random")}
        onClick={() => onChange(String(randomSeed()))}
        data-testid="seed-dice"
      >
        <Dices aria-hidden="true" />
      </Button>
    </div>
  );
}
