"use client";

import { Lightbulb } from "lucide-react";
import { useTranslations } from "next-intl";
import { GenerateIllustration } from "@/components/placeholders/illustrations";

/** What the result area shows before the first image: where it will appear, and ideas to start. */
export function ResultPlaceholder({ onUseIdea }: { onUseIdea: (prompt: string) => void }) {
  const t = useTranslations("results.placeholder");
  // Example prompts in the person's language: the idea they pick becomes their own prompt.
  const ideas = [t("ideas.lighthouse"), t("ideas.robot"), t("ideas.nook")];
  return (
    <div
      className="rounded-card border-line-strong bg-surface/70 flex flex-col items-center gap-4 border border-dashed px-5 py-8 text-center sm:px-8 sm:py-10"
      data-testid="generate-empty"
    >
      <div aria-hidden="true" className="w-full max-w-[220px]">
        <GenerateIllustration />
      </div>
      <div className="flex flex-col gap-1.5">
        <h2 className="font-display text-ink text-lg font-semibold tracking-tight">{t("title")}</h2>
        <p className="text-ink-muted mx-auto max-w-sm text-sm">{t("body")}</p>
      </div>
      <div className="flex w-full max-w-md flex-col gap-2 text-left">
        <p className="text-ink-subtle flex items-center gap-1.5 text-xs font-semibold tracking-wide uppercase">
          <Lightbulb aria-hidden="true" className="size-3.5" />
          {t("ideasTitle")}
        </p>
        <ul className="flex flex-col gap-2">
          {ideas.map((idea) => (
            <li key={idea}>
              <button
                type="button"
                onClick={() => onUseIdea(idea)}
                className="border-line bg-surface text-ink-muted hover:border-primary/40 hover:text-ink w-full rounded-xl border px-3.5 py-2.5 text-left text-sm transition-colors"
              >
                {idea}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
