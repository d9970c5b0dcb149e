/*
 * "The outbox changed": lets every tab's queued list refresh after an enqueue, a cancel or a
 * flush elsewhere. Worker-safe (BroadcastChannel exists in workers).
 */

const CHANNEL = "studio-outbox";
const local = new Set<() => void>();

export function announceOutboxChanged(): void {
  for (const listener of local) listener();
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: "changed" });
  channel.close();
}

export function onOutboxChanged(listener: () => void): () => void {
  local.add(listener);
  const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(CHANNEL);
  if (channel) channel.onmessage = () => listener();
  return () => {
    local.delete(listener);
    channel?.close();
  };
}
