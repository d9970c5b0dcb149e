import type { Quota } from "@/shared/api-types";

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
