"use client";

import { useTranslations } from "next-intl";
import {
  ASPECT_RATIOS,
  BATCH_COUNTS,
  QUALITIES,
  type AspectRatio,
  type BatchCount,
  type Quality,
} from "@/shared/limits";
import { ChoiceRadios, type Choice } from "./choice-radios";

/** Each ratio's name's key under generate.aspect.names. */
const ASPECT_NAMES = {
  "1:1": "square",
  "16:9": "wide",
  "9:16": "story",
  "4:3": "landscape",
  "3:4": "portrait",
} as const satisfies Record<AspectRatio, string>;

/** The ratio drawn as a frame inside a 28×28 box. */
function RatioShape({ ratio }: { ratio: AspectRatio }) {
  const [w = 1, h = 1] = ratio.split(":").map(Number);
  const scale = 22 / Math.max(w, h);
  const width = w * scale;
  const height = h * scale;
  return (
    <svg viewBox="0 0 28 28" className="size-7" aria-hidden="true">
      <rect
        x={(28 - width) / 2}
        y={(28 - height) / 2}
        width={width}
        height={height}
        rx="3"
        fill="currentColor"
        fillOpacity="0.14"
        stroke="currentColor"
        strokeWidth="1.75"
      />
    </svg>
  );
}

export function AspectRatioPicker({
  id,
  value,
  onChange,
  note,
}: {
  id: string;
  value: AspectRatio;
  onChange: (value: AspectRatio) => void;
  note: string | null;
}) {
  const t = useTranslations("generate.aspect");
  const names = useTranslations("generate.aspect.names");
  const choices: readonly Choice<AspectRatio>[] = ASPECT_RATIOS.map((ratio) => ({
    value: ratio,
    label: ratio,
    description: names(ASPECT_NAMES[ratio]),
    visual: <RatioShape ratio={ratio} />,
  }));
  return (
    <ChoiceRadios
      id={id}
      name="aspectRatio"
      legend={t("legend")}
      legendAside={note ? <span className="text-ink-muted truncate text-xs">{note}</span> : null}
      choices={choices}
      value={value}
      onChange={onChange}
      columns="grid-cols-5"
      compact
      testId="aspect-ratio-picker"
    />
  );
}

export function QualityPicker({
  id,
  value,
  onChange,
}: {
  id: string;
  value: Quality;
  onChange: (value: Quality) => void;
}) {
  const t = useTranslations("generate.quality");
  const choices: readonly Choice<Quality>[] = QUALITIES.map((quality) =>
    quality === "standard"
      ? { value: quality, label: t("standard"), description: t("standardDescription") }
      : { value: quality, label: t("high"), description: t("highDescription") },
  );
  return (
    <ChoiceRadios
      id={id}
      name="quality"
      legend={t("legend")}
      choices={choices}
      value={value}
      onChange={onChange}
      columns="grid-cols-2"
      testId="quality-picker"
    />
  );
}

const COUNT_CHOICES: readonly Choice<`${BatchCount}`>[] = BATCH_COUNTS.map((count) => ({
  value: `${count}`,
  label: String(count),
}));

/** How many images one prompt makes: a segmented control of 1 to 4. */
export function CountPicker({
  id,
  value,
  onChange,
  remaining,
}: {
  id: string;
  value: BatchCount;
  onChange: (value: BatchCount) => void;
  /** Images left today, to say when the batch asks for more than that. */
  remaining: number | null;
}) {
  const t = useTranslations("generate.count");
  return (
    <ChoiceRadios
      id={id}
      name="count"
      legend={t("legend")}
      legendAside={
        <span className="text-ink-muted text-xs" data-testid="count-note">
          {remaining !== null && value > remaining
            ? t("onlyLeft", { remaining })
            : t("note", { count: value })}
        </span>
      }
      choices={COUNT_CHOICES}
      value={`${value}`}
      onChange={(next) => onChange(Number(next) as BatchCount)}
      columns="grid-cols-4"
      testId="count-picker"
    />
  );
}
