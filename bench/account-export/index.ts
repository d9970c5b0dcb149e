/**
 * bench/account-export — memory of GET /api/v1/account/export's stream against the number of
 * images. Seeds N images (each with a 64 KiB original) for one user on an embedded database
 * and the real local object store, reads the whole export stream as a client would (dropping
 * each chunk), and prints the bytes streamed and the peak heap and RSS growth seen while
 * reading. Figures only, nothing asserted: the export holds one batch of rows and one file at a
 * time, so the peak should stay flat as N grows.
 * Run: npx tsx --conditions=react-server bench/account-export/index.ts [counts, e.g. 100,1000,3000]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { streamAccountExport } from "../../src/server/account/account-export";
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

  global.gc?.();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  let bytes = 0;
  const started = performance.now();
  const reader = streamAccountExport({ db: database.db, objectStore: store, userId }).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  }
  const seconds = (performance.now() - started) / 1000;
  await database.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    images: count,
    "zip MiB": +(bytes / MiB).toFixed(1),
    "peak heap growth MiB": +((peakHeap - before.heapUsed) / MiB).toFixed(1),
    "peak RSS growth MiB": +((peakRss - before.rss) / MiB).toFixed(1),
    "MiB/s": +(bytes / MiB / seconds).toFixed(1),
  };
}

async function main() {
  const results = [];
  for (const count of counts) results.push(await measure(count));
  console.table(results);
}

void main();
