"use client";

import { WandSparkles } from "lucide-react";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { streamGeneration } from "@/lib/generation/stream-generation";
import type { GenerationProgress, Image } from "@/shared/api-types";
import { checkText, TEXT_RULES } from "@/shared/limits";

const STAGE_LABELS: Record<GenerationProgress["stage"], string> = {
  queued: "Waiting for a slot…",
  generating: "Painting the edit…",
  processing: "Making thumbnails…",
  storing: "Saving to your gallery…",
};

interface EditImageFormProps {
  image: Image;
  onEdited: (image: Image) => void;
}

/** "Describe a change": POST /images/:id/edit with live progress; the new image opens when ready. */
export function EditImageForm({ image, onEdited }: EditImageFormProps) {
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
      setProblem(parsed.error);
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
      setProblem(
        error instanceof Error ? error.message : "The edit didn't work. Please try again.",
      );
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
        Edit this image
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
        placeholder="Describe the change, e.g. “make it night with falling snow”"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        className="min-h-20"
      />
      {progress ? (
        <div role="status" className="flex flex-col gap-1.5">
          <div className="text-ink-muted flex justify-between text-xs">
            <span>{STAGE_LABELS[progress.stage]}</span>
            <span>{Math.round(progress.percent)}%</span>
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
        <p className="text-ink-subtle text-xs">Uses one generation from your quota.</p>
        <Button
          type="submit"
          size="sm"
          loading={busy}
          disabled={prompt.trim() === ""}
          data-testid="image-edit-submit"
        >
          {busy ? null : <WandSparkles aria-hidden="true" />}
          Create edit
        </Button>
      </div>
    </form>
  );
}
