import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { after } from "next/server";
import type {
  AccountExport,
  AccountExportEstimate,
  AccountExportsOverview,
} from "@/shared/account-exports";
import type { AppConfig } from "@/server/config/env";
import type { Database } from "@/server/db/database";
import { accountExports, images, type AccountExportPart } from "@/server/db/schema";
import { AppError, notFound } from "@/server/http/app-error";
import { fileKeyOf } from "@/server/images/image-files";
import { imageColumns, type ImageRow } from "@/server/images/images-queries";
import type { MailService } from "@/server/mail/mail-service";
import { logger } from "@/server/observability/logger";
import {
  claimQueuedFiles,
  queueFileRemovals,
  removeQueuedFiles,
} from "@/server/storage/file-removals";
import type { ObjectStorePort } from "@/server/storage/object-store-port";
import { getProfileRow } from "@/server/users/users-queries";
import { collectionsJson, exportFileName, manifestChunks, settingsJson } from "./account-export";
import { concatBytes, ZIP_LIMITS, zipEnd, zipEntry } from "./export-zip";

/**
 * "Export everything" for galleries too large to stream within one function's time limit
 * (Vercel Hobby: 300 s for the whole invocation, after() included). The ZIP is the streamed
 * export's (same manifest.json, collections.json, settings.json and originals) built into the
 * object store by a job, a step at a time:
 *
 * - A step claims the job (FOR UPDATE SKIP LOCKED) with a lease, reads the next images after its
 *   cursor, writes them as one part of the ZIP (≤ STEP_MAX_IMAGES images or PART_MAX_BYTES) and
 *   their central-directory records as a second object, then records both on the row fenced on
 *   its lease token. Objects are queued for removal before they are written and claimed by that
 *   transaction, so a step that dies leaves nothing the daily cron will not remove.
 * - The last step writes the JSON files and the whole central directory as the last part, and
 *   marks the job ready in the transaction that queues the export-ready mail (once: its
 *   dedupe key is the job's id) and retires the person's earlier ready export.
 * - Runs happen after the response of the request that started or looked at the job (Next's
 *   after()), for at most RUN_BUDGET_MS, and in the daily cron. A run that is cut off (time
 *   limit, crash) leaves its lease to run out; the next poll of the job, or the cron, resumes it
 *   from the cursor. A step that fails is retried with backoff; after MAX_ATTEMPTS the job
 *   fails and its objects go.
 * - A ready file lives EXPORT_TTL_MS; the cron then removes it and marks the row expired.
 */

export const EXPORT_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const STEP_MAX_IMAGES = 50;
/**
 * Every object stays under the Storage bucket's 10 MB file limit (supabase-object-store.ts): a
 * part stops before the image that would take it over (one larger image goes alone), and the
 * last part's bytes are cut into pieces of this size.
 */
const PART_MAX_BYTES = 8 * 1024 * 1024;
const LEASE_MS = 2 * 60 * 1000;
/** Leaves 100 s of Vercel's 300 for the response before it and one slow step after it. */
const RUN_BUDGET_MS = 200 * 1000;
const MAX_ATTEMPTS = 5;
/** An object written by a step that died before recording it is removed after this. */
const ORPHAN_GRACE_MS = 60 * 60 * 1000;
const LISTED = 5;
/** Per image in the ZIP beyond its file: two headers with a ~70-byte name, its manifest entry. */
const PER_IMAGE_OVERHEAD = 2 * 70 + 76 + 1500;
const FAILED_MESSAGE = "The export could not be prepared. Please try again.";

type Row = typeof accountExports.$inferSelect;

export interface AccountExportDeps {
  db: Database;
  objectStore: ObjectStorePort;
  mail: MailService;
  config: Pick<AppConfig, "accountExport">;
}

export function reshapeExport(row: Row): AccountExport {
  return {
    id: row.id,
    status: row.status,
    progress: { done: row.imagesDone, total: row.imagesTotal },
    bytes: row.bytes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    error: row.error,
    downloadUrl: row.status === "ready" ? `/api/v1/account/exports/${row.id}/download` : null,
  };
}

/** Every object a row lists (parts and their directory records). */
const objectKeysOf = (parts: readonly AccountExportPart[]) =>
  parts.flatMap((part) => (part.directoryKey ? [part.key, part.directoryKey] : [part.key]));

/** How large the export would be, and whether Settings should prepare it in the background. */
export async function estimateAccountExport({
  db,
  config,
  userId,
}: Pick<AccountExportDeps, "db" | "config"> & { userId: string }): Promise<AccountExportEstimate> {
  const [totals] = await db
    .select({
      count: sql<number>`count(*)::int`,
      bytes: sql<number>`coalesce(sum(${images.byteSize}), 0)::bigint`,
    })
    .from(images)
    .where(eq(images.userId, userId));
  const count = Number(totals?.count ?? 0);
  const bytes = Number(totals?.bytes ?? 0) + count * PER_IMAGE_OVERHEAD + 4096;
  const limits = {
    images: config.accountExport.streamMaxImages,
    bytes: config.accountExport.streamMaxBytes,
  };
  return {
    images: count,
    bytes,
    background: count > limits.images || bytes > limits.bytes,
    limits,
  };
}

/** The estimate and the caller's latest exports (GET /account/exports). */
export async function accountExportsOverview(
  deps: Pick<AccountExportDeps, "db" | "config">,
  userId: string,
): Promise<AccountExportsOverview> {
  const rows = await deps.db
    .select()
    .from(accountExports)
    .where(eq(accountExports.userId, userId))
    .orderBy(desc(accountExports.createdAt), desc(accountExports.id))
    .limit(LISTED);
  const [stored] = await deps.db
    .select({
      count: sql<number>`count(*)::int`,
      bytes: sql<number>`coalesce(sum(${images.totalBytes}), 0)::bigint`,
    })
    .from(images)
    .where(eq(images.userId, userId));
  return {
    estimate: await estimateAccountExport({ ...deps, userId }),
    storage: { images: Number(stored?.count ?? 0), bytes: Number(stored?.bytes ?? 0) },
    exports: rows.map(reshapeExport),
  };
}

/** One of the caller's exports; anyone else's (or none) is 404. */
export async function getOwnExport(db: Database, userId: string, id: string): Promise<Row> {
  const [row] = await db
    .select()
    .from(accountExports)
    .where(and(eq(accountExports.id, id), eq(accountExports.userId, userId)))
    .limit(1);
  if (!row) throw notFound("Export");
  return row;
}

async function activeExport(db: Database, userId: string): Promise<Row | undefined> {
  const [row] = await db
    .select()
    .from(accountExports)
    .where(
      and(eq(accountExports.userId, userId), inArray(accountExports.status, ["queued", "running"])),
    )
    .limit(1);
  return row;
}

/**
 * Starts an export of everything the caller has now, or answers the one already in
 * preparation (one at a time per person: a unique index holds that under concurrency).
 */
export async function startAccountExport({
  db,
  userId,
  now = new Date(),
}: {
  db: Database;
  userId: string;
  now?: Date;
}): Promise<{ export: Row; created: boolean }> {
  const existing = await activeExport(db, userId);
  if (existing) return { export: existing, created: false };
  const id = randomUUID();
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(images)
    .where(and(eq(images.userId, userId), lte(images.createdAt, now)));
  const [inserted] = await db
    .insert(accountExports)
    .values({
      id,
      userId,
      snapshotAt: now,
      imagesTotal: Number(count?.n ?? 0),
      storagePath: `exports/${userId}/${id}`,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { export: inserted, created: true };
  // Another request started one at the same moment: that one is the answer.
  const raced = await activeExport(db, userId);
  if (!raced) throw new AppError("CONFLICT", "An export is already being prepared.");
  return { export: raced, created: false };
}

/** True when no runner holds the job: it waits for the next run to pick it up. */
export function exportIsDue(row: Pick<Row, "status" | "leaseUntil">, now = Date.now()): boolean {
  return (
    (row.status === "queued" || row.status === "running") &&
    (row.leaseUntil === null || row.leaseUntil.getTime() <= now)
  );
}

// ---------------------------------------------------------------------------------------
// Running jobs
// ---------------------------------------------------------------------------------------

interface Lease {
  row: Row;
  token: string;
}

/** Takes the next due job (or `id`), so no other runner works on it while the lease holds. */
async function claimExport(db: Database, nowMs: number, id?: string): Promise<Lease | null> {
  const token = randomUUID();
  return db.transaction(async (tx) => {
    const now = new Date(nowMs);
    const [due] = await tx
      .select({ id: accountExports.id })
      .from(accountExports)
      .where(
        and(
          inArray(accountExports.status, ["queued", "running"]),
          or(isNull(accountExports.leaseUntil), lte(accountExports.leaseUntil, now)),
          id ? eq(accountExports.id, id) : undefined,
        ),
      )
      .orderBy(sql`${accountExports.leaseUntil} nulls first`, asc(accountExports.createdAt))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!due) return null;
    const [row] = await tx
      .update(accountExports)
      .set({
        status: "running",
        leaseToken: token,
        leaseUntil: new Date(nowMs + LEASE_MS),
        updatedAt: now,
      })
      .where(eq(accountExports.id, due.id))
      .returning();
    return row ? { row, token } : null;
  });
}

/** The lease's fence: the update only applies while this runner still holds the job. */
const held = ({ row, token }: Lease) =>
  and(
    eq(accountExports.id, row.id),
    eq(accountExports.leaseToken, token),
    eq(accountExports.status, "running"),
  );

// The cursor stays in Postgres with its microseconds: a JavaScript Date would round it to the
// millisecond, and the image it names would come round again.
const createdAtText = sql<string>`to_char(${images.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

async function nextImages(
  db: Database,
  row: Row,
  limit: number,
): Promise<(ImageRow & { cursorAt: string })[]> {
  const after = row.cursorId
    ? sql`(${images.createdAt}, ${images.id}) > (select ${accountExports.cursorCreatedAt}, ${accountExports.cursorId} from ${accountExports} where ${accountExports.id} = ${row.id})`
    : undefined;
  return db
    .select({ ...imageColumns, cursorAt: createdAtText })
    .from(images)
    .where(and(eq(images.userId, row.userId), lte(images.createdAt, row.snapshotAt), after))
    .orderBy(asc(images.createdAt), asc(images.id))
    .limit(limit);
}

class ExportTooLarge extends Error {}

/** Entries of one part, starting at `offset`; throws ExportTooLarge past ZIP's limits. */
function packEntries(
  files: { name: string; data: Uint8Array; mtime: Date }[],
  offset: number,
  entriesBefore: number,
) {
  const locals: Uint8Array[] = [];
  const records: Uint8Array[] = [];
  let at = offset;
  for (const file of files) {
    const entry = zipEntry(file.name, file.data, file.mtime, at);
    at += entry.local.length;
    locals.push(entry.local);
    records.push(entry.directory);
  }
  if (at > ZIP_LIMITS.bytes || entriesBefore + files.length > ZIP_LIMITS.entries - 3)
    throw new ExportTooLarge("the export is over ZIP's 4 GiB or 65,535 entries");
  return { data: concatBytes(locals), directory: concatBytes(records) };
}

/** Writes objects that a transaction will claim; until then they are queued for removal. */
async function writeObjects(deps: AccountExportDeps, objects: { key: string; body: Uint8Array }[]) {
  await queueFileRemovals(
    deps.db,
    objects.map((object) => object.key),
    "export part not recorded",
    { graceMs: ORPHAN_GRACE_MS },
  );
  for (const object of objects)
    await deps.objectStore.put(object.key, object.body, "application/octet-stream");
}

type StepOutcome = "progress" | "ready" | "lost";

/** One part of images, or (none left) the last part; see the module's comment. */
async function runStep(
  deps: AccountExportDeps,
  lease: Lease,
  nowMs: number,
  stepImages: number,
): Promise<StepOutcome> {
  const { db, objectStore } = deps;
  const { row, token } = lease;
  const sequence = String(row.parts.length).padStart(5, "0");
  const suffix = token.slice(0, 8);
  const entriesBefore = row.parts.reduce((sum, part) => sum + part.entries, 0);
  const batch = await nextImages(db, row, stepImages);

  if (batch.length > 0) {
    const files: { name: string; data: Uint8Array; mtime: Date }[] = [];
    let taken = 0;
    let size = 0;
    for (const image of batch) {
      if (taken > 0 && size + image.byteSize + 256 > PART_MAX_BYTES) break;
      taken += 1;
      const file = await objectStore.get(fileKeyOf(image, "original"));
      if (!file) {
        logger.error("image row without its file while exporting", { imageId: image.id });
        continue;
      }
      files.push({ name: exportFileName(image), data: file.body, mtime: image.createdAt });
      size += file.body.length;
    }
    const last = batch[taken - 1]!;
    const packed = files.length > 0 ? packEntries(files, row.bytes, entriesBefore) : null;
    const directoryKey = `${row.storagePath}/directory-${sequence}-${suffix}.bin`;
    const part: AccountExportPart | null = packed
      ? {
          key: `${row.storagePath}/part-${sequence}-${suffix}.zip`,
          directoryKey,
          bytes: packed.data.length,
          entries: files.length,
        }
      : null;
    if (part && packed)
      await writeObjects(deps, [
        { key: part.key, body: packed.data },
        { key: directoryKey, body: packed.directory },
      ]);
    const keys = part ? objectKeysOf([part]) : [];
    const recorded = await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(accountExports)
        .set({
          parts: part ? [...row.parts, part] : row.parts,
          bytes: row.bytes + (part?.bytes ?? 0),
          imagesDone: Math.min(row.imagesTotal, row.imagesDone + taken),
          cursorCreatedAt: sql`${last.cursorAt}::timestamptz`,
          cursorId: last.id,
          leaseUntil: new Date(nowMs + LEASE_MS),
          attempts: 0,
          updatedAt: new Date(nowMs),
        })
        .where(held(lease))
        .returning();
      if (updated) await claimQueuedFiles(tx, keys);
      return updated;
    });
    if (!recorded) {
      await removeQueuedFiles({ db, objectStore, keys });
      return "lost";
    }
    lease.row = recorded;
    return "progress";
  }
  return finishExport(deps, lease, nowMs, entriesBefore);
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return concatBytes(parts);
}

/** The JSON files, the central directory and the end record; then ready, and the mail. */
async function finishExport(
  deps: AccountExportDeps,
  lease: Lease,
  nowMs: number,
  imageEntries: number,
): Promise<StepOutcome> {
  const { db, objectStore, mail } = deps;
  const { row, token } = lease;
  const sequence = String(row.parts.length).padStart(5, "0");
  const suffix = token.slice(0, 8);
  const stamp = row.snapshotAt;
  const packed = packEntries(
    [
      {
        name: "manifest.json",
        data: await collect(manifestChunks(db, row.userId, stamp)),
        mtime: stamp,
      },
      { name: "collections.json", data: await collectionsJson(db, row.userId), mtime: stamp },
      { name: "settings.json", data: await settingsJson(db, row.userId), mtime: stamp },
    ],
    row.bytes,
    imageEntries,
  );
  const directories: Uint8Array[] = [];
  for (const part of row.parts) {
    if (!part.directoryKey) continue;
    const object = await objectStore.get(part.directoryKey);
    if (!object) throw new Error(`export directory object missing: ${part.directoryKey}`);
    directories.push(object.body);
  }
  directories.push(packed.directory);
  const directory = concatBytes(directories);
  const directoryOffset = row.bytes + packed.data.length;
  const entries = imageEntries + 3;
  const tail = concatBytes([
    packed.data,
    directory,
    zipEnd(entries, directory.length, directoryOffset),
  ]);
  if (row.bytes + tail.length > ZIP_LIMITS.bytes)
    throw new ExportTooLarge("the export is over ZIP's 4 GiB");
  // The last parts need no directory records of their own: the directory is in their bytes.
  const pieces: { key: string; body: Uint8Array }[] = [];
  for (let at = 0; at < tail.length; at += PART_MAX_BYTES)
    pieces.push({
      key: `${row.storagePath}/part-${sequence}-${String(pieces.length).padStart(3, "0")}-${suffix}.zip`,
      body: tail.subarray(at, at + PART_MAX_BYTES),
    });
  const lastParts: AccountExportPart[] = pieces.map((piece, index) => ({
    key: piece.key,
    directoryKey: null,
    bytes: piece.body.length,
    entries: index === 0 ? 3 : 0,
  }));
  await writeObjects(deps, pieces);
  const keys = objectKeysOf(lastParts);
  const profile = await getProfileRow({ db, userId: row.userId });
  const expiresAt = new Date(nowMs + EXPORT_TTL_MS);
  let retiredKeys: string[] = [];

  const outcome = await db.transaction(async (tx) => {
    const [ready] = await tx
      .update(accountExports)
      .set({
        status: "ready",
        parts: [...row.parts, ...lastParts],
        bytes: row.bytes + tail.length,
        imagesDone: row.imagesTotal,
        leaseToken: null,
        leaseUntil: null,
        attempts: 0,
        error: null,
        expiresAt,
        completedAt: new Date(nowMs),
        updatedAt: new Date(nowMs),
      })
      .where(held(lease))
      .returning();
    if (!ready) return null;
    await claimQueuedFiles(tx, keys);
    // One ready export per person: the earlier one's file goes now rather than in a week.
    retiredKeys = await retireExports(
      tx,
      and(
        eq(accountExports.userId, row.userId),
        eq(accountExports.status, "ready"),
        sql`${accountExports.id} <> ${row.id}`,
      ),
      { status: "expired", nowMs },
    );
    if (profile)
      await mail.enqueue(tx, {
        kind: "export-ready",
        to: profile.email,
        userId: row.userId,
        dedupeKey: `export-ready:${row.id}`,
        data: {
          downloadUrl: `${mail.context.appUrl}/settings#your-data`,
          imageCount: imageEntries,
          sizeBytes: ready.bytes,
          expiresAt: expiresAt.toISOString(),
        },
      });
    return ready;
  });
  if (!outcome) {
    await removeQueuedFiles({ db, objectStore, keys });
    return "lost";
  }
  lease.row = outcome;
  await removeQueuedFiles({ db, objectStore, keys: retiredKeys });
  await mail.flush().catch((error: unknown) => logger.error("mail flush failed", { error }));
  return "ready";
}

/**
 * Ends the exports `where` selects (expired, or failed with `error`): in the caller's
 * transaction their objects are queued for removal and the rows stop listing them. Returns the
 * keys, to remove once that transaction has committed.
 */
async function retireExports(
  tx: Database,
  where: ReturnType<typeof and>,
  {
    status,
    nowMs,
    error = null,
  }: { status: "expired" | "failed"; nowMs: number; error?: string | null },
): Promise<string[]> {
  const rows = await tx
    .select({ id: accountExports.id, parts: accountExports.parts })
    .from(accountExports)
    .where(where)
    .for("update");
  if (rows.length === 0) return [];
  const keys = rows.flatMap((retired) => objectKeysOf(retired.parts));
  await queueFileRemovals(tx, keys, `export ${status}`);
  await tx
    .update(accountExports)
    .set({
      status,
      parts: [],
      error,
      leaseToken: null,
      leaseUntil: null,
      updatedAt: new Date(nowMs),
    })
    .where(
      inArray(
        accountExports.id,
        rows.map((retired) => retired.id),
      ),
    );
  return keys;
}

/** A step threw: try again later with backoff, or give up and remove what was written. */
async function recordFailedStep(
  deps: AccountExportDeps,
  lease: Lease,
  error: unknown,
  nowMs: number,
) {
  const attempts = lease.row.attempts + 1;
  const giveUp = error instanceof ExportTooLarge || attempts >= MAX_ATTEMPTS;
  logger.error(giveUp ? "export failed" : "export step failed; retried later", {
    exportId: lease.row.id,
    attempts,
    error,
  });
  if (giveUp) {
    const keys = await deps.db.transaction((tx) =>
      retireExports(tx, held(lease), {
        status: "failed",
        nowMs,
        error:
          error instanceof ExportTooLarge
            ? "The gallery is too large for one ZIP (over 4 GiB or 65,535 files)."
            : FAILED_MESSAGE,
      }),
    );
    await removeQueuedFiles({ db: deps.db, objectStore: deps.objectStore, keys });
    return;
  }
  // The lease ends after the backoff: the next run (a poll, the cron) tries again then.
  await deps.db
    .update(accountExports)
    .set({
      attempts,
      leaseToken: null,
      leaseUntil: new Date(nowMs + 15_000 * 2 ** attempts),
      updatedAt: new Date(nowMs),
    })
    .where(held(lease));
}

export interface ExportRunReport {
  exportSteps: number;
  exportsReady: number;
}

/**
 * Works on due jobs for at most `budgetMs`: claims one, runs its steps, then the next. A job
 * still unfinished when the budget is spent is let go at once (its lease ends now), so the next
 * poll or the cron picks it up without waiting for the lease.
 */
export async function runDueExports(
  deps: AccountExportDeps,
  {
    budgetMs = RUN_BUDGET_MS,
    now = Date.now,
    id,
    maxSteps = Number.POSITIVE_INFINITY,
    stepImages = STEP_MAX_IMAGES,
  }: {
    budgetMs?: number;
    now?: () => number;
    id?: string;
    maxSteps?: number;
    /** Images per part (fewer when they reach PART_MAX_BYTES first). */
    stepImages?: number;
  } = {},
): Promise<ExportRunReport> {
  const started = now();
  const report: ExportRunReport = { exportSteps: 0, exportsReady: 0 };
  const inBudget = () => now() - started < budgetMs && report.exportSteps < maxSteps;
  while (inBudget()) {
    const lease = await claimExport(deps.db, now(), id);
    if (!lease) break;
    let outcome: StepOutcome = "progress";
    while (outcome === "progress" && inBudget()) {
      try {
        outcome = await runStep(deps, lease, now(), stepImages);
      } catch (error) {
        await recordFailedStep(deps, lease, error, now());
        break;
      }
      report.exportSteps += 1;
      if (outcome === "ready") report.exportsReady += 1;
    }
    if (outcome === "progress") {
      await deps.db
        .update(accountExports)
        .set({ leaseToken: null, leaseUntil: new Date(now()) })
        .where(held(lease));
    }
    if (id) break;
  }
  return report;
}

let backgroundRun: Promise<unknown> | null = null;

/**
 * Runs due jobs once the response is sent (Next's after(); the function stays alive for it up
 * to its maxDuration). One run per instance at a time. Outside a request (tests, scripts)
 * nothing runs here: the next request or the daily cron picks the job up.
 */
export function runExportsAfterResponse(deps: AccountExportDeps): void {
  if (backgroundRun) return;
  try {
    after(async () => {
      if (backgroundRun) return;
      backgroundRun = runDueExports(deps)
        .catch((error: unknown) => logger.error("export run failed", { error }))
        .finally(() => {
          backgroundRun = null;
        });
      await backgroundRun;
    });
  } catch {
    /* not inside a Next request */
  }
}

// ---------------------------------------------------------------------------------------
// Download, expiry, deletion
// ---------------------------------------------------------------------------------------

/** A ready export's ZIP as a stream of its parts, one object at a time; owner only. */
export async function openExportDownload({
  db,
  objectStore,
  userId,
  id,
}: Pick<AccountExportDeps, "db" | "objectStore"> & { userId: string; id: string }): Promise<{
  stream: ReadableStream<Uint8Array>;
  bytes: number;
  filename: string;
}> {
  const row = await getOwnExport(db, userId, id);
  if (row.status !== "ready")
    throw new AppError("CONFLICT", "This export is not ready to download.", {
      status: row.status,
    });
  const parts = [...row.parts];
  let index = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const part = parts[index];
        if (!part) {
          controller.close();
          return;
        }
        index += 1;
        const object = await objectStore.get(part.key);
        if (!object) {
          logger.error("export part missing while downloading", { exportId: row.id });
          controller.error(new Error("export part missing"));
          return;
        }
        controller.enqueue(object.body);
      },
    },
    { highWaterMark: 0 },
  );
  return {
    stream,
    bytes: row.bytes,
    filename: `ai-image-studio-export-${row.snapshotAt.toISOString().slice(0, 10)}.zip`,
  };
}

export interface ExportTidyReport extends ExportRunReport {
  exportsExpired: number;
}

/** The daily cron: expired files go (rows marked expired), then unfinished jobs move on. */
export async function tidyAccountExports(
  deps: AccountExportDeps,
  { now = Date.now, budgetMs = 120_000 }: { now?: () => number; budgetMs?: number } = {},
): Promise<ExportTidyReport> {
  const nowMs = now();
  let expired = 0;
  for (;;) {
    const due = await deps.db
      .select({ id: accountExports.id })
      .from(accountExports)
      .where(
        and(eq(accountExports.status, "ready"), lte(accountExports.expiresAt, new Date(nowMs))),
      )
      .limit(100);
    if (due.length === 0) break;
    const keys = await deps.db.transaction((tx) =>
      retireExports(
        tx,
        and(
          inArray(
            accountExports.id,
            due.map((row) => row.id),
          ),
          eq(accountExports.status, "ready"),
        ),
        { status: "expired", nowMs },
      ),
    );
    await removeQueuedFiles({ db: deps.db, objectStore: deps.objectStore, keys });
    expired += due.length;
    if (due.length < 100) break;
  }
  return { exportsExpired: expired, ...(await runDueExports(deps, { now, budgetMs })) };
}

/**
 * For account deletion, in its transaction: queues every object of the user's exports for
 * removal and returns the keys (the rows go with the auth user's cascade).
 */
export async function queueExportFilesOfUser(tx: Database, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ storagePath: accountExports.storagePath, parts: accountExports.parts })
    .from(accountExports)
    .where(eq(accountExports.userId, userId))
    .for("update");
  const keys = rows.flatMap((row) => objectKeysOf(row.parts));
  await queueFileRemovals(tx, keys, "account deleted");
  return keys;
}

/** The ports a route hands to these functions. */
export function exportDepsOf(services: {
  database: { db: Database };
  objectStore: ObjectStorePort;
  mail: MailService;
  config: Pick<AppConfig, "accountExport">;
}): AccountExportDeps {
  return {
    db: services.database.db,
    objectStore: services.objectStore,
    mail: services.mail,
    config: services.config,
  };
}
