import type { Quota } from "@/shared/api-types";

/** "in 5 h", "in 42 min", "in under a minute", or null for a time that does not parse. */
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

export interface QuotaSummary {
  /** "12 of 50 left today · resets in 5 h" */
  text: string;
  tone: QuotaTone;
  /** Null when there is no daily limit. */
  remaining: number | null;
}

export function describeQuota(quota: Quota, now: number): QuotaSummary {
  if (quota.dailyLimit === null || quota.remainingToday === null) {
    return { text: "No daily limit", tone: "normal", remaining: null };
  }
  const remaining = Math.max(0, quota.remainingToday);
  const resetsIn = formatResetsIn(quota.resetsAt, now);
  const left = `${remaining} of ${quota.dailyLimit} left today`;
  const tone: QuotaTone =
    remaining === 0 ? "empty" : remaining <= quota.dailyLimit * 0.2 ? "low" : "normal";
  return { text: resetsIn ? `${left} · resets ${resetsIn}` : left, tone, remaining };
}
