import { ApiClientError } from "@/lib/api/errors";
import { apiFetch } from "@/lib/api/request";
import type { GenerationStage, Image } from "@/shared/api-types";
import { GenerationError, type GenerationErrorCode } from "./generation-error";
import type { ErrorBody } from "./generation-events";
import { forgetJob, RUNNING_JOB_MAX_AGE_MS, type GenerationJob } from "./running-jobs";

/*
 * Following a job by polling GET /generations/:id: a reattached page (the tab that started it
 * was closed) or a stream that broke off. Loaded only then, not with the generate page.
 */

export type FollowOutcome =
  | { kind: "done"; images: Image[]; failed: ErrorBody[] }
  | { kind: "failed"; error: GenerationError };

const POLL_MS = 1500;

/**
 * Polls the job until it is over and returns how it ended; null when it cannot be read
 * (unknown: forgotten; the studio unreachable: kept for the next page) or after an hour.
 */
export async function followJob(
  generationId: string,
  on: { stage: (stage: GenerationStage) => void; image: (image: Image) => void },
): Promise<FollowOutcome | null> {
  // The server fails and refunds a job whose process died; past this, stop asking.
  const giveUpAt = Date.now() + RUNNING_JOB_MAX_AGE_MS;
  while (Date.now() < giveUpAt) {
    let job: GenerationJob;
    try {
      job = await apiFetch<GenerationJob>(
        `/api/v1/generations/${encodeURIComponent(generationId)}`,
      );
    } catch (error) {
      if (error instanceof ApiClientError && error.status === 404) forgetJob(generationId);
      return null;
    }
    if (job.status === "done" || job.status === "failed") {
      forgetJob(generationId);
      const failed = (job.failed ?? []).map((item) => item.error);
      return job.status === "done" && job.images.length > 0
        ? { kind: "done", images: job.images, failed }
        : { kind: "failed", error: jobError(job.error ?? failed[0] ?? null) };
    }
    on.stage(job.status);
    for (const image of job.images) on.image(image);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return null;
}

function jobError(error: GenerationJob["error"]): GenerationError {
  return new GenerationError({
    code: (error?.code ?? "INTERNAL_ERROR") as GenerationErrorCode,
    message: error?.message ?? "The generation failed.",
    status: 200,
    details: error?.details,
  });
}
