/**
 * What a Web Push message from the studio carries (encrypted end to end; the push service sees
 * none of it), sent by src/server/notifications/push-service.ts and shown by the service worker
 * (src/app/sw.ts) through notificationFromPush.
 */
export interface GenerationPushMessage {
  kind: "generation-finished";
  /** The language title and body are in (the account's), for the notification's `lang`. */
  lang?: string;
  title: string;
  /** The prompt, cut short. */
  body: string;
  /** The studio page the notification opens (same origin): the first image's. */
  url: string;
  /** One notification per generation: a later message for it replaces the earlier one. */
  tag: string;
  imageIds: string[];
}

export const PUSH_ICON = "/icons/icon-192.png";
const FALLBACK_URL = "/gallery";

/** A same-origin path, or the gallery: a message never sends the person elsewhere. */
function safePath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) {
    return FALLBACK_URL;
  }
  return value;
}

const text = (value: unknown, fallback: string, max: number) =>
  typeof value === "string" && value.trim() !== "" ? value.slice(0, max) : fallback;

/**
 * The notification to show for a push message's JSON (or anything else that arrived): browsers
 * require one for every push, so an unreadable message still says the images are ready.
 */
export function notificationFromPush(data: unknown): {
  title: string;
  options: NotificationOptions & { data: { url: string; imageIds: string[] } };
} {
  const message = data && typeof data === "object" ? (data as Partial<GenerationPushMessage>) : {};
  const imageIds = Array.isArray(message.imageIds)
    ? message.imageIds.filter((id): id is string => typeof id === "string").slice(0, 4)
    : [];
  return {
    title: text(message.title, "Your images are ready", 100),
    options: {
      body: text(message.body, "", 200),
      ...(typeof message.lang === "string" && /^[a-z]{2}(-[A-Z]{2})?$/.test(message.lang)
        ? { lang: message.lang }
        : {}),
      icon: PUSH_ICON,
      badge: PUSH_ICON,
      tag: text(message.tag, "studio-generation", 80),
      data: { url: safePath(message.url), imageIds },
    },
  };
}
