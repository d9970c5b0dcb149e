"use client";

import { ChevronDown } from "lucide-react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { useOpenedOnce } from "@/components/ui/use-opened-once";
import { cn } from "@/lib/cn";
import type { ComposerValues } from "./composer-values";
import type { ComposerErrors } from "./use-composer";

const loadFields = () => import("./advanced-fields");
const AdvancedFields = dynamic(() => loadFields().then((module) => module.AdvancedFields), {
  loading: () => <AdvancedFieldsSkeleton />,
});

function AdvancedFieldsSkeleton() {
  const t = useTranslations("generate.advanced");
  return (
    <div aria-busy="true" aria-label={t("loading")} className="flex flex-col gap-5">
      <Skeleton className="h-20" />
      <Skeleton className="h-11" />
      <Skeleton className="h-11" />
    </div>
  );
}

interface AdvancedOptionsProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  values: ComposerValues;
  errors: ComposerErrors;
  onChange: (patch: Partial<ComposerValues>) => void;
  onTagProblem: (message: string | null) => void;
}

/**
 * Negative prompt, seed, tags and visibility, behind a disclosure button. The fields load the
 * first time it opens (their code is fetched as soon as the pointer or focus comes near), and
 * stay mounted after, so what was typed in them survives closing it.
 */
export function AdvancedOptions({
  open,
  onOpenChange,
  values,
  errors,
  onChange,
  onTagProblem,
}: AdvancedOptionsProps) {
  const t = useTranslations("generate.advanced");
  const panelId = useId();
  const summary = summarise(values, t);
  const mounted = useOpenedOnce(open);
  return (
    <div className="border-line bg-surface-raised/40 rounded-2xl border">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => onOpenChange(!open)}
        onPointerEnter={() => void loadFields()}
        onFocus={() => void loadFields()}
        className="flex min-h-12 w-full items-center justify-between gap-3 rounded-2xl px-4 py-3 text-left"
        data-testid="advanced-toggle"
      >
        <span className="flex min-w-0 flex-col">
          <span className="text-ink text-sm font-semibold">{t("title")}</span>
          <span className="text-ink-muted truncate text-xs">{summary}</span>
        </span>
        <ChevronDown
          aria-hidden="true"
          className={cn(
            "text-ink-muted size-5 shrink-0 transition-transform",
            open && "rotate-180",
          )}
        />
      </button>
      <div id={panelId} hidden={!open} className="border-line border-t px-4 pt-4 pb-5">
        {mounted ? (
          <AdvancedFields
            values={values}
            errors={errors}
            onChange={onChange}
            onTagProblem={onTagProblem}
          />
        ) : null}
      </div>
    </div>
  );
}

/** "Negative prompt · seed 42 · 2 tags · private": what is set behind the disclosure. */
function summarise(
  values: ComposerValues,
  t: ReturnType<typeof useTranslations<"generate.advanced">>,
): string {
  const parts: string[] = [];
  if (values.negativePrompt.trim()) parts.push(t("summary.negativePrompt"));
  parts.push(values.seed ? t("summary.seed", { seed: values.seed }) : t("summary.randomSeed"));
  if (values.tags.length > 0) parts.push(t("summary.tags", { count: values.tags.length }));
  parts.push(values.isPublic ? t("summary.public") : t("summary.private"));
  const text = parts.join(" · ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
