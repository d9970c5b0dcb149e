import "server-only";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Below this, compressing costs more than it saves (the threshold `next start` uses for pages). */
const THRESHOLD_BYTES = 1024;

type Encoding = "br" | "gzip";

/** The encoding to use from an Accept-Encoding header: br, then gzip; one with q=0 is refused. */
export function pickEncoding(acceptEncoding: string | null): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find(Boolean);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const allows = (name: Encoding) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (allows("br")) return "br";
  if (allows("gzip")) return "gzip";
  return null;
}

/**
 * The API's JSON, compressed for a client that accepts it. `next start` compresses pages but
 * not Route Handler responses (vercel/next.js#98007: their Content-Type reaches the compression
 * middleware as an array, which it does not recognise), so lists of 30 images went out as
 * ~20 kB of plain JSON. Vercel compresses at its edge and passes an already encoded response
 * through untouched, so doing it here is right on both. Streams (SSE), files and archives are
 * not JSON and are left alone.
 */
export async function compressJson(request: Request, response: Response): Promise<Response> {
  const type = response.headers.get("content-type") ?? "";
  if (!/^application\/(problem\+)?json\b/i.test(type) || response.headers.has("content-encoding")) {
    return response;
  }
  // Caches must keep the encoded and the plain copy apart.
  response.headers.append("vary", "Accept-Encoding");
  const encoding = pickEncoding(request.headers.get("accept-encoding"));
  if (!encoding || !response.body || request.method === "HEAD") return response;
  const plain = Buffer.from(await response.arrayBuffer());
  const init = {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  };
  if (plain.length < THRESHOLD_BYTES) return new Response(plain, init);
  const encoded =
    encoding === "br"
      ? await brotliAsync(plain, {
          params: {
            // Quality 4: about gzip's speed with a smaller result (11, the default, is far slower).
            [constants.BROTLI_PARAM_QUALITY]: 4,
            [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
          },
        })
      : await gzipAsync(plain, { level: 6 });
  const headers = new Headers(response.headers);
  headers.set("content-encoding", encoding);
  headers.set("content-length", String(encoded.length));
  return new Response(new Uint8Array(encoded), { ...init, headers });
}
