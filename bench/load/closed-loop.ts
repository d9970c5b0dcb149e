/**
 * The saturation run: every virtual user is one autocannon connection that sends its next
 * request as soon as the last one answered, with no pause. It finds the most the server does,
 * not how real people load it (see people.ts for that).
 */
import autocannon, { type Request as CannonRequest } from "autocannon";
import type { Group, Kind, Tally, UserState } from "./workload";

interface Context {
  kind?: Kind;
  startedAt?: number;
  user?: UserState;
}

/** One studio process and the groups of people aimed at it. */
export interface Target {
  baseUrl: string;
  groups: Group[];
}

export interface RunOutcome {
  socketErrors: number;
  timeouts: number;
}

export async function runClosedLoop(options: {
  targets: Target[];
  virtualUsers: number;
  seconds: number;
  tally: Tally;
}): Promise<RunOutcome> {
  const { targets, virtualUsers, seconds, tally } = options;
  const results = await Promise.all(
    targets.flatMap(({ baseUrl, groups }) =>
      groups.map((group) =>
        autocannon({
          url: baseUrl,
          connections: Math.max(1, Math.round((virtualUsers * group.share) / targets.length)),
          duration: seconds,
          timeout: group.timeoutSeconds,
          requests: group.steps.map((step): CannonRequest => ({
            method: step.method,
            setupRequest: (request: CannonRequest, context: Context) => {
              const built = step.build((context.user ??= {}));
              context.kind = step.kind;
              context.startedAt = performance.now();
              return {
                ...request,
                method: step.method,
                path: built.path,
                headers: built.headers,
                body: built.body as string | undefined,
              };
            },
            onResponse: (status: number, body: string, context: Context) => {
              if (context.startedAt === undefined) return;
              tally.record(step.kind, status, step.expected, performance.now() - context.startedAt);
              context.startedAt = undefined;
              step.read?.(body, (context.user ??= {}));
            },
          })),
        }),
      ),
    ),
  );
  return {
    socketErrors: results.reduce((sum, result) => sum + result.errors, 0),
    timeouts: results.reduce((sum, result) => sum + result.timeouts, 0),
  };
}
