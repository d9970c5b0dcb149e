import "server-only";
import { after, type NextRequest } from "next/server";
import type { Image, Quota } from "@/shared/api-types";
import { generateInputSchema, IDEMPOTENCY_KEY, type GenerateInput } from "@/shared/schemas/images";
import type { AuthIdentity } from "@/server/auth/auth-port";
import { AppError } from "@/server/http/app-error";
import { errorBodyOf } from "@/server/http/define-route";
import { createEventStream } from "@/server/http/event-stream";
import { reply } from "@/server/http/reply";
import { parseWith } from "@/server/http/validation";
import { logger } from "@/server/observability/logger";
import { readQuota } from "@/server/quotas/quota-service";
import type { Services } from "@/server/services";
import type { GenerationOutcome, GenerationRequest } from "./generation-service";

// The upload limit (10 MB) plus room for the other form fields and multipart framing.
const MAX_MULTIPART_BYTES = 10 * 1024 * 1024 + 64 * 1024;

/** Reads a generate request: JSON, or multipart/form-data with the same fields and an `image` file. */
export async function readGenerateRequest(
  request: NextRequest,
): Promise<{ input: GenerateInput; imageBytes: Uint8Array | null }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) {
    const text = await readBounded(request, 64 * 1024);
    let body: unknown;
    try {
      body = JSON.parse(text || "null");
    } catch {
      throw new AppError("INVALID_JSON", "The request body is not valid JSON.");
    }
    return { input: parseWith(generateInputSchema, body, "body"), imageBytes: null };
  }
  const raw = await readBounded(request, MAX_MULTIPART_BYTES, true);
  let form: FormData;
  try {
    form = await new Response(new Blob([raw as Uint8Array<ArrayBuffer>]), {
      headers: { "content-type": contentType },
    }).formData();
  } catch {
    throw new AppError("VALIDATION_ERROR", "The form data could not be read.");
  }
  const fields: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (name === "image" || typeof value !== "string") continue;
    if (name === "tags" || name === "tags[]") {
      const tags = value.trim().startsWith("[") ? (JSON.parse(value) as unknown) : value.split(",");
      fields.tags = [
        ...((fields.tags as unknown[]) ?? []),
        ...(Array.isArray(tags) ? tags : [tags]),
      ];
    } else if (name === "seed") fields.seed = value === "" ? undefined : Number(value);
    else if (name === "isPublic")
      fields.isPublic = value === "true" || value === "on" || value === "1";
    else if (value !== "") fields[name] = value;
  }
  const file = form.get("image");
  const imageBytes =
    file instanceof Blob && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
  return { input: parseWith(generateInputSchema, fields, "body"), imageBytes };
}

async function readBounded(request: NextRequest, maxBytes: number, binary?: false): Promise<string>;
async function readBounded(
  request: NextRequest,
  maxBytes: number,
  binary: true,
): Promise<Uint8Array>;
async function readBounded(
  request: NextRequest,
  maxBytes: number,
  binary = false,
): Promise<string | Uint8Array> {
  const tooLarge = () =>
    new AppError(
      "PAYLOAD_TOO_LARGE",
      maxBytes > 1024 * 1024
        ? "The image is over 10 MB. Choose a smaller one."
        : "The request body is too large.",
    );
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return binary ? bytes : new TextDecoder().decode(bytes);
}

export function readIdempotencyKey(request: NextRequest): string | null {
  const key = request.headers.get("idempotency-key");
  if (key === null) return null;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new AppError(
      "VALIDATION_ERROR",
      "Idempotency-Key must be 1 to 128 visible ASCII characters.",
      {
        issues: [{ path: "Idempotency-Key", message: "1 to 128 visible ASCII characters" }],
      },
    );
  }
  return key;
}

export function quotaHeaders(quota: Quota): Record<string, string> {
  return {
    "X-Quota-Limit": quota.dailyLimit === null ? "unlimited" : String(quota.dailyLimit),
    "X-Quota-Remaining": quota.remainingToday === null ? "unlimited" : String(quota.remainingToday),
    "X-Quota-Reset": quota.resetsAt,
  };
}

async function currentQuota(services: Services, userId: string): Promise<Quota> {
  const limits = await services.users.getQuotaLimits({ userId });
  return readQuota({ db: services.database.db, userId, limits });
}

/** Keeps the work alive after the response ends (Vercel); outside a request scope it runs anyway. */
function finishAfterResponse(work: Promise<unknown>) {
  try {
    after(() => work);
  } catch {
    /* not inside a Next request (tests, scripts): the promise still runs to completion */
  }
}

/**
 * Runs a generation and answers the way the client asked: server-sent events
 * (`progress`…, then one `done` or `error`) for `Accept: text/event-stream`, else 201 JSON.
 * Both carry X-Quota-* headers; the work finishes and stores the image even if the client leaves.
 */
export async function respondWithGeneration(
  context: {
    request: NextRequest;
    services: Services;
    identity: AuthIdentity;
    requestId: string;
    responseHeaders: Headers;
  },
  run: (
    extra: Pick<GenerationRequest, "onProgress" | "responseHeaders" | "requestId">,
  ) => Promise<GenerationOutcome>,
): Promise<Response | ReturnType<typeof reply<{ image: Image }>>> {
  const { request, services, identity, requestId, responseHeaders } = context;
  const wantsStream = (request.headers.get("accept") ?? "").includes("text/event-stream");

  if (!wantsStream) {
    try {
      const outcome = await run({ requestId, responseHeaders });
      const headers = quotaHeaders(await currentQuota(services, identity.userId));
      if (outcome.replayed) headers["Idempotent-Replayed"] = "true";
      return reply({ image: outcome.image }, { status: 201, headers });
    } catch (error) {
      for (const [name, value] of Object.entries(
        quotaHeaders(await currentQuota(services, identity.userId)),
      )) {
        responseHeaders.set(name, value);
      }
      throw error;
    }
  }

  const events = createEventStream();
  for (const [name, value] of Object.entries(
    quotaHeaders(await currentQuota(services, identity.userId)),
  )) {
    events.response.headers.set(name, value);
  }
  const work = run({
    requestId,
    responseHeaders: new Headers(),
    onProgress: (progress) => events.send("progress", progress),
  })
    .then(async (outcome) => {
      const quota = await currentQuota(services, identity.userId);
      events.send("done", { image: outcome.image, quota, replayed: outcome.replayed });
    })
    .catch(async (error: unknown) => {
      const quota = await currentQuota(services, identity.userId).catch(() => null);
      events.send("error", { error: errorBodyOf(error, requestId), quota });
      if (!events.isOpen) logger.info("generation ended after the client left", { requestId });
    })
    .finally(() => events.close());
  finishAfterResponse(work);
  return events.response;
}
