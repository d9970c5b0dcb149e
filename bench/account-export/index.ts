/**
 * bench/account-export — memory of GET /api/v1/account/export's stream against the number of
 * images, and of the same export prepared in the background (POST /api/v1/account/exports: the
 * job's steps into the object store, then its download read back) with its time. Seeds N images (each with a 64 KiB original) for one user on an embedded database
 * and the real local object store, reads the whole export stream as a client would (dropping
 * each chunk), and prints the bytes streamed and the peak heap and RSS growth seen while
 * reading. Figures only, nothing asserted: the export holds one batch of rows and one file at a
 * time, so the peak should stay flat as N grows; a background step holds one part (≤ 16 MiB)
 * and the download one part at a time. The background ZIP is checked with `unzip -tq` (CRCs).
 * Run: npx tsx --conditions=react-server bench/account-export/index.ts [counts, e.g. 100,1000,3000]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { streamAccountExport } from "../../src/server/account/account-export";
import {
  openExportDownload,
  runDueExports,
  startAccountExport,
} from "../../src/server/account/account-exports";
import { createFileMailer } from "../../src/server/mail/file-mailer";
import { createMailService } from "../../src/server/mail/mail-service";
import { applyMigrations } from "../../src/server/db/migrate";
import { openPgliteDatabase } from "../../src/server/db/pglite-database";
import { createLocalObjectStore } from "../../src/server/storage/local-object-store";

const counts = (process.argv[2] ?? "100,1000,3000").split(",").map(Number);
const FILE_BYTES = 64 * 1024;
const MiB = 1024 * 1024;

async function measure(count: number) {
  const dir = mkdtempSync(join(tmpdir(), "ais-bench-export-"));
  const database = await openPgliteDatabase(join(dir, "db"));
  await applyMigrations(database);
  const store = createLocalObjectStore(join(dir, "storage"));
  const [user] = await database.query<{ id: string }>(
    `insert into auth.users (email, raw_user_meta_data) values ($1, '{"name":"Bench"}') returning id`,
    [`bench-${count}@example.com`],
  );
  const userId = user!.id;
  const body = new Uint8Array(FILE_BYTES).fill(7);
  const rows = await database.query<{ storage_key: string }>(
    `insert into public.images (user_id, prompt, aspect_ratio, quality, width, height, seed, model,
       storage_key, mime_type, byte_size, thumbnail_sizes, tags, is_public, favorite)
     select $1::uuid, 'bench image ' || i, '1:1', 'standard', 1024, 1024, i, 'demo',
            $1::text || '/bench-' || i, 'image/webp', ${FILE_BYTES}, '{}', '{bench}', false, false
       from generate_series(1, $2::int) as i
     returning storage_key`,
    [userId, count],
  );
  for (const row of rows) await store.put(`${row.storage_key}/original.webp`, body, "image/webp");

  const MiB_ = MiB;
  const stream = await sample(async () => {
    let bytes = 0;
    const reader = streamAccountExport({ db: database.db, objectStore: store, userId }).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
    }
    return bytes;
  });

  const mail = createMailService({
    db: database.db,
    mailer: createFileMailer({ dir: join(dir, "mail"), linkFor: () => null }),
    from: "Bench <bench@example.com>",
    context: { studioName: "AI Image Studio", appUrl: "http://localhost:3000" },
  });
  const deps = {
    db: database.db,
    objectStore: store,
    mail,
    config: { accountExport: { streamMaxImages: 0, streamMaxBytes: 0 } },
  };
  const build = await sample(async () => {
    const { export: job } = await startAccountExport({ db: database.db, userId });
    const report = await runDueExports(deps, { id: job.id });
    return report.exportSteps;
  });
  const [job] = await database.query<{ id: string; bytes: string }>(
    "select id, bytes from public.account_exports where user_id = $1",
    [userId],
  );
  const chunks: Uint8Array[] = [];
  const read = await sample(async () => {
    const download = await openExportDownload({
      db: database.db,
      objectStore: store,
      userId,
      id: job!.id,
    });
    let bytes = 0;
    const reader = download.stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (count <= 1000) chunks.push(value);
    }
    return bytes;
  });
  let unzipCheck = "skipped (> 1000 images)";
  if (count <= 1000) {
    const path = join(dir, "export.zip");
    writeFileSync(path, Buffer.concat(chunks));
    chunks.length = 0;
    execFileSync("unzip", ["-tq", path]);
    unzipCheck = "ok";
  }
  await database.close();
  rmSync(dir, { recursive: true, force: true });
  const mib = (value: number) => +(value / MiB_).toFixed(1);
  return {
    images: count,
    "stream: zip MiB": mib(stream.result),
    "stream: s": +stream.seconds.toFixed(1),
    "stream: peak heap growth MiB": mib(stream.peakHeap),
    "background: zip MiB": mib(Number(job!.bytes)),
    "background: steps": build.result,
    "background: build s": +build.seconds.toFixed(1),
    "background: build peak heap growth MiB": mib(build.peakHeap),
    "background: build peak RSS growth MiB": mib(build.peakRss),
    "background: download s": +read.seconds.toFixed(1),
    "background: download peak heap growth MiB": mib(read.peakHeap),
    "unzip -t": unzipCheck,
  };
}

/** Runs `work`, sampling heap and RSS every 5 ms: growth over the start, and the time taken. */
async function sample<T>(work: () => Promise<T>) {
  global.gc?.();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  }, 5);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  const now = process.memoryUsage();
  return {
    result,
    seconds,
    peakHeap: Math.max(peakHeap, now.heapUsed) - before.heapUsed,
    peakRss: Math.max(peakRss, now.rss) - before.rss,
  };
}

async function main() {
  const results = [];
  for (const count of counts) results.push(await measure(count));
  for (const result of results) console.table(result);
}

void main();
