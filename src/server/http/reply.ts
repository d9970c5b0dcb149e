import "server-only";
import type { ApiMeta } from "@/shared/api-errors";

/** What a route handler returns when it needs a status, headers or pagination besides its data. */
export class Reply<T> {
  constructor(
    readonly data: T,
    readonly init: {
      status?: number;
      headers?: Record<string, string>;
      pagination?: ApiMeta["pagination"];
    } = {},
  ) {}
}

export const reply = <T>(data: T, init?: Reply<T>["init"]) => new Reply(data, init);
