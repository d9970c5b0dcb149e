import { create } from "zustand";
import { apiFetch } from "@/lib/api/request";
import { buildGenerateBody } from "@/lib/generation/request-body";
import {
  GenerationError,
  streamGeneration,
  type GenerationBody,
} from "@/lib/generation/stream-generation";
import type { GenerationStage, GenerationTimings, Image, Quota } from "@/shared/api-types";
import type { EditInput, GenerateInput } from "@/shared/schemas/images";
import { announceGenerationSucceeded } from "@/lib/pwa/install-moment";

/** What to ask the server for; kept with each result so "Generate again" can repeat it. */
export type GenerationSpec =
  | { kind: "generate"; input: GenerateInput; image: File | null; seedFixed: boolean }
  | { kind: "edit"; sourceId: string; input: EditInput };

export interface SessionResult {
  image: Image;
  spec: GenerationSpec;
  replayed: boolean;
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
  activeId: string | null;
  quota: Quota | null;
  medianMs: number | null;
  /** Who is generating: a prompt that cannot reach the studio is queued under this account. */
  userId: string | null;
  /** Bumped each time a prompt goes into the outbox instead of being sent (for the page's notice). */
  queuedCount: number;
  setUserId: (userId: string) => void;
  start: (spec: GenerationSpec) => Promise<void>;
  retry: (options: { reuseKey: boolean }) => Promise<void>;
  dismissError: () => void;
  select: (id: string) => void;
  replaceImage: (image: Image) => void;
  setQuota: (quota: Quota) => void;
  refreshTimings: () => Promise<void>;
}

const MAX_RESULTS = 24;

/** Lives outside the page: a generation keeps going (and lands here) if the user navigates away. */
export const useGenerationStore = create<GenerationStoreState>()((set, get) => {
  /**
   * Puts a prompt that cannot be sent now into the outbox, with the attempt's Idempotency-Key:
   * if the request did reach the server before the connection dropped, the replay returns that
   * image instead of generating a second one. Edits are not queued (they need their source).
   */
  async function queue(attempt: Attempt): Promise<boolean> {
    const { userId } = get();
    if (attempt.spec.kind !== "generate" || !userId) return false;
    try {
      // The outbox's code (IndexedDB, the flush) loads the first time a prompt is queued.
      const { queuePrompt } = await import("@/lib/offline/outbox-page");
      await queuePrompt({
        userId,
        input: attempt.spec.input,
        image: attempt.spec.image,
        idempotencyKey: attempt.idempotencyKey,
      });
    } catch {
      return false;
    }
    set((state) => ({ run: { status: "idle" }, queuedCount: state.queuedCount + 1 }));
    return true;
  }

  async function send(attempt: Attempt) {
    if (navigator.onLine === false && (await queue(attempt))) return;
    const now = Date.now();
    set({
      attempt,
      run: {
        status: "running",
        spec: attempt.spec,
        stage: "queued",
        serverPercent: 0,
        startedAt: now,
        stageStartedAt: now,
      },
    });
    try {
      const outcome = await streamGeneration({
        url: urlOf(attempt.spec),
        body: bodyOf(attempt.spec),
        idempotencyKey: attempt.idempotencyKey,
        onProgress: ({ stage, percent }) => {
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
        },
      });
      const result: SessionResult = {
        image: outcome.image,
        spec: attempt.spec,
        replayed: outcome.replayed,
      };
      set((state) => ({
        run: { status: "idle" },
        results: [
          result,
          ...state.results.filter((item) => item.image.id !== outcome.image.id),
        ].slice(0, MAX_RESULTS),
        activeId: outcome.image.id,
        quota: outcome.quota ?? state.quota,
      }));
      // A stored image is the moment the studio may offer to be installed.
      announceGenerationSucceeded();
      void get().refreshTimings();
    } catch (caught) {
      if (
        caught instanceof GenerationError &&
        caught.code === "NETWORK_ERROR" &&
        (await queue(attempt))
      ) {
        return;
      }
      const error =
        caught instanceof GenerationError
          ? caught
          : new GenerationError({
              code: "INTERNAL_ERROR",
              message: "Something went wrong in the page.",
            });
      set((state) => ({
        run: { status: "failed", spec: attempt.spec, error, failedAt: Date.now() },
        quota: error.quota ?? state.quota,
      }));
    }
  }

  return {
    run: { status: "idle" },
    attempt: null,
    results: [],
    activeId: null,
    quota: null,
    medianMs: null,
    userId: null,
    queuedCount: 0,
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

/** The same request with a new random seed, unless the user fixed the seed. */
export function respecForAgain(spec: GenerationSpec): GenerationSpec {
  if (spec.kind === "generate") {
    if (spec.seedFixed) return spec;
    const { seed: _seed, ...input } = spec.input;
    return { ...spec, input };
  }
  const { seed: _seed, ...input } = spec.input;
  return { ...spec, input };
}

function urlOf(spec: GenerationSpec): string {
  return spec.kind === "generate"
    ? "/api/v1/images/generate"
    : `/api/v1/images/${encodeURIComponent(spec.sourceId)}/edit`;
}

function bodyOf(spec: GenerationSpec): GenerationBody {
  return spec.kind === "generate"
    ? buildGenerateBody(spec.input, spec.image)
    : { kind: "json", value: spec.input };
}

/** crypto.randomUUID needs a secure context; plain-HTTP LAN testing gets the same from getRandomValues. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
