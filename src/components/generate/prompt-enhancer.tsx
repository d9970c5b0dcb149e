"use client";

import { Sparkles, Undo2 } from "lucide-react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { PROMPT_MAX } from "./composer-values";
import { FIELD_IDS } from "./use-composer";

// The panel (streaming, errors) loads on the first Enhance: the button alone is on the page.
const EnhancePanel = dynamic(
  () => import("./enhance-panel").then((module) => module.EnhancePanel),
  {
    ssr: false,
    loading: () => (
      <div
        className="rounded-card border-line bg-surface-raised h-28 animate-pulse border"
        aria-hidden="true"
      />
    ),
  },
);

interface PromptEnhancerProps {
  prompt: string;
  styleTemplateId: string | null;
  onPromptChange: (prompt: string) => void;
}

/**
 * "Enhance" under the prompt: a text model rewrites the prompt (style-aware) into a panel that
 * fills as it streams; Accept replaces the prompt, Edit puts the suggestion in the field to
 * work on, Discard (or Esc) closes. After Accept or Edit, Undo brings the earlier prompt back
 * until the field is changed again.
 */
export function PromptEnhancer({ prompt, styleTemplateId, onPromptChange }: PromptEnhancerProps) {
  const t = useTranslations("generate.enhancer");
  const [run, setRun] = useState<{ id: number; prompt: string } | null>(null);
  const [undo, setUndo] = useState<{ previous: string; applied: string } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const buttonRef = useRef<HTMLButtonElement>(null);
  const trimmed = prompt.trim();
  const tooLong = trimmed.length > PROMPT_MAX;
  const canUndo = undo !== null && undo.applied === prompt && run === null;

  const focusPrompt = useCallback((caretAtEnd: boolean) => {
    const field = document.getElementById(FIELD_IDS.prompt);
    if (!(field instanceof HTMLTextAreaElement)) return;
    field.focus();
    if (caretAtEnd) field.setSelectionRange(field.value.length, field.value.length);
  }, []);

  const close = useCallback(() => {
    setRun(null);
    buttonRef.current?.focus();
  }, []);

  const use = useCallback(
    (suggestion: string, mode: "accept" | "edit") => {
      setUndo({ previous: prompt, applied: suggestion });
      setRun(null);
      onPromptChange(suggestion);
      setAnnouncement(mode === "accept" ? t("accepted") : t("editing"));
      // After React has put the new value in the field.
      requestAnimationFrame(() => focusPrompt(mode === "edit"));
    },
    [focusPrompt, onPromptChange, prompt, t],
  );

  return (
    <div className="-mt-3 flex flex-col gap-3" data-testid="prompt-enhancer">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          ref={buttonRef}
          type="button"
          variant="secondary"
          size="sm"
          disabled={trimmed === "" || tooLong || run !== null}
          aria-describedby="enhance-hint"
          onClick={() => {
            setAnnouncement("");
            setRun({ id: Date.now(), prompt: trimmed });
          }}
          data-testid="enhance-button"
        >
          <Sparkles aria-hidden="true" />
          {t("button")}
        </Button>
        {canUndo ? (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => {
              onPromptChange(undo.previous);
              setUndo(null);
              setAnnouncement(t("undone"));
              requestAnimationFrame(() => focusPrompt(true));
            }}
            data-testid="enhance-undo"
          >
            <Undo2 aria-hidden="true" />
            {t("undo")}
          </Button>
        ) : null}
        <span id="enhance-hint" className="text-ink-subtle text-xs">
          {trimmed === ""
            ? t("hintEmpty")
            : tooLong
              ? t("hintTooLong", { max: PROMPT_MAX })
              : t("hint")}
        </span>
      </div>
      {run ? (
        <EnhancePanel
          key={run.id}
          prompt={run.prompt}
          styleTemplateId={styleTemplateId}
          onAccept={(suggestion) => use(suggestion, "accept")}
          onEdit={(suggestion) => use(suggestion, "edit")}
          onDiscard={close}
          onRetry={() => setRun({ id: Date.now(), prompt: trimmed || run.prompt })}
        />
      ) : null}
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
