import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { streamZipArchive } from "@/server/gallery/zip-archive";
import type { ImageRow } from "@/server/images/images-queries";
import { createLocalObjectStore } from "@/server/storage/local-object-store";
import type { ObjectStorePort } from "@/server/storage/object-store-port";

const COUNT = 200;
const FILE_BYTES = 256 * 1024;
let root: string;
let store: ObjectStorePort;
let fetched = 0;
const rows: ImageRow[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "ais-zip-"));
  const local = createLocalObjectStore(root);
  // The real local store, counting how many files the archive has read so far.
  store = { ...local, get: async (key) => ((fetched += 1), local.get(key)) };
  for (let i = 0; i < COUNT; i++) {
    const id = crypto.randomUUID();
    const body = new Uint8Array(FILE_BYTES).fill(i % 251);
    await local.put(`u/${id}/original.webp`, body, "image/webp");
    rows.push({
      id,
      prompt: `image ${i}`,
      storageKey: `u/${id}`,
      thumbnailSizes: [],
      createdAt: new Date(),
    } as unknown as ImageRow);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("ZIP of many images", () => {
  it("reads one file per chunk the client takes, never the whole set ahead of it", async () => {
    fetched = 0;
    const reader = streamZipArchive({ rows, variant: "original", objectStore: store }).getReader();
    const chunks: Uint8Array[] = [];
    let maxAhead = 0;
    let consumedFiles = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      if (value.byteLength >= FILE_BYTES) consumedFiles += 1;
      maxAhead = Math.max(maxAhead, fetched - consumedFiles);
    }
    // At most a couple of files are read ahead of what the client has taken.
    expect(maxAhead).toBeLessThanOrEqual(2);
    expect(fetched).toBe(COUNT);
    const zip = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
    let offset = 0;
    for (const chunk of chunks) {
      zip.set(chunk, offset);
      offset += chunk.byteLength;
    }
    const entries = unzipSync(zip);
    expect(Object.keys(entries)).toHaveLength(COUNT);
    expect(Object.values(entries).every((bytes) => bytes.byteLength === FILE_BYTES)).toBe(true);
  });

  it("stops reading files when the client goes away", async () => {
    fetched = 0;
    const reader = streamZipArchive({ rows, variant: "original", objectStore: store }).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetched).toBeLessThan(5);
  });
});
