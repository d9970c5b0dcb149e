"use client";

import { Dices, X } from "lucide-react";
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
  return (
    <div className="flex flex-col gap-5">
      <FormField
        id={FIELD_IDS.negativePrompt}
        label="Negative prompt"
        error={errors.negativePrompt}
        labelAside={
          <span className="text-ink-subtle text-xs tabular-nums">
            {values.negativePrompt.trim().length} / {NEGATIVE_PROMPT_MAX}
          </span>
        }
        hint="What to keep out of the image, e.g. text, watermarks, extra fingers."
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
        label="Tags"
        error={errors.tags}
        labelAside={
          <span className="text-ink-subtle text-xs tabular-nums">
            {values.tags.length} / {TAGS_MAX}
          </span>
        }
        hint="Press Enter or comma after each tag. Up to 10, of up to 32 characters."
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
          <Label htmlFor={FIELD_IDS.isPublic}>Make public</Label>
          <p id={`${FIELD_IDS.isPublic}-hint`} className="text-ink-muted text-sm">
            Show this image in the public Explore gallery. You can change it later.
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
  return (
    <FormField
      id={FIELD_IDS.seed}
      label="Seed"
      error={error}
      hint="Empty means a new random seed each time. The same seed, prompt and settings give a similar image."
    >
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
  return (
    <div className="flex gap-2">
      <Input
        {...control}
        name="seed"
        inputMode="numeric"
        autoComplete="off"
        placeholder="Random"
        value={value}
        onChange={(event) => onChange(event.target.value.replace(/[^\d]/g, "").slice(0, 10))}
        className="font-mono tabular-nums"
        data-testid="seed-input"
      />
      {value ? (
        <Button
          variant="ghost"
          size="icon"
          aria-label="Clear the seed (random)"
          onClick={() => onChange("")}
        >
          <X aria-hidden="true" />
        </Button>
      ) : null}
      <Button
        variant="secondary"
        size="icon"
        aria-label="Pick a random seed"
        title="Pick a random seed"
        onClick={() => onChange(String(randomSeed()))}
        data-testid="seed-dice"
      >
        <Dices aria-hidden="true" />
      </Button>
    </div>
  );
}
