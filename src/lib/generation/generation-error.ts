import { ApiClientError, type ApiClientErrorCode } from "@/lib/api/errors";
import type { Quota } from "@/shared/api-types";

/*
 * Apart from stream-generation.ts so that the generate page can name and check the error
 * without carrying the streaming code, which loads when the first request is sent.
 */

/** The API's codes, plus the stream ending before its `done` or `error` event. */
export type GenerationErrorCode = ApiClientErrorCode;

interface GenerationErrorInit {
  code: GenerationErrorCode;
  message: string;
  status?: number;
  details?: unknown;
  retryAfterSeconds?: number | null;
  quota?: Quota | null;
}

/** A generation that failed: an error envelope, an `error` event, or a broken connection. */
export class GenerationError extends ApiClientError {
  /** The quota after the failure, when the server sent it. */
  readonly quota: Quota | null;

  constructor(init: GenerationErrorInit) {
    super({ ...init, status: init.status ?? 0 });
    this.name = "GenerationError";
    this.quota = init.quota ?? null;
  }
}
