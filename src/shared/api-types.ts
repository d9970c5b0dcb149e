import type { Locale } from "@/i18n/locales";
import type { ApiErrorBody } from "./api-errors";
import type { ApiKeyScope } from "./schemas/api-keys";
import type { ImageProviderId, KeyProvider } from "./limits";
import type { AspectRatio, Quality } from "./schemas/settings";
import type { TemplateCategory } from "./schemas/templates";

/** Response shapes of /api/v1 (see shared/API.md). Isomorphic. */
export interface User {
  id: string;
  email: string;
  name: string;
  role: "user" | "admin";
  tier: "free" | "supporter";
  avatarUrl: string | null;
  createdAt: string;
  /** The address is confirmed (by the mailed link, or by Supabase Auth). */
  emailVerified: boolean;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** epoch seconds */
  expiresAt: number;
}

export interface Quota {
  dailyLimit: number | null;
  usedToday: number;
  remainingToday: number | null;
  monthlyLimit: number | null;
  usedThisMonth: number;
  resetsAt: string;
}

export interface Settings {
  emailNotifications: boolean;
  defaultQuality: Quality;
  defaultAspectRatio: AspectRatio;
  autoSaveGallery: boolean;
  enableOfflineCache: boolean;
  /** The user's stored provider keys (never the key itself). */
  providers: ProviderKeyInfo[];
  /** The provider that makes images first. */
  defaultProvider: KeyProvider;
  /** Providers tried next, in order, when the one before fails for quota, rate or availability. */
  fallbackOrder: KeyProvider[];
  /** How many images the composer asks for by default (1..4). */
  defaultCount: number;
  /** The account's language; until one is chosen, the language this request's browser asks for. */
  locale: Locale;
}

export interface ProviderKeyInfo {
  provider: KeyProvider;
  last4: string;
  validatedAt: string;
}

/** GET /auth/sessions: one signed-in session (a browser, an app, a script's login). */
export interface SessionInfo {
  id: string;
  /** The session this request came from. */
  current: boolean;
  /** A short label from the user agent: "Chrome on Android", "Safari on iPhone". */
  device: string;
  userAgent: string | null;
  /** The address of its latest recorded request, as the server saw it (null when unknown). */
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
}

/** A personal API key as listed; the key itself is shown once, at creation, and never again. */
/** A browser that gets Web Push when a generation finishes unwatched (GET /notifications/push). */
export interface PushDevice {
  id: string;
  /** A short label from the user agent that subscribed: "Chrome on Android". */
  device: string;
  createdAt: string;
  lastSuccessAt: string | null;
  /** The browser whose endpoint the request named (`?endpoint=`). */
  current: boolean;
}

/** GET /notifications/push: whether the host configured push, and the caller's devices. */
export interface PushOverview {
  /** False when the host has no VAPID keys: push is off for everyone. */
  enabled: boolean;
  /** The VAPID public key for pushManager.subscribe (base64url), null when not enabled. */
  publicKey: string | null;
  subscriptions: PushDevice[];
}

export interface ApiKey {
  id: string;
  name: string;
  /** The 8 characters after `ais_`, to tell keys apart. */
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  lastUsedAt: string | null;
  /** null: never expires. */
  expiresAt: string | null;
}

/** POST /api-keys: the key in full, this once. */
export interface CreatedApiKey {
  apiKey: ApiKey;
  key: string;
}

export interface Profile {
  user: User;
  quota: Quota;
  settings: Settings;
  providerKey: ProviderKeyInfo | null;
}

export interface StyleTemplate {
  id: string;
  slug: string;
  name: string;
  description: string;
  category: TemplateCategory;
  promptPrefix: string;
  promptSuffix: string;
  negativePrompt: string;
  parameters: {
    aspectRatio?: AspectRatio;
    quality?: Quality;
    [key: string]: unknown;
  };
  previewUrl: string;
  sortOrder: number;
}

export interface HealthReport {
  status: "ok" | "degraded";
  mode: "embedded" | "production" | "mixed";
  checks: Record<
    "database" | "storage" | "kv",
    { ok: boolean; adapter: string; latencyMs: number; error?: string }
  >;
}

export type ImageVariant = "original" | "150" | "300" | "800" | "1920";

export interface Image {
  id: string;
  /** The author's id, for the author only: null on anyone else's image. */
  userId: string | null;
  prompt: string;
  negativePrompt: string | null;
  styleTemplateId: string | null;
  aspectRatio: AspectRatio;
  quality: Quality;
  width: number;
  height: number;
  seed: number;
  model: string;
  /** Which provider made it. */
  provider: ImageProviderId;
  tags: string[];
  isPublic: boolean;
  /** The author's own mark: always false on anyone else's image. */
  favorite: boolean;
  /** The image it was made from: an edit's or variation's source, a composition's first. */
  parentId: string | null;
  /**
   * Every gallery image it was made from, in the order the prompt calls them "image 1",
   * "image 2", … (uploaded files are not listed); empty for text-to-image.
   */
  sourceImageIds: string[];
  generationTimeMs: number;
  downloadCount: number;
  createdAt: string;
  updatedAt: string;
  /** The share page, while the image is public. */
  shareUrl: string | null;
  urls: {
    original: string;
    thumbnails: Partial<Record<"150" | "300" | "800" | "1920", string>>;
  };
}

export type GenerationStage = "queued" | "generating" | "processing" | "storing";

/** GET /generations/:id — a generation (a batch of `count` images) as a job. */
export interface GenerationJob {
  id: string;
  status: "queued" | "generating" | "storing" | "done" | "failed";
  count: number;
  /** The images stored so far (all of them once done), in order. */
  images: Image[];
  /** The images of the batch that were not made; each gave its quota unit back. */
  failed: { error: ApiErrorBody }[];
  /** Why the job failed (when none was made), else null. */
  error: ApiErrorBody | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface GenerationProgress {
  stage: GenerationStage;
  percent: number;
}

export interface GenerationTimings {
  /** Median generation time of this user's recent images, for the progress ETA; null without history. */
  medianMs: number | null;
  samples: number;
}

export interface PublicImage extends Image {
  author: { name: string };
}

export interface Collection {
  id: string;
  userId: string;
  name: string;
  description: string;
  isPublic: boolean;
  coverImageId: string | null;
  /** The cover's 300 px thumbnail (or the newest image's), null when empty. */
  coverUrl: string | null;
  imageCount: number;
  shareUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ImageLineage {
  /** From the root down to the image's parent. */
  ancestors: Image[];
  /**
   * Every image it was made from that the viewer may see, in sourceImageIds order (the first
   * is the parent; a composition has up to four).
   */
  sources: Image[];
  /** Images made from this one (edits, variations, compositions that used it), newest first. */
  descendants: Image[];
}

/** One account as the admin's Users section shows it (GET /admin/users). */
export interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: "user" | "admin";
  tier: "free" | "supporter";
  emailVerified: boolean;
  createdAt: string;
  suspended: boolean;
  suspendedAt: string | null;
  /** The account's own limits; null: the studio's default. */
  dailyLimit: number | null;
  monthlyLimit: number | null;
  usage: { generationsToday: number; generationsThisMonth: number; images: number };
  /** Bytes of every stored file of the account's images (originals and thumbnails). */
  storageBytes: number;
}

/** One audit log entry (GET /admin/audit). */
export interface AdminAuditEntry {
  id: string;
  createdAt: string;
  action: string;
  actorId: string | null;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  metadata: Record<string, unknown>;
}
