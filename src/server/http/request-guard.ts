import { Server, type IncomingMessage, type ServerResponse } from "node:http";
// Next's own parser for the header, so this check never disagrees with the renderer's.
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";
import { answerUnroutableApiMethod, tidyApiPath } from "./api-path-guard";
import { resolveClientAddress, trustedProxyList } from "./forwarded-client";

/**
 * The header that carries the client's address from the HTTP server to the route handlers.
 * It is only believed because this guard removes any copy a client sends and writes it itself.
 */
export const CLIENT_ADDRESS_HEADER = "x-studio-client-ip";
const ROUTER_STATE_HEADER = "next-router-state-tree";

const INSTALLED = Symbol.for("ai-image-studio.request-guard");

/**
 * What must happen to a request before Next sees it, done once per process on every HTTP
 * server's "request" event:
 *
 * - An /api/ path with a trailing slash or an empty segment is handed on as its tidy path
 *   (Next would answer a bare 308 without the envelope): see `tidyApiPath`.
 * - A malformed `Next-Router-State-Tree` header makes Next's renderer throw (a 500 on any
 *   page), and Next hides that header from middleware, so it is answered here with a 400.
 * - Route handlers never see the socket (Next hands them a web Request, and `next start` only
 *   fills X-Forwarded-For from the socket when the client did not send one). With
 *   `trustedProxies` given, the request is stamped with the address the socket and those
 *   proxies establish. On Vercel (null) the platform's own headers are used instead.
 */
export function installRequestGuard({ trustedProxies }: { trustedProxies: string[] | null }): void {
  const prototype = Server.prototype as Server & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  const trusted = trustedProxies ? trustedProxyList(trustedProxies) : null;
  const emit = prototype.emit;
  prototype.emit = function emitThroughGuard(
    this: Server,
    event: string | symbol,
    ...args: unknown[]
  ) {
    if (event === "request") {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (answerUnroutableApiMethod(request, response)) return true;
      const tidy = tidyApiPath(request.url);
      if (tidy !== null) request.url = tidy;
      if (!routerStateIsReadable(request)) {
        response.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
        response.end("Bad request: malformed Next-Router-State-Tree header.");
        return true;
      }
      if (trusted) stampClientAddress(request, trusted);
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
  prototype[INSTALLED] = true;
}

function routerStateIsReadable(request: IncomingMessage): boolean {
  const header = request.headers[ROUTER_STATE_HEADER];
  if (header === undefined) return true;
  try {
    parseAndValidateFlightRouterState(header);
    return true;
  } catch {
    return false;
  }
}

function stampClientAddress(
  request: IncomingMessage,
  trusted: ReturnType<typeof trustedProxyList>,
) {
  delete request.headers[CLIENT_ADDRESS_HEADER];
  const address = resolveClientAddress({
    socketAddress: request.socket?.remoteAddress,
    forwardedFor: request.headers["x-forwarded-for"],
    trustedProxies: trusted,
  });
  if (address) request.headers[CLIENT_ADDRESS_HEADER] = address;
}
