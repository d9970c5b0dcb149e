import { describe, expect, it } from "vitest";
import {
  isApiKeyRejection,
  isZeroQuota,
  readGoogleRpcError,
  retryDelayMs,
} from "./google-rpc-error";

const quotaFailure = (violations: unknown[]) => ({
  "@type": "type.googleapis.com/google.rpc.QuotaFailure",
  violations,
});

function rpc(status: number, error: Record<string, unknown>) {
  return readGoogleRpcError(status, JSON.stringify({ error: { code: status, ...error } }));
}

describe("reading Google's error bodies", () => {
  it("finds the API_KEY_INVALID reason in an ErrorInfo detail", () => {
    const error = rpc(400, {
      message: "Some other wording.",
      status: "INVALID_ARGUMENT",
      details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID" }],
    });
    expect(isApiKeyRejection(error)).toBe(true);
    expect(isApiKeyRejection(rpc(400, { message: "Invalid JSON payload received." }))).toBe(false);
  });

  it("reads RetryInfo.retryDelay", () => {
    const error = rpc(429, {
      details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "12s" }],
    });
    expect(retryDelayMs(error)).toBe(12_000);
    expect(retryDelayMs(rpc(429, {}))).toBeNull();
  });

  it("tells a project without quota (limit: 0) from one over its limit", () => {
    const zero = rpc(429, {
      message: "Quota exceeded for metric: x, limit: 0, model: y",
      details: [quotaFailure([{ quotaMetric: "x", quotaId: "y-FreeTier" }])],
    });
    expect(isZeroQuota(zero)).toBe(true);
    const zeroByValue = rpc(429, {
      message: "Quota exceeded.",
      details: [quotaFailure([{ quotaValue: "0" }])],
    });
    expect(isZeroQuota(zeroByValue)).toBe(true);
    const overLimit = rpc(429, {
      message: "Quota exceeded for metric: x, limit: 10, model: y",
      details: [quotaFailure([{ quotaMetric: "x", quotaValue: "10" }])],
    });
    expect(isZeroQuota(overLimit)).toBe(false);
    expect(isZeroQuota(rpc(429, { message: "limit: 0.5 per second" }))).toBe(false);
  });

  it("keeps a non-JSON error text as the message", () => {
    const error = readGoogleRpcError(502, "<html>Bad gateway</html>");
    expect(error).toEqual({
      httpStatus: 502,
      rpcStatus: null,
      message: "<html>Bad gateway</html>",
      details: [],
    });
  });
});
