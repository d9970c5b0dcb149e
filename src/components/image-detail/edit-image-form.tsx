"use client";

import { WandSparkles } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { streamGeneration } from "@/lib/generation/stream-generation";
import type { GenerationProgress, Image } from "@/shared/api-types";
import { checkText, TEXT_RULES } from "@/shared/limits";
import { ApiClientError } from "@/lib/api/errors";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import { useFieldErrorText } from "@/lib/i18n/use-field-errors";

interface EditImageFormProps {
  image: Image;
  onEdited: (image: Image) => void;
}

/** "Describe a change": POST /images/:id/edit with live progress; the new image opens when ready. */
export function EditImageForm({ image, onEdited }: EditImageFormProps) {
  const t = useTranslations("image.edit");
  const format = useFormatter();
  const errorText = useErrorMessage();
  const fieldErrorText = useFieldErrorText();
  const stageLabels: Record<GenerationProgress["stage"], string> = {
    queued: t("queued"),
    generating: t("generating"),
    processing: t("processing"),
    storing: t("storing"),
  };
  const id = useId();
  const [prompt, setPrompt] = useState("");
  const [progress, setProgress] = useState<GenerationProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const idempotencyKey = useRef<string | null>(null);
  const busy = progress !== null;

  async function submit(event: { preventDefault: () => void }) {
    event.preventDefault();
    const parsed = checkText(TEXT_RULES.prompt, prompt);
    if (!parsed.ok) {
      setProblem(fieldErrorText(parsed.error) ?? parsed.error);
      return;
    }
    setProblem(null);
    setProgress({ stage: "queued", percent: 0 });
    // The same key for retries of one submission, so a flaky network never pays twice.
    idempotencyKey.current ??= crypto.randomUUID();
    try {
      const result = await streamGeneration({
        url: `/api/v1/images/${image.id}/edit`,
        body: { kind: "json", value: { prompt: parsed.value } },
        idempotencyKey: idempotencyKey.current,
        onProgress: setProgress,
      });
      idempotencyKey.current = null;
      setPrompt("");
      onEdited(result.image);
    } catch (error) {
      setProblem(error instanceof ApiClientError ? errorText(error) : t("failed"));
    } finally {
      setProgress(null);
    }
  }

  return (
    <form
      onSubmit={(event) => void submit(event)}
      className="flex flex-col gap-2"
      data-testid="image-edit-form"
    >
      <label htmlFor={id} className="text-ink text-sm font-semibold">
        {t("label")}
      </label>
      <Textarea
        id={id}
        name="prompt"
        rows={2}
        value={prompt}
        onChange={(event) => {
          setPrompt(event.target.value);
          idempotencyKey.current = null;
          setProblem(null);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) void submit(event);
        }}
        maxLength={1000}
        disabled={busy}
        placeholder={t("placeholder")}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        className="min-h-20"
      />
      {progress ? (
        <div role="status" className="flex flex-col gap-1.5">
          <div className="text-ink-muted flex justify-between text-xs">
            <span>{stageLabels[progress.stage]}</span>
            <span>{format.number(Math.round(progress.percent) / 100, { style: "percent" })}</span>
          </div>
          <div className="bg-surface-sunken h-1.5 overflow-hidden rounded-full">
            <div
              className="bg-prism h-full rounded-full transition-[width] duration-500"
              style={{ width: `${Math.max(4, progress.percent)}%` }}
            />
          </div>
        </div>
      ) : null}
      {problem ? (
        <p id={`${id}-problem`} role="alert" className="text-danger text-sm">
          {problem}
        </p>
      ) : null}
      <div className="flex items-center justify-between gap-3">
        <p className="text-ink-subtle text-xs">{t("quotaHint")}</p>
        <Button
          type="submit"
          size="sm"
          loading={busy}
          disabled={prompt.trim() === ""}
          data-testid="image-edit-submit"
        >
          {busy ? null : <WandSparkles aria-hidden="true" />}
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
