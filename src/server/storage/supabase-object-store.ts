import "server-only";
import { StorageApiError } from "@supabase/supabase-js";
import { createSupabaseAdminClient } from "@/server/auth/supabase/admin-client";
import { assertSafeKey, type ObjectStorePort } from "./object-store-port";

export interface SupabaseObjectStoreOptions {
  url: string;
  /** The project's secret key: it bypasses RLS, so it stays on the server and is never logged. */
  secretKey: string;
  bucket: string;
  /**
   * Seconds a signed URL from signedUrl() stays valid; null or absent: no signedUrl(), files
   * are streamed through the studio.
   */
  signedUrlSeconds?: number | null;
}

/** Every stored file is immutable under its key (a new version gets a new key). */
const CACHE_CONTROL_SECONDS = "31536000";
/** Re-encoded images are far smaller; this only stops a runaway upload. */
const BUCKET_FILE_SIZE_LIMIT = "10MB";
/** Storage refuses a delete of more than 1000 prefixes in one request. */
const MAX_PREFIXES_PER_DELETE = 1000;

/**
 * Storage answers most failures with HTTP 400 and the real status in the body's `statusCode`
 * (a string), plus a `code` since 2024. Older servers send no code, only the message.
 */
function isStorageError(error: unknown, code: string, legacyMessage: string): boolean {
  if (!(error instanceof StorageApiError)) return false;
  if (error.code !== undefined) return error.code === code;
  return error.statusCode === "404" && error.message === legacyMessage;
}

const isNoSuchKey = (error: unknown) => isStorageError(error, "NoSuchKey", "Object not found");
const isNoSuchBucket = (error: unknown) =>
  isStorageError(error, "NoSuchBucket", "Bucket not found");

function isBucketAlreadyExists(error: unknown): boolean {
  return (
    error instanceof StorageApiError &&
    error.statusCode === "409" &&
    (error.code === undefined ||
      error.code === "BucketAlreadyExists" ||
      error.code === "ResourceAlreadyExists")
  );
}

/** Object keys stay out of the message: it may be logged next to other users' requests. */
function storageFailure(operation: string, error: Error): Error {
  const detail =
    error instanceof StorageApiError
      ? ` (HTTP ${error.status}, ${error.code ?? error.statusCode})`
      : "";
  return new Error(`Supabase Storage ${operation} failed${detail}: ${error.message}`, {
    cause: error,
  });
}

/** Supabase Storage through supabase-js with the admin client; the bucket is private. */
export function createSupabaseObjectStore({
  url,
  secretKey,
  bucket,
  signedUrlSeconds = null,
}: SupabaseObjectStoreOptions): ObjectStorePort {
  const storage = createSupabaseAdminClient({ url, secretKey }).storage;
  const files = () => storage.from(bucket);

  /**
   * Storage checks that the object exists before it signs. The token is a JWT naming this one
   * object and its expiry; the URL needs no key, so it is handed to the browser as it is.
   */
  async function signedUrl(key: string): Promise<string | null> {
    assertSafeKey(key);
    const { data, error } = await files().createSignedUrl(key, signedUrlSeconds!);
    if (error) {
      if (isNoSuchKey(error)) return null;
      throw storageFailure("createSignedUrl", error);
    }
    return data.signedUrl;
  }

  return {
    kind: "supabase",
    ...(signedUrlSeconds ? { signedUrl } : {}),
    async put(key, body, contentType) {
      assertSafeKey(key);
      const { error } = await files().upload(key, body, {
        contentType,
        upsert: true,
        cacheControl: CACHE_CONTROL_SECONDS,
      });
      if (error) throw storageFailure("upload", error);
    },
    async get(key) {
      assertSafeKey(key);
      const { data, error } = await files().download(key);
      if (error) {
        if (isNoSuchKey(error)) return null;
        throw storageFailure("download", error);
      }
      return {
        body: new Uint8Array(await data.arrayBuffer()),
        contentType: data.type || "application/octet-stream",
      };
    },
    async remove(keys) {
      keys.forEach(assertSafeKey);
      // Storage rejects an empty list of prefixes, and leaves out missing objects on its own.
      for (let start = 0; start < keys.length; start += MAX_PREFIXES_PER_DELETE) {
        const { error } = await files().remove(keys.slice(start, start + MAX_PREFIXES_PER_DELETE));
        if (error) throw storageFailure("remove", error);
      }
    },
    async list() {
      // Storage lists one folder at a time (folders have no id), 1000 entries a page.
      const keys: string[] = [];
      const folders = [""];
      while (folders.length > 0) {
        const folder = folders.pop()!;
        for (let offset = 0; ; offset += 1000) {
          const page = await files().list(folder, {
            limit: 1000,
            offset,
            sortBy: { column: "name", order: "asc" },
          });
          if (page.error) throw storageFailure("list", page.error);
          for (const entry of page.data) {
            const key = folder ? `${folder}/${entry.name}` : entry.name;
            if (entry.id === null) folders.push(key);
            else keys.push(key);
          }
          if (page.data.length < 1000) break;
        }
      }
      return keys.sort();
    },
    async ping() {
      const found = await storage.getBucket(bucket);
      if (!found.error) {
        if (found.data.public) {
          throw new Error(
            `Supabase Storage bucket "${bucket}" is public: private images would be readable by anyone`,
          );
        }
        return;
      }
      if (!isNoSuchBucket(found.error)) throw storageFailure("getBucket", found.error);
      const created = await storage.createBucket(bucket, {
        public: false,
        fileSizeLimit: BUCKET_FILE_SIZE_LIMIT,
      });
      // Another instance may have created it between the two calls.
      if (created.error && !isBucketAlreadyExists(created.error)) {
        throw storageFailure("createBucket", created.error);
      }
    },
  };
}
