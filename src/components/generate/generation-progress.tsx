"use client";

import { Check, Sparkles } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import {
  describeRemaining,
  estimateProgress,
  STAGE_ORDER,
  type RemainingText,
} from "@/lib/generation/progress-estimate";
import type { GenerationStage } from "@/shared/api-types";
import type { AspectRatio } from "@/shared/schemas/settings";
import { ratioBoxStyle } from "./ratio-box";
import { useNow } from "./use-now";
import { useStageLabel } from "./use-stage-label";

interface GenerationProgressProps {
  stage: GenerationStage;
  serverPercent: number;
  startedAt: number;
  stageStartedAt: number;
  medianMs: number | null;
  aspectRatio: AspectRatio;
  kind: "generate" | "edit";
  /** The placeholder frame; off when a batch's grid shows a frame per image. */
  showPreview?: boolean;
}

export function GenerationProgress(props: GenerationProgressProps) {
  const t = useTranslations("results.progress");
  const stageLabel = useStageLabel();
  const now = useNow(true);
  const estimate = estimateProgress({ ...props, now });
  const remaining = describeRemaining(estimate);
  const percent = Math.round(estimate.percent);
  const currentIndex = STAGE_ORDER.indexOf(props.stage);
  const label = stageLabel(props.stage);
  const stepName = (stage: GenerationStage) =>
    stage === "queued"
      ? t("step.queued")
      : stage === "generating"
        ? t("step.generating")
        : stage === "processing"
          ? t("step.processing")
          : t("step.storing");
  const sayRemaining = (text: RemainingText) =>
    text.key === "overdue"
      ? t("remaining.overdue")
      : text.key === "almost"
        ? t("remaining.almost")
        : text.key === "seconds"
          ? t("remaining.seconds", { seconds: text.seconds })
          : t("remaining.minutes", { minutes: text.minutes });

  return (
    <section
      aria-labelledby="generate-progress-title"
      className="flex flex-col gap-5"
      data-testid="generate-progress"
    >
      {props.showPreview === false ? null : (
        <div
          className="rounded-card border-line bg-canvas-tint relative mx-auto flex items-center justify-center overflow-hidden border"
          style={ratioBoxStyle(props.aspectRatio)}
          aria-hidden="true"
        >
          <div className="bg-prism absolute inset-0 opacity-[0.14] dark:opacity-20" />
          <div className="skeleton-shimmer motion-safe:animate-shimmer absolute inset-0" />
          <span className="bg-surface/80 text-primary shadow-card relative flex size-14 items-center justify-center rounded-2xl backdrop-blur motion-safe:animate-pulse">
            <Sparkles className="size-7" />
          </span>
        </div>
      )}

      <div className="flex flex-col gap-2.5">
        <div className="flex items-baseline justify-between gap-3">
          <h2 id="generate-progress-title" className="sr-only">
            {props.kind === "edit" ? t("titleEdit") : t("titleGenerate")}
          </h2>
          <p className="font-display text-ink text-base font-semibold" data-testid="generate-stage">
            {label}
          </p>
          <p className="text-ink-muted text-sm tabular-nums" data-testid="generate-eta">
            {remaining ? sayRemaining(remaining) : t("percent", { percent })}
          </p>
        </div>
        <div
          role="progressbar"
          aria-labelledby="generate-progress-title"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={t("valueText", { label, percent })}
          className="bg-surface-sunken h-2.5 overflow-hidden rounded-full"
        >
          <div
            className="bg-prism relative h-full rounded-full transition-[width] duration-300 ease-linear"
            style={{ width: `${Math.max(3, estimate.percent)}%` }}
          >
            {estimate.remainingMs === null ? (
              <div className="skeleton-shimmer motion-safe:animate-shimmer absolute inset-0" />
            ) : null}
          </div>
        </div>
        <ol className="mt-1 grid grid-cols-4 gap-2" aria-label={t("stepsLabel")}>
          {STAGE_ORDER.map((stage, index) => {
            const done = index < currentIndex;
            const current = index === currentIndex;
            return (
              <li
                key={stage}
                aria-current={current ? "step" : undefined}
                className={cn(
                  "flex min-w-0 flex-col items-center gap-1 text-center text-xs sm:flex-row sm:gap-1.5 sm:text-left",
                  current ? "text-ink font-semibold" : done ? "text-ink-muted" : "text-ink-subtle",
                )}
              >
                <span
                  aria-hidden="true"
                  className={cn(
                    "flex size-4 shrink-0 items-center justify-center rounded-full border",
                    done && "bg-primary text-on-primary border-transparent",
                    current && "border-primary bg-primary-soft",
                    !done && !current && "border-line-strong",
                  )}
                >
                  {done ? <Check className="size-3" strokeWidth={3} /> : null}
                  {current ? (
                    <span className="bg-primary size-1.5 rounded-full motion-safe:animate-pulse" />
                  ) : null}
                </span>
                <span className="truncate">{stepName(stage)}</span>
                {done ? <span className="sr-only">{t("stepDone")}</span> : null}
              </li>
            );
          })}
        </ol>
        {props.medianMs === null ? (
          <p className="text-ink-subtle text-xs">{t("firstEstimate")}</p>
        ) : null}
      </div>
    </section>
  );
}
