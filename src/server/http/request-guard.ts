import { Server, type IncomingMessage } from "node:http";
import { resolveClientAddress, trustedProxyList } from "./forwarded-client";

/**
 * The header that carries the client's address from the HTTP server to the route handlers.
 * It is only believed because this guard removes any copy a client sends and writes it itself.
 */
export const CLIENT_ADDRESS_HEADER = "x-studio-client-ip";

const INSTALLED = Symbol.for("ai-image-studio.client-address-guard");

/**
 * Route handlers never see the socket (Next gives them a web Request, and `next start` only
 * fills X-Forwarded-For from the socket when the client did not send one). So, once per
 * process, every HTTP server's "request" event is stamped with the address the socket and
 * the trusted proxies establish, before Next reads the request.
 *
 * Not used on Vercel, where the platform sets the forwarding headers itself.
 */
export function installClientAddressGuard(trustedProxies: string[]): void {
  const prototype = Server.prototype as Server & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  const trusted = trustedProxyList(trustedProxies);
  const emit = prototype.emit;
  prototype.emit = function emitWithClientAddress(
    this: Server,
    event: string | symbol,
    ...args: unknown[]
  ) {
    if (event === "request") stampClientAddress(args[0] as IncomingMessage, trusted);
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
  prototype[INSTALLED] = true;
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
