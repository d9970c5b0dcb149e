/**
 * Isomorphic (page and service worker): recognises the messages of offline-contract.ts in
 * whatever postMessage delivered, so neither side trusts an arbitrary `data` shape.
 */
import type { WorkerMessage } from "./offline-contract";

const SIMPLE_TYPES = new Set<string>([
  "clear-private-data",
  "private-data-cleared",
  "session-ended",
]);

export function isWorkerMessage(value: unknown): value is WorkerMessage {
  if (typeof value !== "object" || value === null) return false;
  const type = (value as { type?: unknown }).type;
  if (typeof type !== "string") return false;
  if (SIMPLE_TYPES.has(type)) return true;
  if (type === "outbox-flushed") {
    const sent = (value as { sent?: unknown }).sent;
    return typeof sent === "number" && Number.isInteger(sent) && sent >= 0;
  }
  if (type === "cache-page") return typeof (value as { url?: unknown }).url === "string";
  return false;
}
