import { NextRequest } from "next/server";
import type { ApiEnvelope } from "@/shared/api-errors";

type Handler = (
  request: NextRequest,
  segment: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

export const TEST_ORIGIN = "http://localhost:3000";

export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  body: ApiEnvelope<T>;
}

export interface CallOptions {
  method?: string;
  path: string;
  body?: unknown;
  rawBody?: string;
  /** multipart/form-data body; the boundary header is set from it */
  form?: FormData;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  withCookies?: boolean;
  origin?: string | null;
}

/**
 * Calls route handlers the way Next does, with a cookie store that behaves like a browser's:
 * Set-Cookie headers are kept and sent back on later calls.
 */
export class ApiCaller {
  readonly cookies = new Map<string, string>();

  async call<T = unknown>(handler: Handler, options: CallOptions): Promise<ApiResponse<T>> {
    const response = await this.raw(handler, options);
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as ApiEnvelope<T>,
    };
  }

  /** The handler's Response as it is (files, event streams). */
  async raw(handler: Handler, options: CallOptions): Promise<Response> {
    const method = options.method ?? "GET";
    const headers = new Headers(options.headers);
    if ((options.body !== undefined || options.rawBody !== undefined) && !options.form)
      headers.set("content-type", "application/json");
    const origin = options.origin === undefined ? TEST_ORIGIN : options.origin;
    if (origin && method !== "GET") headers.set("origin", origin);
    if (options.withCookies !== false && this.cookies.size > 0) {
      // Cookies the call names itself (e.g. NEXT_LOCALE) go with the jar's.
      const own = headers.get("cookie");
      const jar = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
      headers.set("cookie", own ? `${own}; ${jar}` : jar);
    }
    const request = new NextRequest(new URL(options.path, TEST_ORIGIN), {
      method,
      headers,
      body:
        options.form ??
        options.rawBody ??
        (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
      const index = pair.indexOf("=");
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      const expired =
        attributes.some((attribute) => /^max-age=0$/i.test(attribute)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}
