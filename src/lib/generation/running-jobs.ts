import type { Image } from "@/shared/api-types";
import type { AspectRatio } from "@/shared/limits";

/**
 * Generations this browser started and has not seen finish, kept in localStorage so a page
 * opened later (after the tab was closed or reloaded) can follow them again. The server runs
 * the job whether or not anyone watches; this is only where to look.
 */
export interface RunningJob {
  id: string;
  userId: string;
  startedAt: number;
  /** Images asked for, for the placeholders while it runs. */
  count: number;
  aspectRatio: AspectRatio | null;
  prompt: string | null;
}

/** GET /api/v1/generations/:id */
export interface GenerationJob {
  id: string;
  status: "queued" | "generating" | "storing" | "done" | "failed";
  images: Image[];
  error: { code: string; message: string; details?: unknown } | null;
  /** The failures of a batch's images, when the server lists them. */
  failed?: { error: { code: string; message: string; details?: unknown } }[];
}

const STORAGE_KEY = "ais.running-generations";
/** A job older than this is over one way or another (the reaper fails and refunds dead ones). */
export const RUNNING_JOB_MAX_AGE_MS = 60 * 60 * 1000;
const MAX_JOBS = 8;

function read(): RunningJob[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter(isRunningJob) : [];
  } catch {
    return [];
  }
}

function write(jobs: RunningJob[]): void {
  try {
    if (jobs.length === 0) window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, JSON.stringify(jobs.slice(-MAX_JOBS)));
  } catch {
    // Storage full or blocked: the job still finishes and lands in the gallery.
  }
}

function isRunningJob(value: unknown): value is RunningJob {
  if (typeof value !== "object" || value === null) return false;
  const job = value as Record<string, unknown>;
  return (
    typeof job.id === "string" &&
    typeof job.userId === "string" &&
    typeof job.startedAt === "number" &&
    typeof job.count === "number"
  );
}

export function rememberJob(job: RunningJob): void {
  write([...read().filter((item) => item.id !== job.id), job]);
}

export function forgetJob(id: string): void {
  const jobs = read();
  if (jobs.some((job) => job.id === id)) write(jobs.filter((job) => job.id !== id));
}

/** This user's jobs worth asking about, newest first; stale ones are dropped. */
export function runningJobsOf(userId: string, now = Date.now()): RunningJob[] {
  const jobs = read();
  const fresh = jobs.filter((job) => now - job.startedAt < RUNNING_JOB_MAX_AGE_MS);
  if (fresh.length !== jobs.length) write(fresh);
  return fresh.filter((job) => job.userId === userId).sort((a, b) => b.startedAt - a.startedAt);
}
