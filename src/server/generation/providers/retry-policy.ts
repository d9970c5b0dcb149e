import "server-only";

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 20_000;

/**
 * Exponential backoff with full jitter: a uniform draw in [0, min(cap, base·2^(n-1))) before
 * retry n (n ≥ 1), so many clients that failed together do not come back together.
 */
export function fullJitterDelay(retryNumber: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, retryNumber - 1));
  return Math.floor(random() * ceiling);
}

/** A google.protobuf.Duration in its JSON form ("7s", "0.5s", "20.397s") → milliseconds. */
export function parseDurationMs(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  if (!match?.[1]) return null;
  return Math.ceil(Number(match[1]) * 1_000);
}

/** A sleep that ends early, rejecting, when the signal aborts. */
export function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortErrorFrom(signal));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(abortErrorFrom(signal));
    }
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}

/** The error to throw for a caller's abort: its reason when that is an AbortError. */
export function abortErrorFrom(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error && reason.name === "AbortError") return reason;
  return new DOMException("The image request was cancelled.", "AbortError");
}
