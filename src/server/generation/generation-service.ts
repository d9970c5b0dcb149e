import "server-only";
import { createHash, randomInt } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { ApiErrorBody } from "@/shared/api-errors";
import type { GenerationJob, Image, Quota } from "@/shared/api-types";
import { SEED_MAX, type GenerateInput } from "@/shared/schemas/images";
import type { Database } from "@/server/db/database";
import {
  collectionImages,
  collections,
  images,
  type GenerationJobStatus,
} from "@/server/db/schema";
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
import {
  appendJobEvents,
  beatJob,
  finishJob,
  HEARTBEAT_MS,
  insertJob,
  isFinished,
  loadOwnJob,
  reapStaleJobs,
  refundHeldUnit,
  settleStoredImage,
  type JobEvent,
} from "./generation-jobs";
import { claimIdempotencyKey } from "./idempotency";
import { editTitle, prepareInputImages } from "./source-images";
import { resolveProviderChain, type ProviderCatalog, type ProviderChain } from "./provider-catalog";
import type { ImageRequest } from "./providers/image-provider-port";

/** How often, at most, a request that touches generations looks for dead jobs (per instance). */
const REAP_EVERY_MS = 60 * 1000;

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
}

/** One image of a batch that was not made; its quota unit was given back. */
export interface GenerationFailure {
  index: number;
  error: ApiErrorBody;
}

/** What a finished generation made. */
export interface GenerationResult {
  generationId: string;
  status: "done" | "failed";
  images: Image[];
  failed: GenerationFailure[];
  /** The first failure as thrown (its status and headers), or its body once only stored. */
  firstError: unknown;
}

/** An event of a running generation, numbered as in its log (the SSE `id:`). */
export interface GenerationStreamEvent {
  id: number;
  event: JobEvent;
}

/** A generation accepted as a job and running detached from the request that started it. */
export interface StartedGeneration {
  generationId: string;
  /** True when an Idempotency-Key repeat attached to the first request's generation. */
  replayed: boolean;
  /** The per-minute generation limit as this request left it (null for a replay). */
  rateLimit: RateLimitState | null;
  /** Resolves when the job is finished, whatever became of it (never rejects). */
  finished: Promise<GenerationResult>;
  /**
   * The events of this process's run, those so far first, in order; empty for a replay (which
   * follows the log: see `jobEvents`). Returns an unsubscribe.
   */
  subscribe(listener: (event: GenerationStreamEvent) => void): () => void;
  /** Images this run stored, by id (so a stream need not read them back). */
  images: ReadonlyMap<string, Image>;
}

/** GET /generations/:id */
export type GenerationJobView = GenerationJob;

export interface GenerationService {
  /** Accepts a generation (a batch of `input.count`) as a job and starts it. */
  generate(request: GenerationRequest): Promise<StartedGeneration>;
  /** The user's quota now (for answers that did not generate, e.g. after a failure). */
  quota(input: { userId: string }): Promise<Quota>;
  /** New images derived from `sourceId` (own or public), with parentId set. */
  edit(
    request: Omit<GenerationRequest, "parentId" | "inputImages" | "sourceImageIds" | "action"> & {
      sourceId: string;
    },
  ): Promise<StartedGeneration>;
  /** The caller's job; NOT_FOUND for anyone else's or an unknown id. */
  getJob(input: { userId: string; id: string }): Promise<GenerationJobView>;
  /** The caller's job's events after `after` (NOT_FOUND as getJob), and whether it is finished. */
  jobEvents(input: {
    userId: string;
    id: string;
    after: number;
  }): Promise<{ events: GenerationStreamEvent[]; finished: boolean }>;
  /** Own images by id (for events that name them); missing or deleted ones are left out. */
  ownImages(input: { userId: string; ids: string[] }): Promise<Image[]>;
  /** Fails and refunds jobs whose process died (the cron; requests do it throttled). */
  reapStale(input?: { now?: number }): Promise<number>;
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
 * validate → moderate → rate limit → resolve provider → spend quota and create the job (one
 * transaction) → then, detached from the request, for each image: provider → sharp variants →
 * files → row. Every unit spent is held by the job until its image is stored or it is given
 * back (generation-jobs.ts); a failed file write leaves no row, and a failed row write removes
 * the files.
 */
export function createGenerationService(deps: GenerationDeps): GenerationService {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  let lastReap = 0;

  /** Cheap and throttled: at most once a minute per instance, on requests that touch generations. */
  function reapNowAndThen() {
    if (now() - lastReap < REAP_EVERY_MS) return;
    lastReap = now();
    void reapStaleJobs({ db, now: now() }).catch((error: unknown) =>
      logger.error("generation reaper failed", { error }),
    );
  }

  async function generate(request: GenerationRequest): Promise<StartedGeneration> {
    const { userId, input } = request;
    reapNowAndThen();

    await deps.assertPromptAllowed(input.prompt, input.negativePrompt);
    const preparedInputs = await prepareInputImages(request.inputImages);
    const template = input.styleTemplateId ? await findTemplate(input.styleTemplateId) : null;
    if (input.collectionId) await assertOwnCollection(userId, input.collectionId);

    if (!request.idempotencyKey) return startJob(request, preparedInputs, template);
    const claim = await claimIdempotencyKey({
      db,
      userId,
      key: request.idempotencyKey,
      requestHash: hashRequest(request),
    });
    if (claim.kind === "replay") return replayOf(userId, claim.body);
    let started: StartedGeneration;
    try {
      started = await startJob(request, preparedInputs, template);
    } catch (error) {
      await releaseClaim(claim);
      throw error;
    }
    // Repeats wait for the job's end: the first request's images, or a fresh try if none.
    void started.finished.then(async (result) => {
      try {
        if (result.images.length === 0) await releaseClaim(claim);
        else
          await claim.complete({
            status: 201,
            body: { generationId: result.generationId },
            imageId: result.images[0]!.id,
          });
      } catch (error) {
        logger.error("idempotency completion failed", { error });
      }
    });
    return started;
  }

  async function releaseClaim(claim: { release(): Promise<void> }) {
    await claim
      .release()
      .catch((releaseError: unknown) =>
        logger.error("idempotency release failed", { error: releaseError }),
      );
  }

  /** The first request's generation for a repeat of its Idempotency-Key. */
  async function replayOf(userId: string, body: unknown): Promise<StartedGeneration> {
    const generationId =
      typeof body === "object" && body !== null && "generationId" in body
        ? String((body as { generationId: unknown }).generationId)
        : null;
    if (!generationId) {
      // A record from before generations were jobs: its one image.
      const stored = (body as { image?: Image } | null)?.image;
      const image = stored ? ((await loadOwnImage(userId, stored.id)) ?? stored) : null;
      const result: GenerationResult = {
        generationId: "",
        status: image ? "done" : "failed",
        images: image ? [image] : [],
        failed: [],
        firstError: null,
      };
      return replayHandle(result);
    }
    const job = await getJob({ userId, id: generationId });
    return replayHandle({
      generationId,
      status: job.status === "failed" ? "failed" : "done",
      images: job.images,
      failed: job.failed.map(({ error }, index) => ({ index, error })),
      firstError: job.error,
    });
  }

  function replayHandle(result: GenerationResult): StartedGeneration {
    return {
      generationId: result.generationId,
      replayed: true,
      rateLimit: null,
      finished: Promise.resolve(result),
      subscribe: () => () => undefined,
      images: new Map(result.images.map((image) => [image.id, image])),
    };
  }

  async function quota({ userId }: { userId: string }): Promise<Quota> {
    const limits = await deps.users.getQuotaLimits({ userId });
    return readQuota({ db, userId, limits, now: now() });
  }

  /**
   * Admits up to `count` images (rate limit, then quota) and creates the job holding the units
   * spent, then runs it detached. Refuses outright only when not one image is admitted.
   */
  async function startJob(
    request: GenerationRequest,
    inputImages: ImageRequest["inputImages"],
    template: Awaited<ReturnType<typeof findTemplate>> | null,
  ): Promise<StartedGeneration> {
    const { userId, input } = request;
    const count = input.count ?? 1;
    const refused: { index: number; error: AppError }[] = [];
    let rateLimit: RateLimitState | null = null;
    let admitted = 0;
    const rule = { limit: await deps.generatePerMinute(userId), windowSeconds: 60 };
    for (; admitted < count; admitted++) {
      try {
        rateLimit = await consumeRateLimits({
          kv: deps.kv,
          keys: [`generate:user:${userId}`],
          rule,
          message: "You are generating very quickly. Wait a moment and try again.",
        });
      } catch (error) {
        if (admitted === 0 || !(error instanceof AppError)) throw error;
        for (let index = admitted; index < count; index++) refused.push({ index, error });
        break;
      }
    }
    const settings = await deps.users.getSettings({ userId });
    // The user's default provider, then their fallback order, then the operator's keys, then demo.
    const provider = resolveProviderChain({
      catalog: deps.providers,
      keys: await deps.providerKeys.readKeys({ userId }),
      defaultProvider: settings.defaultProvider,
      fallbackOrder: settings.fallbackOrder,
    });
    const limits = await deps.users.getQuotaLimits({ userId });
    await deps.assertStorageRoom?.();

    const seeds = Array.from({ length: count }, (_, index) =>
      input.seed === undefined ? randomInt(0, SEED_MAX) : (input.seed + index) % (SEED_MAX + 1),
    );
    const aspectRatio =
      input.aspectRatio ??
      (template?.parameters.aspectRatio as GenerateInput["aspectRatio"]) ??
      settings.defaultAspectRatio;
    const quality = input.quality ?? settings.defaultQuality;

    // The units and the job that holds them commit together: no unit is ever spent unheld.
    const accepted = await db.transaction(async (tx) => {
      let ticket: QuotaTicket | null = null;
      let spent = 0;
      while (spent < admitted) {
        const next = await consumeQuota({ db: tx, userId, limits, now: now() });
        if (!next) break;
        ticket = next;
        spent++;
      }
      if (!ticket) return null;
      // Read outside this transaction's connection would wait on it (PGlite has one): made
      // from the counters this transaction just wrote.
      const quotaRefused = spent < admitted ? quotaExceededAfter(limits, spent) : null;
      for (let index = spent; index < admitted; index++)
        refused.push({ index, error: quotaRefused! });
      refused.sort((a, b) => a.index - b.index);
      const id = await insertJob(tx, {
        userId,
        action: request.action,
        count,
        request: {
          input: { ...input, aspectRatio, quality },
          seeds,
          parentId: request.parentId,
          sourceImageIds: request.sourceImageIds,
          inputImages: request.inputImages.length,
        },
        quotaHeld: spent,
        quotaDay: ticket.day,
        quotaMonth: ticket.month,
        failures: refused.map(({ index, error }) => ({ index, error: bodyOf(error) })),
      });
      return { id, spent };
    });
    if (!accepted) {
      // Counted as a quota hit on the admin dashboard (not as a failed generation).
      await recordUsage(db, {
        userId,
        action: request.action,
        status: "failure",
        errorCode: "QUOTA_EXCEEDED",
        requestId: request.requestId,
      });
      throw await quotaExceeded(userId, limits, 0);
    }
    if (refused.length > 0) {
      await recordUsage(db, {
        userId,
        action: request.action,
        status: "failure",
        errorCode: refused[0]!.error.code,
        requestId: request.requestId,
      });
    }

    const run = createRun({
      generationId: accepted.id,
      request,
      count,
      spent: accepted.spent,
      refused,
    });
    run.finished = runJob(run, {
      provider,
      inputImages,
      template,
      seeds,
      aspectRatio,
      quality,
    });
    return {
      generationId: accepted.id,
      replayed: false,
      rateLimit,
      finished: run.finished,
      subscribe: run.subscribe,
      images: run.images,
    };
  }

  interface Run {
    generationId: string;
    request: GenerationRequest;
    count: number;
    spent: number;
    refused: { index: number; error: AppError }[];
    images: Map<string, Image>;
    finished: Promise<GenerationResult>;
    /** Appends to the log in order (one append at a time), then tells the listeners. */
    emit(events: JobEvent[], status?: GenerationJobStatus): Promise<void>;
    /** Tells the listeners of an event already in the log (the final one, see finishJob). */
    tell(event: GenerationStreamEvent): void;
    /** Waits until every event emitted so far is in the log. */
    flush(): Promise<void>;
    subscribe(listener: (event: GenerationStreamEvent) => void): () => void;
  }

  interface Plan {
    provider: ProviderChain;
    inputImages: ImageRequest["inputImages"];
    template: Awaited<ReturnType<typeof findTemplate>> | null;
    seeds: number[];
    aspectRatio: NonNullable<GenerateInput["aspectRatio"]>;
    quality: NonNullable<GenerateInput["quality"]>;
  }

  function createRun(
    base: Pick<Run, "generationId" | "request" | "count" | "spent" | "refused">,
  ): Run {
    const seen: GenerationStreamEvent[] = [];
    const listeners = new Set<(event: GenerationStreamEvent) => void>();
    let chain: Promise<unknown> = Promise.resolve();
    const tell = (event: GenerationStreamEvent) => {
      seen.push(event);
      for (const listener of listeners) listener(event);
    };
    return {
      ...base,
      images: new Map(),
      finished: Promise.resolve() as unknown as Promise<GenerationResult>,
      emit(events, status) {
        const appended = chain.then(async () => {
          const last = await appendJobEvents(db, base.generationId, events, status);
          if (last === null) return;
          events.forEach((event, offset) => tell({ id: last - events.length + 1 + offset, event }));
        });
        chain = appended.catch((error: unknown) =>
          logger.error("generation event not recorded", { error }),
        );
        return chain.then(() => undefined);
      },
      tell,
      flush: () => chain.then(() => undefined),
      subscribe(listener) {
        for (const event of seen) listener(event);
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  }

  /** Runs every admitted image at once, then finishes the job. Never rejects. */
  async function runJob(run: Run, plan: Plan): Promise<GenerationResult> {
    const heartbeat = setInterval(() => {
      void beatJob(db, run.generationId).catch(() => undefined);
    }, HEARTBEAT_MS);
    heartbeat.unref?.();
    const failures: { index: number; error: unknown }[] = run.refused.map(({ index, error }) => ({
      index,
      error,
    }));
    const stored: { index: number; image: Image }[] = [];
    try {
      await run.emit([{ type: "progress", stage: "queued", percent: 0 }]);
      await Promise.all(
        Array.from({ length: run.spent }, async (_, index) => {
          try {
            const image = await makeImage(run, plan, index);
            stored.push({ index, image });
          } catch (error) {
            failures.push({ index, error });
            const held = await refundHeldUnit(db, run.generationId, {
              index,
              error: bodyOf(error),
            }).catch((refundError: unknown) => {
              logger.error("quota refund failed", { jobId: run.generationId, error: refundError });
              return false;
            });
            if (!held) logger.info("unit already settled by the reaper", { index });
          }
        }),
      );
    } finally {
      clearInterval(heartbeat);
    }
    stored.sort((a, b) => a.index - b.index);
    failures.sort((a, b) => a.index - b.index);
    const images = stored.map(({ image }) => image);
    const failed = failures.map(({ index, error }) => ({ index, error: bodyOf(error) }));
    await run.flush(); // every event before the final one
    const last = await finishJob(db, run.generationId, {
      imageIds: images.map((image) => image.id),
      failed,
    }).catch((error: unknown) => {
      logger.error("generation job not finished", { jobId: run.generationId, error });
      return null;
    });
    const final: JobEvent =
      images.length > 0
        ? { type: "done", imageIds: images.map((image) => image.id), failed }
        : { type: "error", error: failed[0]?.error ?? bodyOf(null) };
    if (last !== null) run.tell({ id: last, event: final });
    return {
      generationId: run.generationId,
      status: images.length > 0 ? "done" : "failed",
      images,
      failed,
      firstError: failures[0]?.error ?? null,
    };
  }

  /** One image of the job: provider → variants → files → row (settling its unit). */
  async function makeImage(run: Run, plan: Plan, index: number): Promise<Image> {
    const { userId, input } = run.request;
    const request = run.request;
    const started = now();
    const imageId = crypto.randomUUID();
    const seed = plan.seeds[index]!;
    const { aspectRatio, quality } = plan;
    const at = run.count > 1 ? { index } : {};
    let stage = "provider";
    try {
      await run.emit([{ type: "progress", stage: "generating", percent: 10, ...at }], "generating");
      const result = await plan.provider.generate({
        prompt: input.prompt,
        negativePrompt: input.negativePrompt ?? null,
        template: plan.template
          ? {
              name: plan.template.name,
              promptPrefix: plan.template.promptPrefix,
              promptSuffix: plan.template.promptSuffix,
              negativePrompt: plan.template.negativePrompt,
              parameters: plan.template.parameters,
            }
          : null,
        aspectRatio,
        quality,
        seed,
        inputImages: plan.inputImages,
      });
      stage = "processing";
      await run.emit([{ type: "progress", stage: "processing", percent: 70, ...at }]);
      const rendered = await renderImageVariants(result.data);

      stage = "storing";
      await run.emit([{ type: "progress", stage: "storing", percent: 85, ...at }], "storing");
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
        for (const [position, variant] of variants.entries()) {
          await deps.objectStore.put(fileKeys[position]!, variant.data, rendered.mimeType);
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
              styleTemplateId: plan.template?.id ?? null,
              aspectRatio,
              quality,
              width: rendered.width,
              height: rendered.height,
              seed,
              model: result.model,
              provider: result.provider,
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
          await settleStoredImage(tx, run.generationId, imageId);
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
        provider: result.provider,
        model: result.model,
        durationMs: generationTimeMs,
        requestId: request.requestId,
      });
      const image = reshapeImage(row);
      run.images.set(image.id, image);
      await run.emit([{ type: "image", index, imageId }]);
      return image;
    } catch (error) {
      await recordUsage(db, {
        userId,
        action: request.action,
        status: "failure",
        provider: plan.provider.id,
        model: plan.provider.model,
        errorCode: error instanceof AppError ? error.code : `INTERNAL_ERROR:${stage}`,
        durationMs: now() - started,
        requestId: request.requestId,
      });
      throw error;
    }
  }

  async function getJob({ userId, id }: { userId: string; id: string }): Promise<GenerationJob> {
    reapNowAndThen();
    const row = await loadOwnJob(db, { userId, id });
    if (!row) throw new AppError("NOT_FOUND", "Generation not found.");
    const failed = (row.failures as GenerationFailure[]) ?? [];
    return {
      id: row.id,
      status: row.status,
      count: row.count,
      images: await ownImages({ userId, ids: row.imageIds }),
      failed: failed.map(({ error }) => ({ error })),
      error: (row.error as ApiErrorBody | null) ?? null,
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
    };
  }

  async function jobEvents({
    userId,
    id,
    after,
  }: {
    userId: string;
    id: string;
    after: number;
  }): Promise<{ events: GenerationStreamEvent[]; finished: boolean }> {
    const row = await loadOwnJob(db, { userId, id });
    if (!row) throw new AppError("NOT_FOUND", "Generation not found.");
    const log = (row.events as JobEvent[]) ?? [];
    const events = log
      .map((event, position) => ({ id: position + 1, event }))
      .filter((event) => event.id > after);
    return { events, finished: isFinished(row.status) };
  }

  async function ownImages({ userId, ids }: { userId: string; ids: string[] }): Promise<Image[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .select()
      .from(images)
      .where(and(inArray(images.id, ids), eq(images.userId, userId)));
    const byId = new Map(rows.map((row) => [row.id, reshapeImage(row)]));
    return ids.flatMap((imageId) => byId.get(imageId) ?? []);
  }

  async function quotaExceeded(
    userId: string,
    limits: QuotaLimits,
    made: number,
  ): Promise<AppError> {
    const quota = await readQuota({ db, userId, limits, now: now() });
    return quotaExceededError(
      limits,
      made,
      limits.monthly !== null && quota.usedThisMonth >= limits.monthly,
    );
  }

  /**
   * Inside the accepting transaction, when the quota ran out part-way: the month is the limit
   * that stopped it when the month is full (unknown here without a read, so the day is named
   * unless the daily limit is unlimited).
   */
  function quotaExceededAfter(limits: QuotaLimits, made: number): AppError {
    return quotaExceededError(limits, made, limits.daily === null);
  }

  function quotaExceededError(limits: QuotaLimits, made: number, monthly: boolean): AppError {
    const current = new Date(now());
    const resetAt = monthly
      ? Date.UTC(current.getUTCFullYear(), current.getUTCMonth() + 1, 1)
      : Date.UTC(current.getUTCFullYear(), current.getUTCMonth(), current.getUTCDate() + 1);
    const retryAfter = Math.max(1, Math.ceil((resetAt - now()) / 1000));
    const message = monthly
      ? `You have used this month's ${limits.monthly} generations. Your quota resets on the 1st (UTC).`
      : `You have used today's ${limits.daily} generations. Your quota resets at midnight UTC.`;
    const partly = made > 0 ? `Your quota had room for ${made} of these images. ` : "";
    return new AppError(
      "QUOTA_EXCEEDED",
      partly + message,
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
    getJob,
    jobEvents,
    ownImages,
    reapStale: (input) => reapStaleJobs({ db, now: input?.now ?? now() }),
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

/** A failure as the API shows it: an AppError's code and message, anything else an internal error. */
function bodyOf(error: unknown): ApiErrorBody {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    };
  }
  if (error !== null) logger.error("generation failed", { error });
  return { code: "INTERNAL_ERROR", message: "Something went wrong on our side. Please try again." };
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
