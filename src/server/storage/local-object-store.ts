import "server-only";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { randomUUID } from "node:crypto";
import { assertSafeKey, type ObjectStorePort } from "./object-store-port";

const CONTENT_TYPES: Record<string, string> = {
  webp: "image/webp",
  avif: "image/avif",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  json: "application/json",
};

/** Files under DATA_DIR/storage, written atomically (temp file + rename). */
export function createLocalObjectStore(root: string): ObjectStorePort {
  const pathOf = (key: string) => {
    assertSafeKey(key);
    return join(root, key);
  };
  return {
    kind: "local",
    async put(key, body) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.${randomUUID()}.tmp`;
      try {
        await writeFile(temp, body);
        await rename(temp, path);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    async get(key) {
      try {
        const body = await readFile(pathOf(key));
        const extension = key.split(".").pop()?.toLowerCase() ?? "";
        return {
          body: new Uint8Array(body),
          contentType: CONTENT_TYPES[extension] ?? "application/octet-stream",
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(keys) {
      await Promise.all(keys.map((key) => rm(pathOf(key), { force: true })));
    },
    async list() {
      let entries;
      try {
        entries = await readdir(root, { recursive: true, withFileTypes: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
        throw error;
      }
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join("/"))
        .filter((key) => !key.endsWith(".tmp") && !key.split("/").pop()!.startsWith(".ping-"))
        .sort();
    },
    async ping() {
      await mkdir(root, { recursive: true });
      const probe = join(root, `.ping-${randomUUID()}`);
      await writeFile(probe, "ok");
      await rm(probe, { force: true });
    },
  };
}
