import "server-only";
import { createTranslator } from "use-intl/core";
import { CATALOGUES } from "@/i18n/catalogues";
import { readRecipientLocale } from "@/server/mail/recipient-locale";
import { createECDH } from "node:crypto";
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { Agent } from "node:https";
import { BlockList, isIP } from "node:net";
import { and, asc, desc, eq, inArray, notInArray } from "drizzle-orm";
import webpush, { WebPushError } from "web-push";
import type { PushDevice, PushOverview } from "@/shared/api-types";
import type { PushSubscriptionInput } from "@/shared/schemas/push";
import type { GenerationPushMessage } from "@/shared/push-message";
import { deviceLabel } from "@/server/auth/device-label";
import type { VapidIdentity } from "@/server/config/vapid-keys";
import type { Database } from "@/server/db/database";
import { images, pushSubscriptions } from "@/server/db/schema";
import { AppError } from "@/server/http/app-error";
import { logger } from "@/server/observability/logger";

/** Devices kept per person; subscribing one more forgets the oldest (likely a stale browser). */
export const PUSH_DEVICES_PER_USER = 20;
/** How long one push service gets to accept a message before it counts as failed. */
const SEND_TIMEOUT_MS = 5_000;
/** How long a push service keeps a message for a device that is offline (seconds). */
const TIME_TO_LIVE_S = 24 * 60 * 60;
/** The prompt in the notification's body is cut here (the whole payload must stay small). */
const BODY_MAX = 120;

export interface PushReport {
  sent: number;
  /** Subscriptions the push service said are gone (404/410): deleted. */
  removed: number;
  failed: number;
}

export interface PushService {
  /** False without VAPID keys: nothing is sent and subscribing is refused. */
  readonly enabled: boolean;
  overview(input: { userId: string; currentEndpoint?: string }): Promise<PushOverview>;
  /** Adds this browser (or moves its endpoint to this user); 201 with the device. */
  subscribe(input: {
    userId: string;
    subscription: PushSubscriptionInput;
    userAgent: string | null;
  }): Promise<PushDevice>;
  /** Forgets one of the caller's devices; anyone else's (or an unknown id) is NOT_FOUND. */
  remove(input: { userId: string; id: string }): Promise<void>;
  /**
   * Tells each of the person's devices that these images are stored (one message per device,
   * sent in parallel with a short timeout). A no-op without VAPID keys or subscriptions; never
   * rejects: failures are logged without endpoints or keys.
   */
  notifyGenerationFinished(input: { userId: string; imageIds: string[] }): Promise<PushReport>;
}

/**
 * Whether the server may POST to this endpoint: push services are public hosts, so an address
 * literal, localhost or an internal name is refused (the server must not be made to call into
 * its own network).
 */
export function isPublicPushEndpoint(endpoint: string): boolean {
  const host = new URL(endpoint).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (isIP(host) !== 0) return false;
  if (!host.includes(".")) return false;
  return !/(^|\.)(localhost|local|internal|lan|home|intranet|corp)$/.test(host);
}

/** Addresses no push service has: loopback, private, link-local, carrier NAT, multicast… */
const PRIVATE_ADDRESSES = (() => {
  const list = new BlockList();
  for (const [network, prefix] of [
    ["0.0.0.0", 8],
    ["10.0.0.0", 8],
    ["100.64.0.0", 10],
    ["127.0.0.0", 8],
    ["169.254.0.0", 16],
    ["172.16.0.0", 12],
    ["192.0.0.0", 24],
    ["192.168.0.0", 16],
    ["198.18.0.0", 15],
    ["224.0.0.0", 3],
  ] as const) {
    list.addSubnet(network, prefix, "ipv4");
  }
  // IPv4-mapped IPv6 (::ffff:a.b.c.d) is matched by the IPv4 rules above.
  for (const [network, prefix] of [
    ["::", 127],
    ["64:ff9b::", 96],
    ["fc00::", 7],
    ["fe80::", 10],
    ["ff00::", 8],
  ] as const) {
    list.addSubnet(network, prefix, "ipv6");
  }
  return list;
})();

/** Whether the server may connect to this address for a push service (public unicast only). */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !PRIVATE_ADDRESSES.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * DNS for push requests that refuses names resolving to a private address, so a public-looking
 * endpoint cannot point the server at its own network (checked at connect time, where it counts).
 */
function publicOnlyLookup(
  hostname: string,
  options: LookupOptions,
  callback: (
    error: NodeJS.ErrnoException | null,
    address: string | LookupAddress[],
    family?: number,
  ) => void,
): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const usable = addresses.filter((entry) => isPublicAddress(entry.address));
    if (usable.length === 0) {
      const refused: NodeJS.ErrnoException = new Error("push endpoint has no public address");
      refused.code = "ENOTFOUND";
      return callback(refused, []);
    }
    if (options.all) return callback(null, usable);
    callback(null, usable[0]!.address, usable[0]!.family);
  });
}

function isCurvePoint(p256dh: string): boolean {
  try {
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    ecdh.computeSecret(Buffer.from(p256dh, "base64url"));
    return true;
  } catch {
    return false;
  }
}

function invalid(path: string, message: string): AppError {
  return new AppError("VALIDATION_ERROR", `Invalid body: ${path}: ${message}`, {
    issues: [{ path, message }],
  });
}

function cut(text: string, max: number): string {
  const chars = [...text.trim().replace(/\s+/g, " ")];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

type Row = typeof pushSubscriptions.$inferSelect;

function toDevice(row: Row, currentEndpoint: string | undefined): PushDevice {
  return {
    id: row.id,
    device: row.device,
    createdAt: new Date(row.createdAt).toISOString(),
    lastSuccessAt: row.lastSuccessAt ? new Date(row.lastSuccessAt).toISOString() : null,
    current: currentEndpoint !== undefined && row.endpoint === currentEndpoint,
  };
}

export function createPushService(deps: {
  db: Database;
  vapid: VapidIdentity | null;
  /** Which endpoints may be called (default: public hosts only; tests allow their local one). */
  allowEndpoint?: (endpoint: string) => boolean;
  /**
   * The https agent web-push sends through: by default one whose DNS refuses private addresses
   * (tests: one that trusts the local push service's certificate).
   */
  agent?: Agent;
}): PushService {
  const { db, vapid } = deps;
  const allowEndpoint = deps.allowEndpoint ?? isPublicPushEndpoint;
  const agent = deps.agent ?? new Agent({ lookup: publicOnlyLookup, keepAlive: true });

  async function send(row: Row, payload: string): Promise<"sent" | "removed" | "failed"> {
    if (!vapid) return "failed";
    try {
      await webpush.sendNotification(
        { endpoint: row.endpoint, keys: { p256dh: row.p256dh, auth: row.auth } },
        payload,
        {
          vapidDetails: vapid,
          TTL: TIME_TO_LIVE_S,
          timeout: SEND_TIMEOUT_MS,
          urgency: "normal",
          contentEncoding: "aes128gcm",
          agent,
        },
      );
      await db
        .update(pushSubscriptions)
        .set({ lastSuccessAt: new Date() })
        .where(eq(pushSubscriptions.id, row.id));
      return "sent";
    } catch (error) {
      const status = error instanceof WebPushError ? error.statusCode : null;
      if (status === 404 || status === 410) {
        // The browser unsubscribed or the push service expired it: it never comes back.
        await db
          .delete(pushSubscriptions)
          .where(
            and(eq(pushSubscriptions.id, row.id), eq(pushSubscriptions.endpoint, row.endpoint)),
          );
        return "removed";
      }
      // The endpoint is a capability URL and WebPushError carries it: log the status only.
      logger.warn("push message not delivered", {
        subscriptionId: row.id,
        status,
        reason: status === null && error instanceof Error ? error.message.slice(0, 100) : undefined,
      });
      return "failed";
    }
  }

  return {
    enabled: vapid !== null,

    async overview({ userId, currentEndpoint }) {
      const rows = await db
        .select()
        .from(pushSubscriptions)
        .where(eq(pushSubscriptions.userId, userId))
        .orderBy(desc(pushSubscriptions.createdAt), desc(pushSubscriptions.id));
      const devices = rows.map((row) => toDevice(row, currentEndpoint));
      // This browser first, as in the sessions list.
      devices.sort((a, b) => Number(b.current) - Number(a.current));
      return {
        enabled: vapid !== null,
        publicKey: vapid?.publicKey ?? null,
        subscriptions: devices,
      };
    },

    async subscribe({ userId, subscription, userAgent }) {
      if (!vapid) {
        throw new AppError(
          "SERVICE_UNAVAILABLE",
          "Push notifications are not set up on this studio (the host has no VAPID keys).",
        );
      }
      if (!allowEndpoint(subscription.endpoint)) {
        throw invalid("endpoint", "Must be a push service on the public internet.");
      }
      if (!isCurvePoint(subscription.keys.p256dh)) {
        throw invalid("keys.p256dh", "Must be a P-256 public key.");
      }
      const values = {
        userId,
        endpoint: subscription.endpoint,
        p256dh: subscription.keys.p256dh,
        auth: subscription.keys.auth,
        device: cut(deviceLabel(userAgent), 100),
        createdAt: new Date(),
        lastSuccessAt: null,
      };
      return db.transaction(async (tx) => {
        // One row per endpoint: a browser subscribing again (new keys) or for another account
        // takes its row over, so it is never told about two people's images.
        const [row] = await tx
          .insert(pushSubscriptions)
          .values(values)
          .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: values })
          .returning();
        if (!row) throw new Error("push subscription not stored");
        const keep = await tx
          .select({ id: pushSubscriptions.id })
          .from(pushSubscriptions)
          .where(eq(pushSubscriptions.userId, userId))
          .orderBy(desc(pushSubscriptions.createdAt), desc(pushSubscriptions.id))
          .limit(PUSH_DEVICES_PER_USER);
        await tx.delete(pushSubscriptions).where(
          and(
            eq(pushSubscriptions.userId, userId),
            notInArray(
              pushSubscriptions.id,
              keep.map((kept) => kept.id),
            ),
          ),
        );
        return toDevice(row, subscription.endpoint);
      });
    },

    async remove({ userId, id }) {
      const removed = await db
        .delete(pushSubscriptions)
        .where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, userId)))
        .returning({ id: pushSubscriptions.id });
      if (removed.length === 0) throw new AppError("NOT_FOUND", "Device not found.");
    },

    async notifyGenerationFinished({ userId, imageIds }) {
      const report: PushReport = { sent: 0, removed: 0, failed: 0 };
      if (!vapid || imageIds.length === 0) return report;
      try {
        const rows = await db
          .select()
          .from(pushSubscriptions)
          .where(eq(pushSubscriptions.userId, userId));
        if (rows.length === 0) return report;
        const found = await db
          .select({ id: images.id, prompt: images.prompt })
          .from(images)
          .where(and(inArray(images.id, imageIds), eq(images.userId, userId)))
          .orderBy(asc(images.createdAt), asc(images.id));
        const first = found[0];
        if (!first) return report;
        // In the account's language: no browser is at hand when the work finishes.
        const locale = await readRecipientLocale(db, { userId, email: "" });
        const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "push" });
        const payload: GenerationPushMessage = {
          kind: "generation-finished",
          lang: locale,
          title: t("generationFinished", { count: found.length }),
          body: cut(first.prompt, BODY_MAX),
          url: `/images/${first.id}`,
          tag: `generation-${first.id}`,
          imageIds: found.map((image) => image.id),
        };
        const text = JSON.stringify(payload);
        const outcomes = await Promise.all(rows.map((row) => send(row, text)));
        for (const outcome of outcomes) report[outcome] += 1;
      } catch (error) {
        logger.error("push notifications not sent", { userId, error });
      }
      return report;
    },
  };
}
