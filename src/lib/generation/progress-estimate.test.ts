import { describe, expect, it } from "vitest";
import { describeRemaining, estimateProgress } from "./progress-estimate";

const base = { startedAt: 0, stageStartedAt: 0, now: 0 };

describe("estimateProgress", () => {
  it("shows the server's stage percent and no ETA without history", () => {
    const estimate = estimateProgress({
      ...base,
      stage: "generating",
      serverPercent: 10,
      now: 60_000,
      medianMs: null,
    });
    expect(estimate).toEqual({ percent: 10, remainingMs: null, overdue: false });
    expect(describeRemaining(estimate)).toBeNull();
  });

  it("moves through the generating stage toward the median", () => {
    const at = (now: number) =>
      estimateProgress({
        stage: "generating",
        serverPercent: 10,
        startedAt: 0,
        stageStartedAt: 0,
        now,
        medianMs: 10_000,
      });
    const early = at(1_000);
    const middle = at(4_000);
    const late = at(8_500);
    expect(early.percent).toBeGreaterThan(10);
    expect(middle.percent).toBeGreaterThan(early.percent);
    expect(late.percent).toBeGreaterThan(middle.percent);
    expect(late.percent).toBeLessThan(70);
    expect(middle.remainingMs).toBe(6_000);
    expect(describeRemaining(middle)).toEqual({ key: "seconds", seconds: 6 });
  });

  it("never reaches the next stage, nor 100%, however long a stage takes", () => {
    const stuck = estimateProgress({
      stage: "generating",
      serverPercent: 10,
      startedAt: 0,
      stageStartedAt: 0,
      now: 10 * 60_000,
      medianMs: 5_000,
    });
    expect(stuck.percent).toBeLessThan(70);
    expect(stuck.overdue).toBe(true);
    expect(describeRemaining(stuck)).toEqual({ key: "overdue" });
    const saving = estimateProgress({
      stage: "storing",
      serverPercent: 85,
      startedAt: 0,
      stageStartedAt: 0,
      now: 10 * 60_000,
      medianMs: 5_000,
    });
    expect(saving.percent).toBeLessThan(100);
    expect(saving.percent).toBeGreaterThanOrEqual(85);
  });

  it("does not go backwards when the next stage begins", () => {
    const generating = estimateProgress({
      stage: "generating",
      serverPercent: 10,
      startedAt: 0,
      stageStartedAt: 0,
      now: 30_000,
      medianMs: 10_000,
    });
    const processing = estimateProgress({
      stage: "processing",
      serverPercent: 70,
      startedAt: 0,
      stageStartedAt: 30_000,
      now: 30_000,
      medianMs: 10_000,
    });
    expect(processing.percent).toBeGreaterThanOrEqual(generating.percent);
  });

  it("words long waits in minutes", () => {
    const estimate = estimateProgress({
      stage: "generating",
      serverPercent: 10,
      startedAt: 0,
      stageStartedAt: 0,
      now: 0,
      medianMs: 150_000,
    });
    expect(describeRemaining(estimate)).toEqual({ key: "minutes", minutes: 3 });
  });
});
