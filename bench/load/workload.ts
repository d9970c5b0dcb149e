/**
 * What the load test's people do, as data both runners share: the groups (browsing, visiting,
 * generating, uploading), the steps each repeats, and the tally of what came back.
 */
import sharp from "sharp";
import { SEARCH } from "../gallery/seed";

export const MIX = { browsing: 0.6, visiting: 0.34, generating: 0.05, uploading: 0.01 };

export type Kind =
  | "gallery page"
  | "list page 1"
  | "list page 2"
  | "list page 3"
  | "open image"
  | "own search"
  | "public gallery"
  | "public search"
  | "explore page"
  | "share page"
  | "generate"
  | "upload";

/** What one person has seen so far (the cursor of the last list, an image to open). */
export interface UserState {
  cookie?: string;
  cursor?: string | null;
  imageId?: string | null;
  sharePath?: string | null;
}

export interface BuiltRequest {
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface Step {
  kind: Kind;
  method: "GET" | "POST";
  /** Built just before sending, from what the person saw so far. */
  build(user: UserState): BuiltRequest;
  expected: number;
  /** Reads the answer for what the next step needs. */
  read?(body: string, user: UserState): void;
  /** False when the person has not yet seen what this step needs (an image to open). */
  ready?(user: UserState): boolean;
}

export interface Group {
  name: keyof typeof MIX;
  share: number;
  steps: Step[];
  timeoutSeconds: number;
}

export class Tally {
  readonly latencies = new Map<Kind, number[]>();
  readonly errors = new Map<Kind, number>();
  readonly statuses = new Map<string, number>();
  record(kind: Kind, status: number | string, expected: number, ms: number) {
    const list = this.latencies.get(kind) ?? [];
    list.push(ms);
    this.latencies.set(kind, list);
    if (status !== expected) {
      this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
      const key = `${kind} ${status}`;
      this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
    }
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Envelope<T> {
  data: T;
  meta?: { pagination?: { nextCursor?: string | null } };
}

function parseEnvelope<T>(body: string): Envelope<T> | null {
  try {
    return JSON.parse(body) as Envelope<T>;
  } catch {
    return null;
  }
}

async function multipartUpload(): Promise<{ body: Buffer; contentType: string }> {
  const picture = await sharp({
    create: { width: 256, height: 256, channels: 3, background: { r: 180, g: 120, b: 60 } },
  })
    .png()
    .toBuffer();
  const boundary = "----bench-load-boundary";
  const field = (name: string, value: string) =>
    `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = Buffer.concat([
    Buffer.from(field("prompt", "the same scene at night, lanterns lit")),
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="image"; filename="in.png"\r\ncontent-type: image/png\r\n\r\n`,
    ),
    picture,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * The four groups. `signIn` hands each signed-in person one of the shared accounts (several
 * devices each), the first time that person needs it.
 */
export async function workload(baseUrl: string, cookies: string[]): Promise<Group[]> {
  let nextAccount = 0;
  const signedIn = (user: UserState, path: string, extra: Record<string, string> = {}) => {
    user.cookie ??= cookies[nextAccount++ % cookies.length]!;
    return { path, headers: { cookie: user.cookie, origin: baseUrl, ...extra } };
  };
  const anonymous = (path: string): BuiltRequest => ({ path, headers: {} });
  const listPage = (kind: Kind, first: boolean): Step => ({
    kind,
    method: "GET",
    expected: 200,
    build: (user) =>
      signedIn(
        user,
        `/api/v1/images?limit=30${!first && user.cursor ? `&cursor=${encodeURIComponent(user.cursor)}` : ""}`,
      ),
    read: (body, user) => {
      const page = parseEnvelope<{ id: string }[]>(body);
      const items = page?.data ?? [];
      user.imageId = items[Math.floor(Math.random() * items.length)]?.id ?? null;
      user.cursor = page?.meta?.pagination?.nextCursor ?? null;
    },
  });
  const generate = (kind: Kind, body: (user: UserState) => BuiltRequest): Step => ({
    kind,
    method: "POST",
    expected: 201,
    build: body,
  });
  const upload = await multipartUpload();
  const browsing: Step[] = [
    { kind: "gallery page", method: "GET", expected: 200, build: (u) => signedIn(u, "/gallery") },
    listPage("list page 1", true),
    listPage("list page 2", false),
    listPage("list page 3", false),
    {
      kind: "open image",
      method: "GET",
      expected: 200,
      build: (u) => signedIn(u, `/api/v1/images/${u.imageId ?? "missing"}`),
      ready: (u) => Boolean(u.imageId),
    },
    {
      kind: "own search",
      method: "GET",
      expected: 200,
      build: (u) => signedIn(u, `/api/v1/images?limit=30&q=${SEARCH}`),
    },
  ];
  const visiting: Step[] = [
    {
      kind: "public gallery",
      method: "GET",
      expected: 200,
      build: () => anonymous("/api/v1/gallery/public?sort=newest&limit=30"),
      read: (body, user) => {
        const page = parseEnvelope<{ shareUrl?: string | null }[]>(body);
        const shared = (page?.data ?? []).filter((item) => item.shareUrl);
        const pick = shared[Math.floor(Math.random() * shared.length)]?.shareUrl;
        user.sharePath = pick ? new URL(pick, baseUrl).pathname : null;
      },
    },
    {
      kind: "public search",
      method: "GET",
      expected: 200,
      build: () => anonymous(`/api/v1/gallery/public?q=${SEARCH}&limit=30`),
    },
    { kind: "explore page", method: "GET", expected: 200, build: () => anonymous("/explore") },
    {
      kind: "share page",
      method: "GET",
      expected: 200,
      build: (u) => anonymous(u.sharePath ?? "/explore"),
    },
  ];
  return [
    { name: "browsing", share: MIX.browsing, steps: browsing, timeoutSeconds: 30 },
    { name: "visiting", share: MIX.visiting, steps: visiting, timeoutSeconds: 30 },
    {
      name: "generating",
      share: MIX.generating,
      timeoutSeconds: 90,
      steps: [
        generate("generate", (u) => ({
          ...signedIn(u, "/api/v1/images/generate", { "content-type": "application/json" }),
          body: JSON.stringify({
            prompt: `a ${SEARCH} on a cliff at dusk, bench load ${Math.random().toString(36).slice(2, 8)}`,
          }),
        })),
      ],
    },
    {
      name: "uploading",
      share: MIX.uploading,
      timeoutSeconds: 90,
      steps: [
        generate("upload", (u) => ({
          ...signedIn(u, "/api/v1/images/generate", { "content-type": upload.contentType }),
          body: upload.body,
        })),
      ],
    },
  ];
}
