import type { CSSProperties } from "react";
import type { AspectRatio } from "@/shared/schemas/settings";

/**
 * A box of this ratio as wide as its column but never taller than `maxHeight`: the width is
 * derived from the height limit, so tall ratios stay whole on a short screen.
 */
export function ratioBoxStyle(ratio: AspectRatio | string, maxHeight = "60vh"): CSSProperties {
  const [w = 1, h = 1] = ratio.split(":").map(Number);
  return {
    aspectRatio: `${w} / ${h}`,
    width: `min(100%, calc(${maxHeight} * ${w} / ${h}))`,
  };
}
