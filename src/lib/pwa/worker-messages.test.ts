import { describe, expect, it } from "vitest";
import { isWorkerMessage } from "./worker-messages";

describe("isWorkerMessage", () => {
  it("accepts every message of the contract", () => {
    for (const message of [
      { type: "clear-private-data" },
      { type: "private-data-cleared" },
      { type: "session-ended" },
      { type: "outbox-flushed", sent: 3 },
      { type: "cache-page", url: "https://studio.example.com/gallery" },
    ]) {
      expect(isWorkerMessage(message), message.type).toBe(true);
    }
  });

  it("refuses anything else postMessage may carry", () => {
    for (const value of [
      null,
      "session-ended",
      { type: "SKIP_WAITING" },
      { type: "outbox-flushed" },
      { type: "outbox-flushed", sent: -1 },
      { type: "outbox-flushed", sent: 1.5 },
      { type: "cache-page" },
      { type: "cache-page", url: 42 },
    ]) {
      expect(isWorkerMessage(value), JSON.stringify(value)).toBe(false);
    }
  });
});
