import "server-only";
import type { NextRequest } from "next/server";
import { z } from "zod";
import type { ApiErrorBody } from "@/shared/api-errors";
import { toStorableText } from "@/shared/schemas/text";
import type { AuthIdentity, CookieJar, RequestMeta } from "@/server/auth/auth-port";
import { authenticateApiKey, API_KEY_PREFIX } from "@/server/api-keys/api-key-auth";
import { ConfigError } from "@/server/config/env";
import { isConnectionFailure } from "@/server/net/connection-errors";
import { logger } from "@/server/observability/logger";
import { getServices, type Services } from "@/server/services";
import { AppError } from "./app-error";
import { clientIp } from "./client-ip";
import { requestCookieJar } from "./cookie-jar";
import { errorBody, metaFor, successBody } from "./envelope";
import { Reply } from "./reply";
import { REQUEST_ID_HEADER, resolveRequestId } from "./request-id";
import { readRequestBody, type BodyKinds, type UploadedFiles } from "./request-body";
import { parseWith, validationError } from "./validation";

type Access = "public" | "optional" | "user" | "admin";
type Scope = "images:read" | "images:write";

export interface RouteContext<Body, Query, Params, Identity> {
  request: NextRequest;
  requestId: string;
  services: Services;
  identity: Identity;
  body: Body;
  /** The files of a multipart body by field name (see `bodyKinds.multipart.files`). */
  files: UploadedFiles;
  query: Query;
  params: Params;
  cookies: CookieJar;
  meta: RequestMeta;
  /** Headers added to the response, success or error (e.g. RateLimit-*). */
  responseHeaders: Headers;
}

interface RouteOptions<Body, Query, Params, A extends Access> {
  access: A;
  /**
   * The scope an API key needs to call this route; sessions carry every scope. Without one,
   * the route is session-only and refuses API keys.
   */
  scope?: Scope;
  body?: z.ZodType<Body>;
  /** How the body may arrive, each with its byte limit (default: JSON up to 64 KiB). */
  bodyKinds?: BodyKinds;
  query?: z.ZodType<Query>;
  params?: z.ZodType<Params>;
  /**
   * Refuse cross-origin writes (default). Off only for answers that change nothing whatever
   * the method (405, unknown endpoints), so they answer the same to everyone.
   */
  checkOrigin?: boolean;
  /**
   * Headers every error answer of this route carries once the caller is known, refusals before
   * the handler runs included (a body that fails its schema, a missing scope): e.g. the quota
   * headers the generate endpoints promise on every answer. Headers the handler already set win.
   */
  errorHeaders?: (context: {
    services: Services;
    identity: AuthIdentity;
  }) => Promise<Record<string, string>>;
}

type IdentityFor<A extends Access> = A extends "public"
  ? null
  : A extends "optional"
    ? AuthIdentity | null
    : AuthIdentity;
type Segment = { params: Promise<Record<string, string | string[]>> };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** What an unknown endpoint answers; admin endpoints answer non-admins the same. */
export const NO_SUCH_ENDPOINT = "No such endpoint.";

/**
 * Credentials that fail (a revoked key, a tampered token) are an admin endpoint's 404 too: a 401
 * there, where an unknown path answers 404, would tell that the endpoint exists.
 */
async function authenticateForAdmin(
  ...args: Parameters<typeof authenticate>
): Promise<AuthIdentity | null> {
  try {
    return await authenticate(...args);
  } catch (error) {
    if (error instanceof AppError && error.code === "UNAUTHORIZED") {
      throw new AppError("NOT_FOUND", NO_SUCH_ENDPOINT);
    }
    throw error;
  }
}

async function isAdminSession(identity: AuthIdentity | null, services: Services) {
  if (!identity || identity.via === "api-key") return false;
  const user = await services.users.getUser({ userId: identity.userId }).catch(() => null);
  return user?.role === "admin";
}
const INTERNAL_MESSAGE = "Something went wrong on our side. Please try again.";
const UNREACHABLE_MESSAGE =
  "The studio lost its connection to a service it depends on for a moment. Please try again.";

/**
 * Every route handler goes through here: request id → services → authentication (cookie,
 * access token, API key) → scope/role → Origin check for cookie writes → Zod parsing →
 * handler → envelope; errors become the API's codes, internals are logged and never sent.
 */
export function defineRoute<
  Body = undefined,
  Query = undefined,
  Params = undefined,
  A extends Access = Access,
>(
  options: RouteOptions<Body, Query, Params, A>,
  handler: (context: RouteContext<Body, Query, Params, IdentityFor<A>>) => Promise<unknown>,
) {
  return async function route(request: NextRequest, segment: Segment): Promise<Response> {
    const started = performance.now();
    const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
    const responseHeaders = new Headers();
    let userId: string | null = null;
    // Known once authentication succeeds, for `errorHeaders` on a later refusal.
    let caller: { services: Services; identity: AuthIdentity } | null = null;
    const jar = requestCookieJar(request);
    let response: Response;
    try {
      const services = await getServices();
      const meta: RequestMeta = {
        ip: clientIp(request.headers, services.config.forwarding),
        // Recorded with sessions and audit entries: kept, but made storable.
        userAgent: storableHeader(request.headers.get("user-agent")),
      };
      // Public routes never look at credentials (the cron route reads its own bearer secret).
      const identity =
        options.access === "public"
          ? null
          : options.access === "admin"
            ? await authenticateForAdmin(request, services, jar)
            : await authenticate(request, services, jar);
      userId = identity?.userId ?? null;
      if (identity) caller = { services, identity };
      // The sessions list's "last seen" (at most one write a minute per session).
      if (identity && identity.via !== "api-key") await services.sessions.touch(identity, meta);

      // Admin endpoints answer everyone else (signed out, API keys, other roles) as if they did
      // not exist, like another person's private things: no probing for them.
      if (options.access === "admin" && !(await isAdminSession(identity, services))) {
        throw new AppError("NOT_FOUND", NO_SUCH_ENDPOINT);
      }
      if (options.access !== "public" && options.access !== "optional" && !identity) {
        throw new AppError("UNAUTHORIZED", "Sign in to continue.");
      }
      // A route that names no scope is session-only: without this, any API key (even a
      // read-only one) could change settings, the Gemini key, sessions or other API keys.
      if (identity?.via === "api-key" && !options.scope) {
        throw new AppError(
          "FORBIDDEN",
          "API keys can only call the image endpoints (images, gallery, collections). Sign in to use this one.",
        );
      }
      if (identity && options.scope && !identity.scopes.includes(options.scope)) {
        throw new AppError("FORBIDDEN", `This API key lacks the ${options.scope} scope.`);
      }
      if (options.checkOrigin !== false && !SAFE_METHODS.has(request.method))
        assertSameOrigin(request, identity, services);

      const params = options.params
        ? parseWith(options.params, await segment.params, "params")
        : (undefined as Params);
      const query = options.query
        ? parseWith(options.query, Object.fromEntries(request.nextUrl.searchParams), "query")
        : (undefined as Query);
      let body = undefined as Body;
      let files: UploadedFiles = {};
      if (options.body) {
        const read = await readRequestBody(
          request,
          options.bodyKinds ?? { json: {} },
          options.body,
        );
        body = parseWith(options.body, read.value, "body");
        files = read.files;
      }

      const result = await handler({
        request,
        requestId,
        services,
        identity: (identity ?? null) as IdentityFor<A>,
        body,
        files,
        query,
        params,
        cookies: jar,
        meta,
        responseHeaders,
      });
      response = toResponse(result, requestId);
      // Mail that failed earlier goes out on a later request once it is due (a no-op otherwise).
      services.mail.flushIfDue();
    } catch (error) {
      response = errorResponse(error, requestId, request);
      if (options.errorHeaders && caller) {
        const extra = await options.errorHeaders(caller).catch((headerError: unknown) => {
          logger.warn("error headers not added", { requestId, error: headerError });
          return {};
        });
        for (const [name, value] of Object.entries(extra))
          if (!responseHeaders.has(name)) responseHeaders.set(name, value);
      }
    }
    responseHeaders.forEach((value, key) => response.headers.set(key, value));
    jar.applyTo(response);
    response.headers.set(REQUEST_ID_HEADER, requestId);
    if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
    logger.info("request", {
      requestId,
      method: request.method,
      path: request.nextUrl.pathname,
      status: response.status,
      durationMs: Math.round(performance.now() - started),
      userId,
    });
    return response;
  };
}

async function authenticate(
  request: NextRequest,
  services: Services,
  jar: CookieJar,
): Promise<AuthIdentity | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match?.[1];
    // A presented credential that fails is an error, not an anonymous request.
    if (!token)
      throw new AppError("UNAUTHORIZED", "The Authorization header must be `Bearer <token>`.");
    const identity = token.startsWith(API_KEY_PREFIX)
      ? await authenticateApiKey({ db: services.database.db, key: token })
      : await services.auth.authenticateAccessToken(token);
    if (!identity)
      throw new AppError("UNAUTHORIZED", "The access token or API key is invalid or has expired.");
    return identity;
  }
  return services.auth.authenticateCookies(jar);
}

/**
 * Cookie-authenticated writes must come from our own pages (CSRF). Requests that carry an
 * Origin from elsewhere are refused even when anonymous (login CSRF).
 */
function assertSameOrigin(request: NextRequest, identity: AuthIdentity | null, services: Services) {
  const origin = request.headers.get("origin");
  const allowed = allowedOrigins(request, services);
  if (origin && origin !== "null" && allowed.has(origin)) return;
  if (!origin && identity?.via !== "cookie") return;
  throw new AppError(
    "FORBIDDEN",
    "Cross-origin requests may not change anything with a session cookie.",
  );
}

function allowedOrigins(request: NextRequest, services: Services): Set<string> {
  const origins = new Set<string>([request.nextUrl.origin]);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (host) {
    const proto =
      request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "");
    origins.add(`${proto}://${host}`);
  }
  if (services.config.appUrl) origins.add(new URL(services.config.appUrl).origin);
  return origins;
}

function storableHeader(value: string | null): string | null {
  return value === null ? null : toStorableText(value);
}

function toResponse(result: unknown, requestId: string): Response {
  if (result instanceof Response) return result;
  if (result instanceof Reply) {
    const { status = 200, headers = {}, pagination } = result.init;
    return Response.json(successBody(result.data, metaFor(requestId, pagination)), {
      status,
      headers,
    });
  }
  return Response.json(successBody(result ?? null, metaFor(requestId)));
}

/** Maps any thrown value to an AppError; logs internals, never returns them. */
export function toAppError(error: unknown, requestId: string, path?: string): AppError {
  if (error instanceof AppError) {
    if (error.status >= 500)
      logger.error("request failed", { requestId, code: error.code, error, cause: error.cause });
    return error;
  }
  if (error instanceof z.ZodError) return validationError(error, "body");
  if (error instanceof ConfigError) {
    logger.error("configuration error", { requestId, issues: error.issues });
    return new AppError(
      "SERVICE_UNAVAILABLE",
      "The studio is not configured correctly. The operator has been told.",
    );
  }
  // A database or KV connection dropped (a pooler or server restart, a network blip): nothing
  // about the request was wrong, and the pool reconnects on the next query, so the caller is
  // told to try again shortly rather than that something broke.
  if (isConnectionFailure(error)) {
    logger.warn("a service connection was lost", { requestId, path, error });
    return new AppError("SERVICE_UNAVAILABLE", UNREACHABLE_MESSAGE, undefined, {
      headers: { "retry-after": "1" },
    });
  }
  logger.error("unhandled error", { requestId, path, error });
  return new AppError("INTERNAL_ERROR", INTERNAL_MESSAGE);
}

/** The envelope's `error` object for any thrown value (also used in server-sent `error` events). */
export function errorBodyOf(error: unknown, requestId: string, path?: string): ApiErrorBody {
  const appError = toAppError(error, requestId, path);
  return {
    code: appError.code,
    message: appError.message,
    ...(appError.details === undefined ? {} : { details: appError.details }),
  };
}

export function errorResponse(error: unknown, requestId: string, request?: NextRequest): Response {
  const appError = toAppError(error, requestId, request?.nextUrl.pathname);
  const body = errorBody(
    {
      code: appError.code,
      message: appError.message,
      ...(appError.details === undefined ? {} : { details: appError.details }),
    },
    metaFor(requestId),
  );
  return Response.json(body, { status: appError.status, headers: appError.headers });
}
