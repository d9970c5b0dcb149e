import "server-only";
import { createHash, randomInt } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { GenerationProgress, Image, Quota } from "@/shared/api-types";
import { SEED_MAX, type GenerateInput } from "@/shared/schemas/images";
import type { Database } from "@/server/db/database";
import { collectionImages, collections, images } from "@/server/db/schema";
import { AppError } from "@/server/http/app-error";
import { fileKeyOf, reshapeImage } from "@/server/images/image-files";
import { renderImageVariants } from "@/server/images/image-processing";
import { publicationOf, type ImageRow } from "@/server/images/images-queries";
import type { KvPort } from "@/server/kv/kv-port";
import { consumeRateLimits, type RateLimitState } from "@/server/http/rate-limit";
import { logger } from "@/server/observability/logger";
import type { ProviderKeysService } from "@/server/provider-keys/provider-keys-service";
import {
  consumeQuota,
  readQuota,
  refundQuota,
  type QuotaLimits,
  type QuotaTicket,
} from "@/server/quotas/quota-service";
import {
  claimQueuedFiles,
  queueFileRemovals,
  removeQueuedFiles,
} from "@/server/storage/file-removals";
import type { ObjectStorePort } from "@/server/storage/object-store-port";
import type { TemplatesService } from "@/server/templates/templates-service";
import { recordUsage, type UsageAction } from "@/server/usage/usage-log";
import type { UsersService } from "@/server/users/users-service";
import { claimIdempotencyKey } from "./idempotency";
import { editTitle, prepareInputImages } from "./source-images";
import { resolveProvider, type ProviderCatalog } from "./provider-catalog";
import type { ImageRequest } from "./providers/image-provider-port";

/** How long a generation has to write its row before its files count as abandoned. */
const GENERATION_GRACE_MS = 60 * 60 * 1000;

export interface GenerationRequest {
  userId: string;
  action: UsageAction;
  input: GenerateInput;
  /**
   * The input images as received (validated here): uploads, or an edit's source original.
   * Empty for text-to-image.
   */
  inputImages: Uint8Array[];
  /** The images the inputs came from (own or public), in order; empty for uploads and text. */
  sourceImageIds: string[];
  parentId: string | null;
  /**
   * What the images are titled and searched by, when it is not the prompt the provider gets:
   * an edit's "<original> — edit: <instruction>", a variation's source prompt (source-images.ts).
   */
  title?: string;
  idempotencyKey: string | null;
  requestId: string;
  onProgress?: (progress: GenerationProgress) => void;
}

export interface GenerationOutcome {
  image: Image;
  /** True when an Idempotency-Key repeat returned the first request's image. */
  replayed: boolean;
  /** The user's quota once the image is stored. */
  quota: Quota;
  /** The per-minute generation limit as this request left it (null for a replay, which is not counted). */
  rateLimit: RateLimitState | null;
}

export interface GenerationService {
  generate(request: GenerationRequest): Promise<GenerationOutcome>;
  /** The user's quota now (for answers that did not generate, e.g. after a failure). */
  quota(input: { userId: string }): Promise<Quota>;
  /** A new image derived from `sourceId` (own or public), with parentId set. */
  edit(
    request: Omit<GenerationRequest, "parentId" | "inputImages" | "sourceImageIds" | "action"> & {
      sourceId: string;
    },
  ): Promise<GenerationOutcome>;
}

export interface GenerationDeps {
  db: Database;
  kv: KvPort;
  objectStore: ObjectStorePort;
  providers: ProviderCatalog;
  providerKeys: ProviderKeysService;
  users: UsersService;
  templates: TemplatesService;
  assertPromptAllowed: (...texts: (string | null | undefined)[]) => Promise<void>;
  /** Images a minute this account may start (its role's live setting). */
  generatePerMinute: (userId: string) => Promise<number>;
  /** Refuses when the studio's storage is full (STORAGE_FULL), before quota or provider. */
  assertStorageRoom?: () => Promise<void>;
  now?: () => number;
}

/**
 * validate → moderate → rate limit → resolve provider → spend quota → provider → sharp
 * variants → files → row. Every failure after the quota is spent gives it back; a failed
 * file write leaves no row, and a failed row write removes the files.
 */
export function createGenerationService(deps: GenerationDeps): GenerationService {
  const { db } = deps;
  const now = deps.now ?? Date.now;

  async function generate(request: GenerationRequest): Promise<GenerationOutcome> {
    const { userId, input } = request;
    const progress = (stage: GenerationProgress["stage"], percent: number) =>
      request.onProgress?.({ stage, percent });
    progress("queued", 0);

    await deps.assertPromptAllowed(input.prompt, input.negativePrompt);
    const preparedInputs = await prepareInputImages(request.inputImages);
    const template = input.styleTemplateId ? await findTemplate(input.styleTemplateId) : null;
    if (input.collectionId) await assertOwnCollection(userId, input.collectionId);

    if (request.idempotencyKey) {
      const claim = await claimIdempotencyKey({
        db,
        userId,
        key: request.idempotencyKey,
        requestHash: hashRequest(request),
      });
      if (claim.kind === "replay") {
        const current = claim.imageId ? await loadOwnImage(userId, claim.imageId) : null;
        return {
          image: current ?? (claim.body as { image: Image }).image,
          replayed: true,
          quota: await quota({ userId }),
          rateLimit: null,
        };
      }
      try {
        const { image, rateLimit } = await runPipeline(request, preparedInputs, template, progress);
        await claim.complete({ status: 201, body: { image }, imageId: image.id });
        return { image, replayed: false, quota: await quota({ userId }), rateLimit };
      } catch (error) {
        await claim
          .release()
          .catch((releaseError: unknown) =>
            logger.error("idempotency release failed", { error: releaseError }),
          );
        throw error;
      }
    }
    const { image, rateLimit } = await runPipeline(request, preparedInputs, template, progress);
    return { image, replayed: false, quota: await quota({ userId }), rateLimit };
  }

  async function quota({ userId }: { userId: string }): Promise<Quota> {
    const limits = await deps.users.getQuotaLimits({ userId });
    return readQuota({ db, userId, limits, now: now() });
  }

  async function runPipeline(
    request: GenerationRequest,
    inputImages: ImageRequest["inputImages"],
    template: Awaited<ReturnType<typeof findTemplate>> | null,
    progress: (stage: GenerationProgress["stage"], percent: number) => void,
  ): Promise<{ image: Image; rateLimit: RateLimitState }> {
    const { userId, input } = request;
    const started = now();
    const rateLimit = await consumeRateLimits({
      kv: deps.kv,
      keys: [`generate:user:${userId}`],
      rule: { limit: await deps.generatePerMinute(userId), windowSeconds: 60 },
      message: "You are generating very quickly. Wait a moment and try again.",
    });
    const userKey = await deps.providerKeys.readGeminiKey({ userId });
    const { provider, source } = resolveProvider({ catalog: deps.providers, userKey });
    const settings = await deps.users.getSettings({ userId });
    const limits = await deps.users.getQuotaLimits({ userId });
    await deps.assertStorageRoom?.();

    const ticket = await consumeQuota({ db, userId, limits, now: now() });
    if (!ticket) {
      // Counted as a quota hit on the admin dashboard (not as a failed generation).
      await recordUsage(db, {
        userId,
        action: request.action,
        status: "failure",
        errorCode: "QUOTA_EXCEEDED",
        requestId: request.requestId,
      });
      throw await quotaExceeded(userId, limits);
    }
    const imageId = crypto.randomUUID();
    const seed = input.seed ?? randomInt(0, SEED_MAX);
    const aspectRatio =
      input.aspectRatio ??
      (template?.parameters.aspectRatio as GenerateInput["aspectRatio"]) ??
      settings.defaultAspectRatio;
    const quality = input.quality ?? settings.defaultQuality;
    let stage = "provider";
    try {
      progress("generating", 10);
      const result = await provider.generate({
        prompt: input.prompt,
        negativePrompt: input.negativePrompt ?? null,
        template: template
          ? {
              name: template.name,
              promptPrefix: template.promptPrefix,
              promptSuffix: template.promptSuffix,
              negativePrompt: template.negativePrompt,
              parameters: template.parameters,
            }
          : null,
        aspectRatio,
        quality,
        seed,
        inputImages,
      });
      stage = "processing";
      progress("processing", 70);
      const rendered = await renderImageVariants(result.data);

      stage = "storing";
      progress("storing", 85);
      const storageKey = `${userId}/${imageId}`;
      const variants = [rendered.original, ...rendered.thumbnails];
      const fileKeys = variants.map((variant) =>
        fileKeyOf({ storageKey }, variant.name as "original"),
      );
      // Recorded before they exist: if this process dies before the row is written, the
      // daily cron removes them once the grace period is over.
      await queueFileRemovals(db, fileKeys, "generation in progress", {
        graceMs: GENERATION_GRACE_MS,
      });
      try {
        for (const [index, variant] of variants.entries()) {
          await deps.objectStore.put(fileKeys[index]!, variant.data, rendered.mimeType);
        }
      } catch (error) {
        await removeQueuedFiles({ db, objectStore: deps.objectStore, keys: fileKeys });
        throw error;
      }

      const generationTimeMs = now() - started;
      let row: ImageRow;
      try {
        row = await db.transaction(async (tx) => {
          const [inserted] = await tx
            .insert(images)
            .values({
              id: imageId,
              userId,
              prompt: request.title ?? input.prompt,
              negativePrompt: input.negativePrompt ?? null,
              styleTemplateId: template?.id ?? null,
              aspectRatio,
              quality,
              width: rendered.width,
              height: rendered.height,
              seed,
              model: result.model,
              tags: input.tags ?? [],
              ...publicationOf(input.isPublic ?? false),
              favorite: false,
              parentId: request.parentId,
              sourceImageIds: request.sourceImageIds,
              generationTimeMs,
              downloadCount: 0,
              storageKey,
              mimeType: rendered.mimeType,
              byteSize: rendered.original.data.byteLength,
              thumbnailSizes: rendered.thumbnails.map((variant) => Number(variant.name)),
              totalBytes: rendered.totalBytes,
            })
            .returning();
          if (!inserted) throw new Error("image insert returned no row");
          await claimQueuedFiles(tx, fileKeys);
          if (input.collectionId) {
            await tx
              .insert(collectionImages)
              .values({ collectionId: input.collectionId, imageId })
              .onConflictDoNothing();
          }
          return inserted;
        });
      } catch (error) {
        await removeQueuedFiles({ db, objectStore: deps.objectStore, keys: fileKeys });
        throw error;
      }
      await recordUsage(db, {
        userId,
        action: request.action,
        status: "success",
        imageId,
        provider: source === "demo" ? "demo" : "gemini",
        model: result.model,
        durationMs: generationTimeMs,
        requestId: request.requestId,
      });
      return { image: reshapeImage(row), rateLimit };
    } catch (error) {
      await refund(ticket);
      await recordUsage(db, {
        userId,
        action: request.action,
        status: "failure",
        provider: source === "demo" ? "demo" : "gemini",
        model: provider.model,
        errorCode: error instanceof AppError ? error.code : `INTERNAL_ERROR:${stage}`,
        durationMs: now() - started,
        requestId: request.requestId,
      });
      throw error;
    }
  }

  async function refund(ticket: QuotaTicket) {
    try {
      await refundQuota({ db, ticket });
    } catch (error) {
      logger.error("quota refund failed", { userId: ticket.userId, error });
    }
  }

  async function quotaExceeded(userId: string, limits: QuotaLimits): Promise<AppError> {
    const quota = await readQuota({ db, userId, limits, now: now() });
    const monthly = limits.monthly !== null && quota.usedThisMonth >= limits.monthly;
    const current = new Date(now());
    const resetAt = monthly
      ? Date.UTC(current.getUTCFullYear(), current.getUTCMonth() + 1, 1)
      : Date.UTC(current.getUTCFullYear(), current.getUTCMonth(), current.getUTCDate() + 1);
    const retryAfter = Math.max(1, Math.ceil((resetAt - now()) / 1000));
    const message = monthly
      ? `You have used this month's ${limits.monthly} generations. Your quota resets on the 1st (UTC).`
      : `You have used today's ${limits.daily} generations. Your quota resets at midnight UTC.`;
    return new AppError(
      "QUOTA_EXCEEDED",
      message,
      { resetsAt: new Date(resetAt).toISOString(), period: monthly ? "month" : "day" },
      {
        headers: { "Retry-After": String(retryAfter) },
      },
    );
  }

  async function findTemplate(id: string) {
    try {
      return await deps.templates.getTemplate({ id });
    } catch (error) {
      if (error instanceof AppError && error.code === "NOT_FOUND") {
        throw new AppError("VALIDATION_ERROR", "That style template does not exist.", {
          issues: [{ path: "styleTemplateId", message: "That style template does not exist." }],
        });
      }
      throw error;
    }
  }

  async function assertOwnCollection(userId: string, collectionId: string) {
    const [row] = await db
      .select({ id: collections.id })
      .from(collections)
      .where(and(eq(collections.id, collectionId), eq(collections.userId, userId)))
      .limit(1);
    if (!row) throw new AppError("NOT_FOUND", "Collection not found.");
  }

  async function loadOwnImage(userId: string, id: string): Promise<Image | null> {
    const [row] = await db
      .select()
      .from(images)
      .where(and(eq(images.id, id), eq(images.userId, userId)))
      .limit(1);
    return row ? reshapeImage(row) : null;
  }

  return {
    generate,
    quota,
    async edit(request) {
      const [source] = await db
        .select()
        .from(images)
        .where(eq(images.id, request.sourceId))
        .limit(1);
      if (!source || (!source.isPublic && source.userId !== request.userId))
        throw new AppError("NOT_FOUND", "Image not found.");
      const file = await deps.objectStore.get(fileKeyOf(source, "original"));
      if (!file) throw new AppError("NOT_FOUND", "Image not found.");
      return generate({
        ...request,
        action: "image.edit",
        input: { ...request.input, aspectRatio: request.input.aspectRatio ?? source.aspectRatio },
        inputImages: [file.body],
        sourceImageIds: [source.id],
        parentId: source.id,
        // Titled and found by what it shows: its source's subject and the change asked for.
        title: editTitle(source.prompt, request.input.prompt),
      });
    },
  };
}

function hashRequest(request: GenerationRequest): string {
  const hash = createHash("sha256");
  hash.update(
    JSON.stringify({
      action: request.action,
      parentId: request.parentId,
      sourceImageIds: request.sourceImageIds,
      title: request.title ?? null,
      input: sortKeys(request.input),
    }),
  );
  for (const bytes of request.inputImages) hash.update(bytes);
  return hash.digest("hex");
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}
