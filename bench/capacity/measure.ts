/**
 * The measuring half of bench/capacity: starts the production build on a fresh database and
 * a throwaway DATA_DIR (files on disk, the demo provider) with Upstash's REST protocol in front
 * of the real Redis, and counts what each kind of request costs: bytes on the wire, KV commands
 * (counted at the REST endpoint, the unit Upstash bills), server CPU, database rows written,
 * and the bytes each stored image takes (original + every thumbnail variant).
 */
import { gzipSync } from "node:zlib";
import { readdirSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import postgres from "postgres";
import sharp from "sharp";
import {
  freePort,
  startProductionServer,
  stopServer,
  waitForHealth,
} from "../../scripts/production-build";
import { startUpstashRestShim } from "../../tests/support/upstash-rest-shim";
import { applyMigrations } from "../../src/server/db/migrate";
import { openPostgresDatabase } from "../../src/server/db/postgres-database";
import { renderImageVariants } from "../../src/server/images/image-processing";
import { processGroupCpuMs } from "../process-cpu";

export interface RequestCost {
  kind: string;
  samples: number;
  status: number;
  /** Body as sent by the studio (uncompressed), mean. */
  bodyBytes: number;
  /** What it weighs on the wire: gzip of text bodies (Vercel compresses them), images as is. */
  wireBytes: number;
  headerBytes: number;
  kvCommands: number;
  cpuMs: number;
  rowsWritten: number;
}

export interface StoredImageBytes {
  images: number;
  /** Mean bytes per variant name (original, 150, 300, 800, 1920) over the generated images. */
  perVariant: Record<string, number>;
  total: number;
}

export interface Measurement {
  requests: RequestCost[];
  demo: StoredImageBytes;
  /** The same pipeline (renderImageVariants) on a textured 1024×1024 picture. */
  textured: StoredImageBytes;
  rowsPerImage: Record<string, number>;
  databaseBytesPerImage: number;
  /** Mean database bytes per image row counted by pg_column_size (the row itself). */
  imageRowBytes: number;
  thumbnailVariantInGrid: string;
}

const SECRET = "bench-secret-bench-secret-bench-secret-0123";
const TOKEN = "capacity-bench-token";
const PASSWORD = "capacity bench password";

/** A REST endpoint in front of the shim that counts every command it forwards. */
async function countingProxy(target: string): Promise<{
  url: string;
  count: () => number;
  byName: Map<string, number>;
  close: () => Promise<void>;
}> {
  let commands = 0;
  const byName = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const path = request.url ?? "/";
      try {
        const parsed: unknown = body.length ? JSON.parse(body.toString("utf8")) : null;
        const list: unknown[] =
          path.startsWith("/pipeline") || path.startsWith("/multi-exec")
            ? (parsed as unknown[])
            : [parsed ?? path.split("/").filter(Boolean)];
        for (const command of list) {
          const name = Array.isArray(command) ? String(command[0]).toUpperCase() : "?";
          commands += 1;
          byName.set(name, (byName.get(name) ?? 0) + 1);
        }
      } catch {
        commands += 1;
      }
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(request.headers)) {
        if (typeof value === "string" && key !== "host" && key !== "content-length") {
          headers[key] = value;
        }
      }
      fetch(`${target}${path}`, {
        method: request.method,
        headers,
        body: body.length ? body : null,
      })
        .then(async (answer) => {
          const bytes = Buffer.from(await answer.arrayBuffer());
          response.writeHead(answer.status, {
            "content-type": answer.headers.get("content-type") ?? "application/json",
          });
          response.end(bytes);
        })
        .catch(() => {
          response.writeHead(502);
          response.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    count: () => commands,
    byName,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function rowCounts(sql: postgres.Sql): Promise<Map<string, number>> {
  const tables = await sql<{ schema: string; name: string }[]>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema in ('public', 'auth')`;
  const counts = new Map<string, number>();
  for (const table of tables) {
    const [row] = await sql.unsafe<{ n: number }[]>(
      `select count(*)::int as n from "${table.schema}"."${table.name}"`,
    );
    counts.set(`${table.schema}.${table.name}`, row!.n);
  }
  return counts;
}

function rowDelta(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const delta = new Map<string, number>();
  for (const [table, n] of after) {
    const change = n - (before.get(table) ?? 0);
    if (change !== 0) delta.set(table, change);
  }
  return delta;
}

const sum = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0);

/** Sizes of every file under a folder, by file name (original.webp, 300.webp…). */
function filesByVariant(dir: string, out = new Map<string, number[]>()): Map<string, number[]> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) filesByVariant(path, out);
    else {
      const variant = name.replace(/\.[a-z0-9]+$/i, "");
      out.set(variant, [...(out.get(variant) ?? []), stat.size]);
    }
  }
  return out;
}

/** A 1024×1024 picture with texture at several scales, closer to a photograph than a gradient. */
async function texturedPicture(seed: number): Promise<Uint8Array> {
  const width = 1024;
  const noise = await sharp({
    create: {
      width,
      height: width,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 60 },
    },
  })
    .blur(1.2 + (seed % 3) * 0.4)
    .png()
    .toBuffer();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${width}"><defs><linearGradient id="g" x2="0" y2="1"><stop offset="0" stop-color="#1e3a8a"/><stop offset="0.55" stop-color="#f59e0b"/><stop offset="1" stop-color="#14532d"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${300 + seed * 40}" cy="420" r="160" fill="#fde68a"/></svg>`;
  return new Uint8Array(
    await sharp(Buffer.from(svg))
      .composite([{ input: noise, blend: "soft-light" }])
      .png()
      .toBuffer(),
  );
}

async function texturedBytes(count: number): Promise<StoredImageBytes> {
  const perVariant = new Map<string, number[]>();
  for (let i = 0; i < count; i++) {
    const rendered = await renderImageVariants(await texturedPicture(i));
    const entries: [string, number][] = [
      ["original", rendered.original.data.byteLength],
      ...rendered.thumbnails.map(
        (thumbnail) => [thumbnail.name, thumbnail.data.byteLength] as [string, number],
      ),
    ];
    for (const [variant, bytes] of entries) {
      perVariant.set(variant, [...(perVariant.get(variant) ?? []), bytes]);
    }
  }
  return summarise(perVariant, count);
}

function summarise(perVariant: Map<string, number[]>, images: number): StoredImageBytes {
  const out: Record<string, number> = {};
  let total = 0;
  for (const [variant, sizes] of perVariant) {
    // Mean over all images (a variant an image lacks counts 0, e.g. 1920 for small sources).
    out[variant] = sizes.reduce((a, b) => a + b, 0) / images;
    total += out[variant]!;
  }
  return { images, perVariant: out, total };
}

interface Session {
  cookie: string;
}

export async function measure(options: {
  adminUrl: string;
  redisUrl: string;
  dataDir: string;
  images: number;
  samples: number;
  log: (line: string) => void;
}): Promise<Measurement> {
  const { adminUrl, redisUrl, dataDir, log } = options;
  const name = `ais_capacity_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  const migrator = openPostgresDatabase(databaseUrl, { max: 1 });
  await applyMigrations(migrator, { log: () => {} });
  await migrator.close();
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const shim = await startUpstashRestShim({ redisUrl, token: TOKEN });
  const kv = await countingProxy(shim.url);
  let server: ReturnType<typeof startProductionServer> | undefined;
  try {
    const port = await freePort();
    server = startProductionServer(port, {
      DATABASE_URL: databaseUrl,
      KV_REST_API_URL: kv.url,
      KV_REST_API_TOKEN: TOKEN,
      APP_SECRET: SECRET,
      DATA_DIR: dataDir,
      DEMO_PROVIDER: "on",
      DAILY_GENERATION_LIMIT: "100000",
      MONTHLY_GENERATION_LIMIT: "100000",
      GENERATE_RATE_LIMIT_PER_MINUTE: "100000",
      AUTH_RATE_LIMIT_PER_MINUTE: "100000",
      LOG_LEVEL: "error",
    });
    const baseUrl = `http://localhost:${port}`;
    await waitForHealth(baseUrl, server);
    const pid = server.pid!;

    const register = async (label: string): Promise<Session> => {
      const response = await fetch(`${baseUrl}/api/v1/auth/register`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: baseUrl },
        body: JSON.stringify({
          email: `${label}-${Date.now()}@example.com`,
          password: PASSWORD,
          name: `Capacity ${label}`,
        }),
      });
      if (response.status !== 201 && response.status !== 200) {
        throw new Error(`register ${label}: ${response.status} ${await response.text()}`);
      }
      const cookie = response.headers
        .getSetCookie()
        .map((line) => line.split(";")[0]!)
        .join("; ");
      return { cookie };
    };

    const requests: RequestCost[] = [];
    /** Runs `send` `samples` times, one at a time, and records the mean cost of one. */
    const cost = async (
      kind: string,
      samples: number,
      send: (i: number) => Promise<Response>,
    ): Promise<Response[]> => {
      const answers: Response[] = [];
      let body = 0;
      let wire = 0;
      let headerBytes = 0;
      let status = 0;
      const rowsBefore = await rowCounts(sql);
      const kvBefore = kv.count();
      const cpuBefore = processGroupCpuMs(pid) ?? 0;
      for (let i = 0; i < samples; i++) {
        const answer = await send(i);
        const bytes = Buffer.from(await answer.clone().arrayBuffer());
        status = answer.status;
        const type = answer.headers.get("content-type") ?? "";
        const text = /json|html|text|javascript|event-stream/.test(type);
        body += bytes.byteLength;
        wire += text ? gzipSync(bytes).byteLength : bytes.byteLength;
        for (const [key, value] of answer.headers) headerBytes += key.length + value.length + 4;
        answers.push(answer);
      }
      // Work finished after the answer (after()) is still this request's.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const cpuAfter = processGroupCpuMs(pid) ?? 0;
      const rows = sum(rowDelta(rowsBefore, await rowCounts(sql)));
      requests.push({
        kind,
        samples,
        status,
        bodyBytes: body / samples,
        wireBytes: wire / samples,
        headerBytes: headerBytes / samples,
        kvCommands: (kv.count() - kvBefore) / samples,
        cpuMs: (cpuAfter - cpuBefore) / samples,
        rowsWritten: rows / samples,
      });
      return answers;
    };

    const owner = await register("owner");
    const visitor = await register("visitor");
    const get = (path: string, session?: Session, extra: Record<string, string> = {}) =>
      fetch(`${baseUrl}${path}`, {
        headers: { ...(session ? { cookie: session.cookie } : {}), origin: baseUrl, ...extra },
        redirect: "manual",
      });

    log(`measure: generating ${options.images} images with the demo provider…`);
    const rowsBefore = await rowCounts(sql);
    const [sizeBefore] = await sql<
      { n: string }[]
    >`select pg_database_size(current_database())::text as n`;
    const aspects = ["1:1", "16:9", "9:16", "4:3", "3:4"];
    await cost("generate (demo provider)", options.images, (i) =>
      fetch(`${baseUrl}/api/v1/images/generate`, {
        method: "POST",
        headers: { cookie: owner.cookie, origin: baseUrl, "content-type": "application/json" },
        body: JSON.stringify({
          prompt: `a lighthouse on a cliff at dusk, capacity bench ${i}`,
          aspectRatio: aspects[i % aspects.length],
          isPublic: i < 2,
        }),
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const rowsAfter = await rowCounts(sql);
    await sql`checkpoint`.catch(() => undefined);
    const [sizeAfter] = await sql<
      { n: string }[]
    >`select pg_database_size(current_database())::text as n`;
    const perTable = rowDelta(rowsBefore, rowsAfter);
    const rowsPerImage: Record<string, number> = {};
    for (const [table, n] of perTable) rowsPerImage[table] = n / options.images;
    const [imageRow] = await sql<{ n: number; count: number }[]>`
      select coalesce(avg(pg_column_size(i.*)), 0)::float as n, count(*)::int as count
      from public.images i`;
    if (!imageRow || imageRow.count < options.images) {
      throw new Error(`expected ${options.images} images, found ${imageRow?.count ?? 0}`);
    }
    const demoFiles = filesByVariant(join(dataDir, "storage"));
    const demo = summarise(demoFiles, options.images);

    // The first two are public, with share pages.
    const list = (await (await get("/api/v1/images?limit=30", owner)).json()) as {
      data: { id: string }[];
    };
    const ids = list.data.map((image) => image.id);
    const explore = (await (await get("/api/v1/gallery/public?sort=newest&limit=30")).json()) as {
      data: { shareUrl: string | null }[];
    };
    const shareUrl = explore.data.find((image) => image.shareUrl)?.shareUrl;
    if (!shareUrl) throw new Error("no public image with a share page");
    const sharePath = new URL(shareUrl, baseUrl).pathname;

    log("measure: requests, one at a time…");
    const n = options.samples;
    const gallery = await cost("gallery page (HTML, first 30 inside)", n, () =>
      get("/gallery", owner),
    );
    const html = await gallery[0]!.text();
    const gridVariant =
      /\/api\/v1\/images\/[0-9a-f-]+\/files\/(\d+|original)/.exec(html)?.[1] ?? "300";
    await cost("list page (30 images, JSON)", n, () => get("/api/v1/images?limit=30", owner));
    for (const variant of ["300", "800", "original"]) {
      await cost(`image file ${variant} (200)`, n, (i) =>
        get(`/api/v1/images/${ids[i % ids.length]}/files/${variant}`, owner),
      );
    }
    await cost("image file 300 (304 revalidation)", n, (i) =>
      get(`/api/v1/images/${ids[i % ids.length]}/files/300`, owner, {
        "if-none-match": `"${ids[i % ids.length]}-300"`,
      }),
    );
    await cost("image detail page (HTML)", n, (i) => get(`/images/${ids[i % ids.length]}`, owner));
    await cost("image detail (JSON)", n, (i) =>
      get(`/api/v1/images/${ids[i % ids.length]}`, owner),
    );
    await cost("share page (signed out)", n, () => get(sharePath));
    await cost("explore page (signed out)", n, () => get("/explore"));
    await cost("public gallery list (JSON)", n, () =>
      get("/api/v1/gallery/public?sort=newest&limit=30", visitor),
    );
    await cost("generate page (HTML)", n, () => get("/generate", owner));
    const textured = await texturedBytes(5);
    return {
      requests,
      demo,
      textured,
      rowsPerImage,
      databaseBytesPerImage: (Number(sizeAfter!.n) - Number(sizeBefore!.n)) / options.images,
      imageRowBytes: imageRow.n,
      thumbnailVariantInGrid: gridVariant,
    };
  } finally {
    if (server) stopServer(server);
    await kv.close();
    await shim.close();
    await sql.end();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  }
}
