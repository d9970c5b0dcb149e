"use client";

import { Lightbulb } from "lucide-react";
import { GenerateIllustration } from "@/components/placeholders/illustrations";

const IDEAS = [
  "A lighthouse on a basalt cliff at dusk, warm windows, long-exposure sea",
  "A tiny robot watering a bonsai, soft studio light, shallow depth of field",
  "A cosy reading nook in a treehouse, rain on the windows, watercolor",
] as const;

/** What the result area shows before the first image: where it will appear, and ideas to start. */
export function ResultPlaceholder({ onUseIdea }: { onUseIdea: (prompt: string) => void }) {
  return (
    <div
      className="rounded-card border-line-strong bg-surface/70 flex flex-col items-center gap-4 border border-dashed px-5 py-8 text-center sm:px-8 sm:py-10"
      data-testid="generate-empty"
    >
      <div aria-hidden="true" className="w-full max-w-[220px]">
        <GenerateIllustration />
      </div>
      <div className="flex flex-col gap-1.5">
        <h2 className="font-display text-ink text-lg font-semibold tracking-tight">
          Your image will appear here
        </h2>
        <p className="text-ink-muted mx-auto max-w-sm text-sm">
          Write a prompt and press Generate. You&apos;ll see each stage as it happens, then
          download, edit or share the result.
        </p>
      </div>
      <div className="flex w-full max-w-md flex-col gap-2 text-left">
        <p className="text-ink-subtle flex items-center gap-1.5 text-xs font-semibold tracking-wide uppercase">
          <Lightbulb aria-hidden="true" className="size-3.5" />
          Need an idea?
        </p>
        <ul className="flex flex-col gap-2">
          {IDEAS.map((idea) => (
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
