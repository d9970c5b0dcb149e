import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GenerationError } from "./generation-error";
import { followJob } from "./follow-job";
import { rememberJob, runningJobsOf } from "./running-jobs";

const image = {
  id: "9b2f1f3e-1111-4222-8333-944455556666",
  prompt: "a kite",
  seed: 7,
  model: "demo",
  isPublic: false,
  urls: { original: "/o", thumbnails: {} },
};

/** GET /generations/:id answering these job states in turn (the last one repeats). */
function serveJobs(...answers: { status: number; body: unknown }[]) {
  const urls: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      urls.push(url);
      const answer = answers[Math.min(urls.length - 1, answers.length - 1)]!;
      return new Response(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { "content-type": "application/json" },
      });
    }),
  );
  return urls;
}

const job = (status: string, extra: Record<string, unknown> = {}) => ({
  status: 200,
  body: {
    success: true,
    data: { id: "job-1", status, count: 2, images: [], failed: [], error: null, ...extra },
  },
});

beforeEach(() => {
  const items = new Map<string, string>();
  vi.stubGlobal("window", {
    localStorage: {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
    },
  });
  vi.useFakeTimers({ toFake: ["setTimeout"] });
  rememberJob({
    id: "job-1",
    userId: "user-1",
    startedAt: Date.now(),
    count: 2,
    aspectRatio: null,
    prompt: null,
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("followJob", () => {
  it("reports the stages and images of a running job, then its outcome, and forgets it", async () => {
    const urls = serveJobs(
      job("generating"),
      job("storing", { images: [image] }),
      job("done", {
        images: [image],
        failed: [{ error: { code: "QUOTA_EXCEEDED", message: "No images left today." } }],
      }),
    );
    const stages: string[] = [];
    const images: string[] = [];
    const following = followJob("job-1", {
      stage: (stage) => stages.push(stage),
      image: (value) => images.push(value.id),
    });
    await vi.advanceTimersByTimeAsync(5000);
    const outcome = await following;
    expect(urls[0]).toBe("/api/v1/generations/job-1");
    expect(stages).toEqual(["generating", "storing"]);
    expect(images).toEqual([image.id]);
    expect(outcome).toEqual({
      kind: "done",
      images: [image],
      failed: [{ code: "QUOTA_EXCEEDED", message: "No images left today." }],
    });
    expect(runningJobsOf("user-1")).toEqual([]);
  });

  it("turns a failed job into its error", async () => {
    serveJobs(
      job("failed", { error: { code: "PROVIDER_ERROR", message: "The provider failed." } }),
    );
    const outcome = await followJob("job-1", { stage: () => undefined, image: () => undefined });
    expect(outcome?.kind).toBe("failed");
    const error = outcome?.kind === "failed" ? outcome.error : null;
    expect(error).toBeInstanceOf(GenerationError);
    expect(error?.code).toBe("PROVIDER_ERROR");
    expect(runningJobsOf("user-1")).toEqual([]);
  });

  it("forgets a job the server does not know, and keeps one it could not ask about", async () => {
    serveJobs({
      status: 404,
      body: { success: false, error: { code: "NOT_FOUND", message: "No such generation." } },
    });
    expect(await followJob("job-1", { stage: () => undefined, image: () => undefined })).toBeNull();
    expect(runningJobsOf("user-1")).toEqual([]);

    rememberJob({
      id: "job-2",
      userId: "user-1",
      startedAt: Date.now(),
      count: 1,
      aspectRatio: null,
      prompt: null,
    });
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    expect(await followJob("job-2", { stage: () => undefined, image: () => undefined })).toBeNull();
    expect(runningJobsOf("user-1").map((item) => item.id)).toEqual(["job-2"]);
  });
});
