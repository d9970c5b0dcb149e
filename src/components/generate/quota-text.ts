import type { Quota } from "@/shared/api-types";

/**
 * "in 5 h", "in 42 min", "in under a minute", or null for a time that does not parse.
 * English only: error-guidance.ts still words a quota error's reset with it.
 */
export function formatResetsIn(resetsAt: string, now: number): string | null {
  const at = Date.parse(resetsAt);
  if (Number.isNaN(at)) return null;
  const minutes = Math.ceil((at - now) / 60_000);
  if (minutes <= 1) return "in under a minute";
  if (minutes < 60) return `in ${minutes} min`;
  if (minutes < 90) return "in 1 h";
  return `in ${Math.round(minutes / 60)} h`;
}

export type QuotaTone = "normal" | "low" | "empty";

/** What the quota line says, for the catalogue's generate.quota messages. */
export type QuotaSummary =
  /** No daily limit (admins). */
  | { kind: "unlimited"; tone: "normal"; remaining: null }
  /** "12 of 50 left today · resets at 7:00 AM"; `resetsAt` is null when it does not parse. */
  | {
      kind: "limited";
      tone: QuotaTone;
      remaining: number;
      limit: number;
      resetsAt: Date | null;
    };

export function describeQuota(quota: Quota): QuotaSummary {
  if (quota.dailyLimit === null || quota.remainingToday === null) {
    return { kind: "unlimited", tone: "normal", remaining: null };
  }
  const remaining = Math.max(0, quota.remainingToday);
  const at = Date.parse(quota.resetsAt);
  const tone: QuotaTone =
    remaining === 0 ? "empty" : remaining <= quota.dailyLimit * 0.2 ? "low" : "normal";
  return {
    kind: "limited",
    tone,
    remaining,
    limit: quota.dailyLimit,
    resetsAt: Number.isNaN(at) ? null : new Date(at),
  };
}
