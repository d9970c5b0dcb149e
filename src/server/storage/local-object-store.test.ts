import { randomBytes } from "node:crypto";
import * as fs from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLocalObjectStore } from "./local-object-store";

vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return { ...actual, writeFile: vi.fn(actual.writeFile) };
});

const realWriteFile = (await vi.importActual<typeof import("node:fs/promises")>("node:fs/promises"))
  .writeFile;

let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(join(tmpdir(), "ais-local-store-"));
});

afterEach(async () => {
  vi.mocked(fs.writeFile).mockReset().mockImplementation(realWriteFile);
  await fs.rm(root, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe("local object store", () => {
  it("lists every key, leaving out unfinished temporary files", async () => {
    const store = createLocalObjectStore(root);
    expect(await createLocalObjectStore(join(root, "missing")).list!()).toEqual([]);
    for (const key of ["u1/a/original.webp", "templates/t/preview.webp", "top.json"])
      await store.put(key, new Uint8Array([1]), "image/webp");
    await fs.writeFile(join(root, "u1", "a", "original.webp.123.tmp"), "x");
    expect(await store.list!()).toEqual([
      "templates/t/preview.webp",
      "top.json",
      "u1/a/original.webp",
    ]);
  });

  it("keeps bytes through put and get, with the content type of the extension", async () => {
    const store = createLocalObjectStore(join(root, "storage"));
    const body = new Uint8Array(randomBytes(4096));
    await store.put("u1/img-1/800.webp", body, "image/webp");
    expect(await store.get("u1/img-1/800.webp")).toEqual({ body, contentType: "image/webp" });

    await store.put("u1/meta.json", new TextEncoder().encode("{}"), "application/json");
    expect((await store.get("u1/meta.json"))?.contentType).toBe("application/json");
    await store.put("u1/blob.bin", new Uint8Array([1]), "application/octet-stream");
    expect((await store.get("u1/blob.bin"))?.contentType).toBe("application/octet-stream");
  });

  it("overwrites an existing object", async () => {
    const store = createLocalObjectStore(root);
    await store.put("u1/a.png", new Uint8Array([1, 2, 3]), "image/png");
    await store.put("u1/a.png", new Uint8Array([4, 5]), "image/png");
    expect((await store.get("u1/a.png"))?.body).toEqual(new Uint8Array([4, 5]));
  });

  it("answers null for a missing object", async () => {
    expect(await createLocalObjectStore(root).get("u1/missing.webp")).toBeNull();
  });

  it("removes many keys, missing ones included", async () => {
    const store = createLocalObjectStore(root);
    await store.put("u1/a.webp", new Uint8Array([1]), "image/webp");
    await store.put("u1/b.webp", new Uint8Array([2]), "image/webp");
    await store.put("u1/keep.webp", new Uint8Array([3]), "image/webp");

    await store.remove(["u1/a.webp", "u1/b.webp", "u1/never-there.webp"]);
    await store.remove([]);

    expect(await filesUnder(root)).toEqual(["u1/keep.webp"]);
  });

  it("creates a missing root on ping and leaves no probe behind", async () => {
    const store = createLocalObjectStore(join(root, "not", "yet"));
    await store.ping();
    expect(await fs.readdir(join(root, "not", "yet"))).toEqual([]);
  });

  it("throws on ping when the root cannot be written", async () => {
    const notADirectory = join(root, "file");
    await fs.writeFile(notADirectory, "x");
    await expect(createLocalObjectStore(notADirectory).ping()).rejects.toThrow();
  });

  // Running as root here, a read-only directory does not stop writes; a write that fails half-way
  // (a full disk) is simulated at the file system call instead.
  it("never leaves a partial file at the final path when writing fails", async () => {
    const store = createLocalObjectStore(root);
    const original = new Uint8Array([7, 7, 7]);
    await store.put("u1/img.webp", original, "image/webp");

    vi.mocked(fs.writeFile).mockImplementationOnce(async (path, data) => {
      await realWriteFile(path, (data as Uint8Array).subarray(0, 10));
      throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    });
    await expect(
      store.put("u1/img.webp", new Uint8Array(randomBytes(1024)), "image/webp"),
    ).rejects.toThrow(/ENOSPC/);
    expect((await store.get("u1/img.webp"))?.body).toEqual(original);

    vi.mocked(fs.writeFile).mockImplementationOnce(async (path, data) => {
      await realWriteFile(path, (data as Uint8Array).subarray(0, 10));
      throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    });
    await expect(
      store.put("u1/new.webp", new Uint8Array(randomBytes(1024)), "image/webp"),
    ).rejects.toThrow(/ENOSPC/);
    expect(await store.get("u1/new.webp")).toBeNull();
  });

  it.each(["../etc/passwd", "/absolute.webp", "u1//double.webp", "u1/../escape.webp", ""])(
    "refuses the unsafe key %j before touching the disk",
    async (key) => {
      const store = createLocalObjectStore(join(root, "storage"));
      await expect(store.put(key, new Uint8Array([1]), "image/webp")).rejects.toThrow(/unsafe/);
      await expect(store.get(key)).rejects.toThrow(/unsafe/);
      await expect(store.remove([key])).rejects.toThrow(/unsafe/);
      expect(await fs.readdir(root)).toEqual([]);
    },
  );
});
