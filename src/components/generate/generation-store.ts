import { create } from "zustand";
import { apiFetch } from "@/lib/api/request";
import type { ErrorBody } from "@/lib/generation/generation-events";
import type { FollowOutcome } from "@/lib/generation/follow-job";
import {
  forgetJob,
  rememberJob,
  runningJobsOf,
  type RunningJob,
} from "@/lib/generation/running-jobs";
import { GenerationError } from "@/lib/generation/generation-error";
import type { GenerationBody } from "@/lib/generation/stream-generation";
import type { GenerationStage, GenerationTimings, Image, Quota } from "@/shared/api-types";
import type { AspectRatio } from "@/shared/limits";
import type { EditInput, GenerateInput } from "@/shared/schemas/images";
import { announceGenerationSucceeded } from "@/lib/pwa/install-moment";

export interface VariationsInput {
  count?: number;
  /** 0: close to the original … 1: more different. */
  strength?: number;
}

/** What to ask the server for; kept with each result so "Generate again" can repeat it. */
export type GenerationSpec =
  | {
      kind: "generate";
      input: GenerateInput;
      /** Uploaded input images, sent as multipart `image` files in this order. */
      files: File[];
      /** Input images picked from the gallery, after the files ("image 2" follows "image 1"). */
      inputImageIds: string[];
      seedFixed: boolean;
    }
  | { kind: "edit"; sourceId: string; input: EditInput }
  | { kind: "variations"; sourceId: string; input: VariationsInput }
  /** A job started by an earlier page (reattached from localStorage); it cannot be resent. */
  | { kind: "resume"; generationId: string; count: number; aspectRatio: AspectRatio | null };

export interface SessionResult {
  image: Image;
  spec: GenerationSpec;
  replayed: boolean;
}

/** The latest request's images, shown together as a grid when it asked for more than one. */
export interface Batch {
  spec: GenerationSpec;
  count: number;
  images: Image[];
  /** Why the missing images were not made (each gave its quota unit back). */
  failed: ErrorBody[];
  running: boolean;
}

export type RunState =
  | { status: "idle" }
  | {
      status: "running";
      spec: GenerationSpec;
      stage: GenerationStage;
      serverPercent: number;
      startedAt: number;
      stageStartedAt: number;
    }
  | { status: "failed"; spec: GenerationSpec; error: GenerationError; failedAt: number };

interface Attempt {
  spec: GenerationSpec;
  idempotencyKey: string;
}

interface GenerationStoreState {
  run: RunState;
  /** The last request sent, with its Idempotency-Key, for a retry that must not charge twice. */
  attempt: Attempt | null;
  /** This session's images, newest first. */
  results: SessionResult[];
  batch: Batch | null;
  activeId: string | null;
  quota: Quota | null;
  medianMs: number | null;
  /** Who is generating: a prompt that cannot reach the studio is queued under this account. */
  userId: string | null;
  /** Bumped each time a prompt goes into the outbox instead of being sent (for the page's notice). */
  queuedCount: number;
  /** Bumped when a job started by an earlier page is found finished (for the page's notice). */
  reattachedCount: number;
  setUserId: (userId: string) => void;
  start: (spec: GenerationSpec) => Promise<void>;
  retry: (options: { reuseKey: boolean }) => Promise<void>;
  /** Follows this user's generations that an earlier page started and did not see finish. */
  reattach: () => Promise<void>;
  dismissError: () => void;
  select: (id: string) => void;
  replaceImage: (image: Image) => void;
  setQuota: (quota: Quota) => void;
  refreshTimings: () => Promise<void>;
}

const MAX_RESULTS = 24;

/** How many images a request asks for. */
export function countOf(spec: GenerationSpec): number {
  switch (spec.kind) {
    case "generate":
      return spec.input.count ?? 1;
    case "variations":
      return spec.input.count ?? 1;
    case "resume":
      return spec.count;
    default:
      return 1;
  }
}

/** Lives outside the page: a generation keeps going (and lands here) if the user navigates away. */
export const useGenerationStore = create<GenerationStoreState>()((set, get) => {
  /**
   * Puts a prompt that cannot be sent now into the outbox, with the attempt's Idempotency-Key:
   * if the request did reach the server before the connection dropped, the replay returns that
   * image instead of generating a second one. Edits, variations and prompts with several input
   * images or gallery picks are not queued (the outbox keeps one file).
   */
  async function queue(attempt: Attempt): Promise<boolean> {
    const { userId } = get();
    const { spec } = attempt;
    if (spec.kind !== "generate" || !userId) return false;
    if (spec.files.length > 1 || spec.inputImageIds.length > 0) return false;
    try {
      // The outbox's code (IndexedDB, the flush) loads the first time a prompt is queued.
      const { queuePrompt } = await import("@/lib/offline/outbox-page");
      await queuePrompt({
        userId,
        input: spec.input,
        image: spec.files[0] ?? null,
        idempotencyKey: attempt.idempotencyKey,
      });
    } catch {
      return false;
    }
    set((state) => ({ run: { status: "idle" }, queuedCount: state.queuedCount + 1 }));
    return true;
  }

  function beginRun(spec: GenerationSpec, stage: GenerationStage = "queued") {
    const now = Date.now();
    set({
      run: {
        status: "running",
        spec,
        stage,
        serverPercent: 0,
        startedAt: now,
        stageStartedAt: now,
      },
      batch: { spec, count: countOf(spec), images: [], failed: [], running: true },
    });
  }

  function noteProgress(stage: GenerationStage, percent: number) {
    const { run } = get();
    if (run.status !== "running") return;
    set({
      run: {
        ...run,
        stage,
        serverPercent: percent,
        stageStartedAt: stage === run.stage ? run.stageStartedAt : Date.now(),
      },
    });
  }

  /** An image of the running request is stored: it shows at once, before the others. */
  function noteImage(spec: GenerationSpec, image: Image, replayed = false) {
    set((state) => {
      const batch = state.batch?.spec === spec ? state.batch : null;
      return {
        results: [
          { image, spec, replayed },
          ...state.results.filter((item) => item.image.id !== image.id),
        ].slice(0, MAX_RESULTS),
        batch: batch
          ? {
              ...batch,
              images: [...batch.images.filter((item) => item.id !== image.id), image],
            }
          : batch,
        activeId: state.activeId && batch?.images.length ? state.activeId : image.id,
      };
    });
  }

  function finish(
    spec: GenerationSpec,
    outcome: { images: Image[]; failed: ErrorBody[]; quota: Quota | null; replayed: boolean },
  ) {
    for (const image of [...outcome.images].reverse()) noteImage(spec, image, outcome.replayed);
    set((state) => ({
      run: { status: "idle" },
      batch: {
        spec,
        count: Math.max(countOf(spec), outcome.images.length + outcome.failed.length),
        images: outcome.images,
        failed: outcome.failed,
        running: false,
      },
      activeId: outcome.images[0]?.id ?? state.activeId,
      quota: outcome.quota ?? state.quota,
    }));
    // A stored image is the moment the studio may offer to be installed.
    announceGenerationSucceeded();
    void get().refreshTimings();
  }

  function fail(spec: GenerationSpec, error: GenerationError) {
    set((state) => ({
      run: { status: "failed", spec, error, failedAt: Date.now() },
      // Images that arrived before the failure stay in the grid; with none, the error says it all.
      batch:
        state.batch?.spec === spec
          ? state.batch.images.length > 0
            ? { ...state.batch, running: false }
            : null
          : state.batch,
      quota: error.quota ?? state.quota,
    }));
  }

  async function send(attempt: Attempt) {
    if (navigator.onLine === false && (await queue(attempt))) return;
    const { spec } = attempt;
    set({ attempt });
    beginRun(spec);
    let generationId: string | null = null;
    try {
      // The streaming code loads with the first request (the page opens without it).
      const [{ streamGeneration }, body] = await Promise.all([loadStreaming(), bodyOf(spec)]);
      const outcome = await streamGeneration({
        url: urlOf(spec),
        body,
        idempotencyKey: attempt.idempotencyKey,
        onAccepted: (id) => {
          generationId = id;
          const { userId } = get();
          if (userId) rememberJob(runningJobOf(id, userId, spec));
        },
        onProgress: ({ stage, percent }) => noteProgress(stage, percent),
        onImage: (image) => noteImage(spec, image),
      });
      if (generationId) forgetJob(generationId);
      finish(spec, outcome);
    } catch (caught) {
      if (
        caught instanceof GenerationError &&
        caught.code === "NETWORK_ERROR" &&
        (await queue(attempt))
      ) {
        return;
      }
      // A stream that broke off leaves the job running on the server: follow it instead.
      if (
        generationId &&
        caught instanceof GenerationError &&
        caught.code === "STREAM_INTERRUPTED" &&
        (await follow(spec, generationId))
      ) {
        return;
      }
      if (generationId) forgetJob(generationId);
      fail(
        spec,
        caught instanceof GenerationError
          ? caught
          : new GenerationError({
              code: "INTERNAL_ERROR",
              message: "Something went wrong in the page.",
            }),
      );
    }
  }

  /**
   * Polls GET /generations/:id until the job is over; true once it has shown the outcome
   * (done or failed), false when the job cannot be read (unknown, or the studio unreachable).
   */
  async function follow(spec: GenerationSpec, generationId: string): Promise<boolean> {
    let outcome: FollowOutcome | null;
    try {
      const { followJob } = await import("@/lib/generation/follow-job");
      outcome = await followJob(generationId, {
        stage: (stage) => noteProgress(stage, 0),
        image: (image) => {
          if (!get().batch?.images.some((item) => item.id === image.id)) noteImage(spec, image);
        },
      });
    } catch {
      return false;
    }
    if (!outcome) return false;
    if (outcome.kind === "done") {
      finish(spec, {
        images: outcome.images,
        failed: outcome.failed,
        quota: null,
        replayed: false,
      });
    } else {
      fail(spec, outcome.error);
    }
    return true;
  }

  return {
    run: { status: "idle" },
    attempt: null,
    results: [],
    batch: null,
    activeId: null,
    quota: null,
    medianMs: null,
    userId: null,
    queuedCount: 0,
    reattachedCount: 0,
    setUserId(userId) {
      if (get().userId !== userId) set({ userId });
    },
    async start(spec) {
      if (get().run.status === "running") return;
      await send({ spec, idempotencyKey: newIdempotencyKey() });
    },
    async retry({ reuseKey }) {
      const { attempt, run } = get();
      if (!attempt || run.status === "running") return;
      await send(reuseKey ? attempt : { spec: attempt.spec, idempotencyKey: newIdempotencyKey() });
    },
    async reattach() {
      const { userId } = get();
      if (!userId || get().run.status === "running") return;
      for (const job of runningJobsOf(userId)) {
        if (get().run.status === "running") return;
        const spec: GenerationSpec = {
          kind: "resume",
          generationId: job.id,
          count: job.count,
          aspectRatio: job.aspectRatio,
        };
        beginRun(spec);
        const shown = await follow(spec, job.id);
        if (!shown) {
          // Unknown or unreachable: put the page back as it was.
          set((state) => ({
            run:
              state.run.status === "running" && state.run.spec === spec
                ? { status: "idle" }
                : state.run,
            batch: state.batch?.spec === spec ? null : state.batch,
          }));
          continue;
        }
        set((state) => ({ reattachedCount: state.reattachedCount + 1 }));
      }
    },
    dismissError() {
      if (get().run.status === "failed") set({ run: { status: "idle" } });
    },
    select(id) {
      set({ activeId: id });
    },
    replaceImage(image) {
      set((state) => ({
        results: state.results.map((item) =>
          item.image.id === image.id ? { ...item, image } : item,
        ),
        batch: state.batch
          ? {
              ...state.batch,
              images: state.batch.images.map((item) => (item.id === image.id ? image : item)),
            }
          : null,
      }));
    },
    setQuota(quota) {
      set({ quota });
    },
    async refreshTimings() {
      try {
        const timings = await apiFetch<GenerationTimings>("/api/v1/generation/timings");
        set({ medianMs: timings.medianMs });
      } catch {
        // Without timings the bar shows stages only; nothing to tell the user.
      }
    },
  };
});

/**
 * The code that sends and follows a request. A chunk that cannot be fetched is a connection
 * problem like any other (the prompt may go to the outbox).
 */
export async function loadStreaming() {
  try {
    return await import("@/lib/generation/stream-generation");
  } catch {
    throw new GenerationError({
      code: "NETWORK_ERROR",
      message: "We couldn't reach the studio. Check your connection and try again.",
    });
  }
}

/** The same request with a new random seed, unless the user fixed the seed. */
export function respecForAgain(spec: GenerationSpec): GenerationSpec {
  if (spec.kind === "generate") {
    if (spec.seedFixed) return spec;
    const { seed: _seed, ...input } = spec.input;
    return { ...spec, input };
  }
  if (spec.kind === "edit") {
    const { seed: _seed, ...input } = spec.input;
    return { ...spec, input };
  }
  return spec;
}

/** Whether "Generate again" can resend it (a reattached job's request is not known here). */
export function canRepeat(spec: GenerationSpec): boolean {
  return spec.kind !== "resume";
}

function runningJobOf(id: string, userId: string, spec: GenerationSpec): RunningJob {
  return {
    id,
    userId,
    startedAt: Date.now(),
    count: countOf(spec),
    aspectRatio:
      spec.kind === "generate" || spec.kind === "edit"
        ? (spec.input.aspectRatio ?? null)
        : spec.kind === "resume"
          ? spec.aspectRatio
          : null,
    prompt: spec.kind === "generate" || spec.kind === "edit" ? spec.input.prompt : null,
  };
}

function urlOf(spec: GenerationSpec): string {
  switch (spec.kind) {
    case "generate":
      return "/api/v1/images/generate";
    case "edit":
      return `/api/v1/images/${encodeURIComponent(spec.sourceId)}/edit`;
    case "variations":
      return `/api/v1/images/${encodeURIComponent(spec.sourceId)}/variations`;
    case "resume":
      throw new Error("A reattached generation is followed, not sent.");
  }
}

async function bodyOf(spec: GenerationSpec): Promise<GenerationBody> {
  switch (spec.kind) {
    case "generate": {
      const { buildGenerateBody } = await loadStreaming();
      return buildGenerateBody(spec.input, spec.files, spec.inputImageIds);
    }
    case "resume":
      throw new Error("A reattached generation is followed, not sent.");
    default:
      return { kind: "json", value: spec.input };
  }
}

/** crypto.randomUUID needs a secure context; plain-HTTP LAN testing gets the same from getRandomValues. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
