import type { GenerationStage } from "@/shared/api-types";

export const STAGE_ORDER: readonly GenerationStage[] = [
  "queued",
  "generating",
  "processing",
  "storing",
];

/** The bar's span for each stage; the server reports 0, 10, 70 and 85 as each begins. */
const STAGE_SPANS: Record<GenerationStage, readonly [number, number]> = {
  queued: [0, 10],
  generating: [10, 70],
  processing: [70, 85],
  storing: [85, 97],
};

/** Nearly all of a generation is the provider's turn; the stages after it take a moment. */
const GENERATING_SHARE = 0.85;
const SHORT_STAGE_MS = 1500;
/** At the expected end of a stage the bar has covered 90% of its span (1 - e^-ln10). */
const EASING = Math.LN10;

export interface ProgressInput {
  stage: GenerationStage;
  /** The `percent` of the last progress event. */
  serverPercent: number;
  /** When the request was sent, and when the current stage began (ms). */
  startedAt: number;
  stageStartedAt: number;
  now: number;
  /** The user's median generation time; null without history (then: stages only, no ETA). */
  medianMs: number | null;
}

export interface ProgressEstimate {
  /** 0..97 while running: only `done` fills the bar. */
  percent: number;
  /** Time left by the median, or null without one. */
  remainingMs: number | null;
  /** Past the median and still running. */
  overdue: boolean;
}

/**
 * Where the progress bar stands: the server's stage percent, animated within the stage toward
 * its end when a median is known. It eases so that it never reaches the next stage (or 100%)
 * on its own, however long the stage takes.
 */
export function estimateProgress(input: ProgressInput): ProgressEstimate {
  const [from, to] = STAGE_SPANS[input.stage];
  const base = clamp(Math.max(input.serverPercent, from), 0, to - 1);
  if (input.medianMs === null || input.medianMs <= 0) {
    return { percent: base, remainingMs: null, overdue: false };
  }
  const expectedStageMs =
    input.stage === "generating"
      ? input.medianMs * GENERATING_SHARE
      : input.stage === "queued"
        ? Math.min(SHORT_STAGE_MS, input.medianMs * 0.05)
        : SHORT_STAGE_MS;
  const fraction = Math.max(0, input.now - input.stageStartedAt) / expectedStageMs;
  const eased = 1 - Math.exp(-EASING * fraction);
  const percent = base + (to - 1 - base) * eased;
  const remaining = input.medianMs - Math.max(0, input.now - input.startedAt);
  return {
    percent: clamp(percent, 0, to - 1),
    remainingMs: Math.max(0, remaining),
    overdue: remaining <= 0,
  };
}

/** Which sentence says the time left (catalogue `results.progress.remaining`). */
export type RemainingText =
  | { key: "overdue" }
  | { key: "almost" }
  | { key: "seconds"; seconds: number }
  | { key: "minutes"; minutes: number };

/** "About 12 s left", "About 2 min left", or a patient note once past the median. */
export function describeRemaining(estimate: ProgressEstimate): RemainingText | null {
  if (estimate.remainingMs === null) return null;
  if (estimate.overdue) return { key: "overdue" };
  const seconds = Math.ceil(estimate.remainingMs / 1000);
  if (seconds <= 2) return { key: "almost" };
  if (seconds < 60) return { key: "seconds", seconds };
  return { key: "minutes", minutes: Math.round(seconds / 60) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
