/** A small closed-loop load generator: `connections` workers each send one request at a time. */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  throughput: number;
}

export interface LoadRequest {
  url: string;
  headers?: Record<string, string>;
}

/**
 * `next` is called for every request, so each one may be a different user or query.
 * Responses are asked for uncompressed unless the request says otherwise: the load generator
 * shares the machine's cores with the servers, and decompressing would be its own cost.
 */
export async function runLoad({
  next,
  connections,
  seconds,
  expectStatus = 200,
}: {
  next: () => LoadRequest;
  connections: number;
  seconds: number;
  expectStatus?: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          const { url, headers = {} } = next();
          const response = await fetch(url, {
            headers: { "accept-encoding": "identity", ...headers },
          });
          await response.arrayBuffer();
          if (response.status !== expectStatus) errors += 1;
          else latencies.push(performance.now() - t0);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return {
    requests: latencies.length,
    errors,
    seconds: elapsed,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    throughput: latencies.length / elapsed,
  };
}

export function formatLoad(label: string, result: LoadResult): string {
  return `${label.padEnd(40)} p50 ${result.p50.toFixed(1).padStart(7)} ms  p95 ${result.p95.toFixed(1).padStart(7)} ms  ${result.throughput.toFixed(0).padStart(6)} req/s  (${result.requests} ok, ${result.errors} errors)`;
}
