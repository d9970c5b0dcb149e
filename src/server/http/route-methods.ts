import "server-only";
import type { NextRequest } from "next/server";
import { AppError } from "./app-error";
import { defineRoute } from "./define-route";
import { reply } from "./reply";

import { HTTP_METHODS, type HttpMethod } from "./http-methods";

export { HTTP_METHODS, type HttpMethod };
type DeclarableMethod = Exclude<HttpMethod, "HEAD" | "OPTIONS">;

export type RouteHandler = (
  request: NextRequest,
  segment: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

const FILLED_IN = Symbol.for("ai-image-studio.filledInMethod");

/** False for the answers `routeMethods` fills in (405, OPTIONS, HEAD): true for a route's own. */
export function isDeclaredHandler(handler: unknown): boolean {
  return typeof handler === "function" && !(FILLED_IN in handler);
}

const ADMIN_ONLY = Symbol.for("ai-image-studio.adminOnlyFilledInMethod");

const filledIn = (handler: RouteHandler, access: "public" | "admin" = "public"): RouteHandler =>
  Object.assign(handler, { [FILLED_IN]: true }, access === "admin" ? { [ADMIN_ONLY]: true } : {});

/** True for a filled-in answer that only admins get (everyone else: the unknown-endpoint 404). */
export function isAdminOnlyFilledIn(handler: unknown): boolean {
  return typeof handler === "function" && ADMIN_ONLY in handler;
}

/**
 * A route file's exports for every method, from the handlers it declares once:
 *
 *   export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: listImages });
 *
 * Without this, Next answers a method the file does not export with a bare 405. Here HEAD is
 * GET without its body, OPTIONS lists the methods, and any other method is METHOD_NOT_ALLOWED
 * in the envelope with an `Allow` header.
 */
export function routeMethods(
  declared: Partial<Record<DeclarableMethod, RouteHandler>>,
  /**
   * "admin": the filled-in answers (405, OPTIONS) are given to signed-in admins only; everyone
   * else gets the unknown-endpoint 404, so no method reveals that an admin endpoint exists.
   */
  options: { access?: "public" | "admin" } = {},
): Record<HttpMethod, RouteHandler> {
  const access = options.access ?? "public";
  const names = (Object.keys(declared) as DeclarableMethod[]).filter((name) => declared[name]);
  const allowed: HttpMethod[] = [...names, ...(declared.GET ? ["HEAD" as const] : []), "OPTIONS"];
  const allow = [...allowed].sort().join(", ");
  const notAllowed = filledIn(
    defineRoute({ access, checkOrigin: false }, async ({ request }) => {
      throw new AppError(
        "METHOD_NOT_ALLOWED",
        `${request.method} is not allowed here. Use ${allow}.`,
        { allow: allowed },
        { headers: { Allow: allow } },
      );
    }),
    access,
  );
  const optionsAnswer = filledIn(
    defineRoute({ access, checkOrigin: false }, async () =>
      reply({ allow: allowed }, { headers: { Allow: allow } }),
    ),
    access,
  );
  return {
    GET: declared.GET ?? notAllowed,
    HEAD: declared.GET ? filledIn(withoutBody(declared.GET)) : notAllowed,
    OPTIONS: optionsAnswer,
    POST: declared.POST ?? notAllowed,
    PUT: declared.PUT ?? notAllowed,
    PATCH: declared.PATCH ?? notAllowed,
    DELETE: declared.DELETE ?? notAllowed,
  };
}

/** The same handler for every method (the catch-all that answers unknown endpoints). */
export function everyMethod(handler: RouteHandler): Record<HttpMethod, RouteHandler> {
  const filled = filledIn(handler);
  return Object.fromEntries(HTTP_METHODS.map((method) => [method, filled])) as Record<
    HttpMethod,
    RouteHandler
  >;
}

function withoutBody(handler: RouteHandler): RouteHandler {
  return async (request, segment) => {
    const response = await handler(request, segment);
    await response.body?.cancel().catch(() => undefined);
    return new Response(null, { status: response.status, headers: response.headers });
  };
}
