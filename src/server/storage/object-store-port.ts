import "server-only";

/** Files of images. Adapters: local files under DATA_DIR/storage, Supabase Storage. */
export interface ObjectStorePort {
  readonly kind: "local" | "supabase";
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** null when there is no such object */
  get(key: string): Promise<{ body: Uint8Array; contentType: string } | null>;
  /** Removes the objects; missing ones are not an error. */
  remove(keys: string[]): Promise<void>;
  /** Throws when the store cannot be reached or written. */
  ping(): Promise<void>;
  /**
   * A short-lived URL at which the store itself serves the object to anyone holding it (Supabase
   * Storage's signed URLs), so that the files route can redirect instead of streaming the bytes;
   * null when there is no such object. Absent where files are streamed (the local store, or
   * Supabase with STORAGE_REDIRECTS=off).
   */
  signedUrl?(key: string): Promise<string | null>;
  /** Every key in the store (the orphan sweep, npm run storage:sweep); optional for wrappers. */
  list?(): Promise<string[]>;
}

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,300}$/;

/** Keys are made by our code, never by users; this guards against a bug turning into path traversal. */
export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes("..") || key.includes("//")) {
    throw new Error(`unsafe object key: ${JSON.stringify(key)}`);
  }
}
