"use client";

import { Shuffle } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import type { BatchCount } from "@/shared/limits";
import type { VariationsInput } from "./generation-store";
import { CountPicker } from "./shape-pickers";

export const DEFAULT_STRENGTH = 0.5;

interface VariationsDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The prompt of the image the variations are made from (for the description). */
  prompt: string;
  defaultCount: BatchCount;
  /** Images left today (null: unknown). */
  remaining?: number | null;
  /** Starts the variations; the dialog closes. */
  onSubmit: (input: Required<VariationsInput>) => void;
}

/** "Variations": how many, and how far from the original (strength 0..1). */
export function VariationsDialog({
  open,
  onOpenChange,
  prompt,
  defaultCount,
  remaining = null,
  onSubmit,
}: VariationsDialogProps) {
  const t = useTranslations("results.variations");
  const format = useFormatter();
  const [count, setCount] = useState<BatchCount>(defaultCount);
  const [strength, setStrength] = useState(DEFAULT_STRENGTH);
  const id = useId();
  const strengthId = `${id}-strength`;
  const percent = format.number(strength, { style: "percent", maximumFractionDigits: 0 });
  const position = strength < 0.34 ? "closer" : strength > 0.66 ? "further" : "between";

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="variations-dialog">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription className="[overflow-wrap:anywhere]">
            {t("description", {
              prompt: prompt.length > 90 ? `${prompt.slice(0, 89)}…` : prompt,
            })}
          </DialogDescription>
        </DialogHeader>
        <form
          className="flex flex-col gap-5"
          onSubmit={(event) => {
            event.preventDefault();
            onOpenChange(false);
            onSubmit({ count, strength });
          }}
        >
          <CountPicker id={`${id}-count`} value={count} onChange={setCount} remaining={remaining} />
          <div className="flex flex-col gap-2">
            <div className="flex items-baseline justify-between gap-3">
              <label htmlFor={strengthId} className="text-ink text-sm font-medium">
                {t("strength")}
              </label>
              <output htmlFor={strengthId} className="text-ink-muted text-xs tabular-nums">
                {percent}
              </output>
            </div>
            <input
              id={strengthId}
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={strength}
              onChange={(event) => setStrength(Number(event.target.value))}
              aria-valuetext={t("strengthValue", { percent, position })}
              className="accent-primary h-11 w-full cursor-pointer sm:h-8"
              data-testid="variations-strength"
            />
            <div className="text-ink-muted flex justify-between gap-3 text-xs" aria-hidden="true">
              <span>{t("closer")}</span>
              <span>{t("further")}</span>
            </div>
          </div>
          <DialogFooter>
            <Button variant="ghost" onClick={() => onOpenChange(false)}>
              {t("cancel")}
            </Button>
            <Button type="submit" data-testid="variations-submit">
              <Shuffle aria-hidden="true" />
              {t("submit", { count })}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
