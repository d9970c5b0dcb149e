import { PRIVATE_CACHES, SHARED_IMAGE_CACHE_KEY } from "@/lib/pwa/offline-contract";

/**
 * Browser-only. The image another app shared into the studio (the service worker stored it
 * under SHARED_IMAGE_CACHE_KEY); taking it removes it, so it is used once.
 */
export async function takeSharedImage(): Promise<File | null> {
  if (typeof caches === "undefined") return null;
  const cache = await caches.open(PRIVATE_CACHES.shareTarget);
  const response = await cache.match(SHARED_IMAGE_CACHE_KEY);
  if (!response) return null;
  const blob = await response.blob();
  await cache.delete(SHARED_IMAGE_CACHE_KEY);
  if (blob.size === 0) return null;
  const name = readFileName(response.headers.get("content-disposition")) ?? "shared-image";
  return new File([blob], name, { type: blob.type || response.headers.get("content-type") || "" });
}

function readFileName(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through to the plain form */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? null;
}
