/**
 * The people run: each virtual user is one person on their own keep-alive connection who does
 * a step, reads the answer, then pauses (THINK seconds on average, 0.5–1.5× at random) before
 * the next, the way someone scrolls, reads and clicks. People start spread over the first pause
 * and at a random step of their round (they are mid-session), so the run does not open with a
 * thundering herd of gallery pages.
 *
 * autocannon, the saturation runner, cannot pause between requests (its slowest rate is one
 * request per second per connection, and its overall rate caps the number of connections), so
 * this runner sends with Node's own HTTP client; the steps and the tally are the same.
 */
import { Agent, request as httpRequest } from "node:http";
import type { RunOutcome, Target } from "./closed-loop";
import type { Group, Step, Tally, UserState } from "./workload";

interface Answer {
  status: number;
  body: string;
}

interface SendFailure extends Error {
  code?: string;
}

function sendOnce(
  agent: Agent,
  baseUrl: URL,
  step: Step,
  built: ReturnType<Step["build"]>,
  timeoutMs: number,
): Promise<Answer & { reusedSocket: boolean }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        agent,
        host: baseUrl.hostname,
        port: baseUrl.port,
        method: step.method,
        path: built.path,
        headers: {
          ...built.headers,
          ...(built.body === undefined ? {} : { "content-length": Buffer.byteLength(built.body) }),
        },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            reusedSocket: outgoing.reusedSocket,
          }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("error", (error: SendFailure) =>
      reject(Object.assign(error, { reusedSocket: outgoing.reusedSocket })),
    );
    outgoing.end(built.body);
  });
}

/**
 * Sends one step. Like a browser, it sends again once when a kept-alive connection turns out to
 * have been closed by the server just as the request went out (the server closes idle sockets
 * after its keep-alive time-out, and people pause longer than that).
 */
async function send(
  agent: Agent,
  baseUrl: URL,
  step: Step,
  user: UserState,
  timeoutMs: number,
): Promise<Answer> {
  const built = step.build(user);
  try {
    return await sendOnce(agent, baseUrl, step, built, timeoutMs);
  } catch (error) {
    const failure = error as SendFailure & { reusedSocket?: boolean };
    if (failure.reusedSocket && failure.code === "ECONNRESET") {
      return sendOnce(agent, baseUrl, step, built, timeoutMs);
    }
    throw error;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runPeople(options: {
  targets: Target[];
  virtualUsers: number;
  seconds: number;
  thinkSeconds: number;
  tally: Tally;
}): Promise<RunOutcome & { mostInFlight: number }> {
  const { targets, virtualUsers, seconds, thinkSeconds, tally } = options;
  const endsAt = performance.now() + seconds * 1000;
  const outcome = { socketErrors: 0, timeouts: 0, mostInFlight: 0 };
  let inFlight = 0;
  const think = () => thinkSeconds * 1000 * (0.5 + Math.random());

  async function person(baseUrl: URL, group: Group) {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const user: UserState = {};
    await sleep(Math.random() * thinkSeconds * 1000);
    // People are somewhere in their session when the run starts, not all at its first step.
    let first = Math.floor(Math.random() * group.steps.length);
    while (group.steps[first % group.steps.length]!.ready?.(user) === false) first++;
    for (let index = first; performance.now() < endsAt; index++) {
      const step = group.steps[index % group.steps.length]!;
      const started = performance.now();
      inFlight++;
      outcome.mostInFlight = Math.max(outcome.mostInFlight, inFlight);
      try {
        const answer = await send(agent, baseUrl, step, user, group.timeoutSeconds * 1000);
        tally.record(step.kind, answer.status, step.expected, performance.now() - started);
        step.read?.(answer.body, user);
      } catch (error) {
        const failure = error as SendFailure;
        const timedOut = failure.name === "TimeoutError";
        if (timedOut) outcome.timeouts++;
        outcome.socketErrors++;
        tally.record(
          step.kind,
          timedOut ? "time-out" : `socket error ${failure.code ?? failure.message}`,
          step.expected,
          performance.now() - started,
        );
      } finally {
        inFlight--;
      }
      await sleep(Math.min(think(), Math.max(0, endsAt - performance.now())));
    }
    agent.destroy();
  }

  const people: Promise<void>[] = [];
  for (const [index, group] of targets[0]!.groups.entries()) {
    const count = Math.max(1, Math.round(virtualUsers * group.share));
    for (let i = 0; i < count; i++) {
      const target = targets[i % targets.length]!;
      people.push(person(new URL(target.baseUrl), target.groups[index]!));
    }
  }
  await Promise.all(people);
  return outcome;
}
