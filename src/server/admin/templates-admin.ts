import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { asc, eq, inArray, isNotNull, like, or, sql } from "drizzle-orm";
import type { AdminTemplateCreate, AdminTemplatePatch } from "@/shared/schemas/admin-templates";
import type { AdminStyleTemplate } from "@/shared/template-rules";
import { writeAudit, type AuditContext } from "@/server/audit/audit-log";
import type { Database } from "@/server/db/database";
import { images, styleTemplates } from "@/server/db/schema";
import { AppError, notFound } from "@/server/http/app-error";
import {
  claimQueuedFiles,
  queueFileRemovals,
  removeQueuedFiles,
} from "@/server/storage/file-removals";
import type { ObjectStorePort } from "@/server/storage/object-store-port";
import { reshapeTemplate } from "@/server/templates/templates-service";
import {
  newPreviewLocation,
  renderPlaceholderPreview,
  renderTemplatePreview,
} from "./templates-admin-preview";

type TemplateRow = typeof styleTemplates.$inferSelect;

/** A new preview not yet owned by a row is removed by the cron if this process dies first. */
const PREVIEW_UPLOAD_GRACE_MS = 15 * 60 * 1000;

/** The fields an admin changes, as the audit entry shows them (before / after). */
type AuditedFields = {
  name: string;
  description: string;
  category: TemplateRow["category"];
  promptPrefix: string;
  promptSuffix: string;
  negativePrompt: string;
  aspectRatio: string | null;
  quality: string | null;
  sortOrder: number;
  hidden: boolean;
  previewUrl: string;
};

function auditedFieldsOf(row: TemplateRow): AuditedFields {
  const parameters = row.parameters;
  return {
    name: row.name,
    description: row.description,
    category: row.category,
    promptPrefix: row.promptPrefix,
    promptSuffix: row.promptSuffix,
    negativePrompt: row.negativePrompt,
    aspectRatio: typeof parameters.aspectRatio === "string" ? parameters.aspectRatio : null,
    quality: typeof parameters.quality === "string" ? parameters.quality : null,
    sortOrder: row.sortOrder,
    hidden: !row.isActive,
    previewUrl: row.previewUrl,
  };
}

export function reshapeAdminTemplate(row: TemplateRow, imageCount: number): AdminStyleTemplate {
  return {
    ...reshapeTemplate(row),
    hidden: !row.isActive,
    uploadedPreview: row.previewKey !== null,
    imageCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** "Neon & Rain!" → "neon-rain"; the slug names the template in the page's markup only. */
function slugOf(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return slug || "template";
}

/** Parameters with the admin's defaults set or cleared; the rest (palette, medium…) kept. */
function withDefaults(
  parameters: Record<string, unknown>,
  change: { aspectRatio?: string | null; quality?: string | null },
): Record<string, unknown> {
  const next = { ...parameters };
  for (const key of ["aspectRatio", "quality"] as const) {
    const value = change[key];
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

export interface PreviewUpload {
  bytes: Uint8Array;
}

export interface AdminTemplatesService {
  /** Every template, hidden ones too, in the order /generate shows them. */
  list(): Promise<AdminStyleTemplate[]>;
  get(input: { id: string }): Promise<AdminStyleTemplate>;
  create(input: {
    actorId: string;
    fields: AdminTemplateCreate;
    preview: PreviewUpload | null;
    audit: AuditContext;
  }): Promise<AdminStyleTemplate>;
  update(input: {
    actorId: string;
    id: string;
    patch: AdminTemplatePatch;
    preview: PreviewUpload | null;
    audit: AuditContext;
  }): Promise<AdminStyleTemplate>;
  /** Images made with it keep their files; their style_template_id becomes null. */
  remove(input: {
    actorId: string;
    id: string;
    audit: AuditContext;
  }): Promise<{ deleted: true; imagesUnlinked: number }>;
  /** These templates get sortOrder 10, 20, 30… in this order. */
  reorder(input: {
    actorId: string;
    ids: string[];
    audit: AuditContext;
  }): Promise<AdminStyleTemplate[]>;
  /** An uploaded preview's file, for GET /templates/:id/preview. */
  readPreview(input: {
    id: string;
  }): Promise<{ body: Uint8Array; contentType: string; key: string }>;
}

export function createAdminTemplatesService(deps: {
  db: Database;
  objectStore: ObjectStorePort;
}): AdminTemplatesService {
  const { db, objectStore } = deps;

  async function imageCounts(ids?: string[]): Promise<Map<string, number>> {
    const rows = await db
      .select({ id: images.styleTemplateId, count: sql<number>`count(*)::int` })
      .from(images)
      .where(ids ? inArray(images.styleTemplateId, ids) : isNotNull(images.styleTemplateId))
      .groupBy(images.styleTemplateId);
    return new Map(rows.map((row) => [row.id ?? "", Number(row.count)]));
  }

  async function list(): Promise<AdminStyleTemplate[]> {
    const rows = await db
      .select()
      .from(styleTemplates)
      .orderBy(
        asc(styleTemplates.category),
        asc(styleTemplates.sortOrder),
        asc(styleTemplates.name),
      );
    const counts = await imageCounts();
    return rows.map((row) => reshapeAdminTemplate(row, counts.get(row.id) ?? 0));
  }

  async function get({ id }: { id: string }): Promise<AdminStyleTemplate> {
    const [row] = await db.select().from(styleTemplates).where(eq(styleTemplates.id, id)).limit(1);
    if (!row) throw notFound("Template");
    return reshapeAdminTemplate(row, (await imageCounts([id])).get(id) ?? 0);
  }

  async function freeSlug(tx: Database, name: string): Promise<string> {
    const base = slugOf(name);
    const taken = await tx
      .select({ slug: styleTemplates.slug })
      .from(styleTemplates)
      .where(or(eq(styleTemplates.slug, base), like(styleTemplates.slug, `${base}-%`)));
    const slugs = new Set(taken.map((row) => row.slug));
    if (!slugs.has(base)) return base;
    for (let n = 2; n < 100; n++) if (!slugs.has(`${base}-${n}`)) return `${base}-${n}`;
    return `${base}-${randomBytes(4).toString("hex")}`;
  }

  /**
   * Writes a preview's file before the row that will own it: listed for removal first (with a
   * grace period), so a crash leaves nothing behind; `commit` must claim it in its transaction.
   * When the file cannot be written, or the transaction fails, the file goes at once.
   */
  async function withStoredPreview<T>(
    templateId: string,
    data: Uint8Array,
    commit: (location: { key: string; url: string }) => Promise<T>,
  ): Promise<T> {
    const location = newPreviewLocation(templateId);
    await queueFileRemovals(db, [location.key], "template preview upload", {
      graceMs: PREVIEW_UPLOAD_GRACE_MS,
    });
    try {
      await objectStore.put(location.key, data, "image/webp");
      return await commit(location);
    } catch (error) {
      await removeQueuedFiles({ db, objectStore, keys: [location.key] });
      throw error;
    }
  }

  return {
    list,
    get,

    async create({ actorId, fields, preview, audit }) {
      // The upload is checked and converted before anything is written.
      const data = preview
        ? await renderTemplatePreview(preview.bytes)
        : await renderPlaceholderPreview(fields.category);
      const id = randomUUID();
      const row = await withStoredPreview(id, data, (location) =>
        db.transaction(async (tx) => {
          let sortOrder = fields.sortOrder;
          if (sortOrder === undefined) {
            // After the last of its category.
            const [last] = await tx
              .select({ max: sql<number | null>`max(${styleTemplates.sortOrder})` })
              .from(styleTemplates)
              .where(eq(styleTemplates.category, fields.category));
            sortOrder = Math.min((last?.max ?? 0) + 10, 1_000_000);
          }
          const [inserted] = await tx
            .insert(styleTemplates)
            .values({
              id,
              slug: await freeSlug(tx, fields.name),
              name: fields.name,
              description: fields.description ?? "",
              category: fields.category,
              promptPrefix: fields.promptPrefix ?? "",
              promptSuffix: fields.promptSuffix ?? "",
              negativePrompt: fields.negativePrompt ?? "",
              parameters: withDefaults({}, fields),
              previewUrl: location.url,
              previewKey: location.key,
              sortOrder,
              isActive: !(fields.hidden ?? false),
            })
            .returning();
          if (!inserted) throw new Error("template insert returned no row");
          await claimQueuedFiles(tx, [location.key]);
          await writeAudit(
            tx,
            {
              action: "admin.template_create",
              actorId,
              targetType: "style_template",
              targetId: id,
              metadata: {
                slug: inserted.slug,
                after: auditedFieldsOf(inserted),
                previewUploaded: preview !== null,
              },
            },
            audit,
          );
          return inserted;
        }),
      );
      return reshapeAdminTemplate(row, 0);
    },

    async update({ actorId, id, patch, preview, audit }) {
      if (Object.keys(patch).length === 0 && !preview) {
        throw new AppError("VALIDATION_ERROR", "Change at least one field, or send a preview.", {
          issues: [{ path: "", message: "Change at least one field, or send a preview." }],
        });
      }
      const data = preview ? await renderTemplatePreview(preview.bytes) : null;
      const apply = async (location: { key: string; url: string } | null) => {
        const result = await db.transaction(async (tx) => {
          const [row] = await tx
            .select()
            .from(styleTemplates)
            .where(eq(styleTemplates.id, id))
            .for("update");
          if (!row) throw notFound("Template");
          const before = auditedFieldsOf(row);
          const [updated] = await tx
            .update(styleTemplates)
            .set({
              ...(patch.name !== undefined ? { name: patch.name } : {}),
              ...(patch.description !== undefined ? { description: patch.description } : {}),
              ...(patch.category !== undefined ? { category: patch.category } : {}),
              ...(patch.promptPrefix !== undefined ? { promptPrefix: patch.promptPrefix } : {}),
              ...(patch.promptSuffix !== undefined ? { promptSuffix: patch.promptSuffix } : {}),
              ...(patch.negativePrompt !== undefined
                ? { negativePrompt: patch.negativePrompt }
                : {}),
              ...(patch.sortOrder !== undefined ? { sortOrder: patch.sortOrder } : {}),
              ...(patch.hidden !== undefined ? { isActive: !patch.hidden } : {}),
              parameters: withDefaults(row.parameters, patch),
              ...(location ? { previewUrl: location.url, previewKey: location.key } : {}),
            })
            .where(eq(styleTemplates.id, id))
            .returning();
          if (!updated) throw notFound("Template");
          const after = auditedFieldsOf(updated);
          const changed = (Object.keys(after) as (keyof AuditedFields)[]).filter(
            (key) => after[key] !== before[key],
          );
          let replacedKey: string | null = null;
          if (location) {
            await claimQueuedFiles(tx, [location.key]);
            // The old uploaded file goes with the change (a shipped one stays in public/).
            if (row.previewKey) {
              replacedKey = row.previewKey;
              await queueFileRemovals(tx, [row.previewKey], "template preview replaced");
            }
          }
          if (changed.length > 0) {
            const pick = (fields: AuditedFields) =>
              Object.fromEntries(changed.map((key) => [key, fields[key]]));
            await writeAudit(
              tx,
              {
                action: "admin.template_update",
                actorId,
                targetType: "style_template",
                targetId: id,
                metadata: { slug: row.slug, before: pick(before), after: pick(after) },
              },
              audit,
            );
          }
          return { updated, replacedKey };
        });
        return result;
      };
      const { updated, replacedKey } = data
        ? await withStoredPreview(id, data, apply)
        : await apply(null);
      if (replacedKey) await removeQueuedFiles({ db, objectStore, keys: [replacedKey] });
      return reshapeAdminTemplate(updated, (await imageCounts([id])).get(id) ?? 0);
    },

    async remove({ actorId, id, audit }) {
      const { previewKey, imagesUnlinked } = await db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(styleTemplates)
          .where(eq(styleTemplates.id, id))
          .for("update");
        if (!row) throw notFound("Template");
        const unlinked = await tx
          .update(images)
          .set({ styleTemplateId: null })
          .where(eq(images.styleTemplateId, id))
          .returning({ id: images.id });
        await tx.delete(styleTemplates).where(eq(styleTemplates.id, id));
        if (row.previewKey) await queueFileRemovals(tx, [row.previewKey], "template deleted");
        await writeAudit(
          tx,
          {
            action: "admin.template_delete",
            actorId,
            targetType: "style_template",
            targetId: id,
            metadata: {
              slug: row.slug,
              before: auditedFieldsOf(row),
              imagesUnlinked: unlinked.length,
            },
          },
          audit,
        );
        return { previewKey: row.previewKey, imagesUnlinked: unlinked.length };
      });
      if (previewKey) await removeQueuedFiles({ db, objectStore, keys: [previewKey] });
      return { deleted: true, imagesUnlinked };
    },

    async reorder({ actorId, ids, audit }) {
      await db.transaction(async (tx) => {
        const rows = await tx
          .select({ id: styleTemplates.id, sortOrder: styleTemplates.sortOrder })
          .from(styleTemplates)
          .where(inArray(styleTemplates.id, ids))
          .for("update");
        const found = new Map(rows.map((row) => [row.id, row.sortOrder]));
        const missing = ids.filter((id) => !found.has(id));
        if (missing.length > 0) {
          throw new AppError("NOT_FOUND", "Template not found.", { ids: missing });
        }
        const changes = ids
          .map((id, index) => ({ id, before: found.get(id)!, after: (index + 1) * 10 }))
          .filter((change) => change.before !== change.after);
        if (changes.length === 0) return;
        for (const change of changes) {
          await tx
            .update(styleTemplates)
            .set({ sortOrder: change.after })
            .where(eq(styleTemplates.id, change.id));
        }
        await writeAudit(
          tx,
          {
            action: "admin.template_reorder",
            actorId,
            targetType: "style_template",
            metadata: {
              order: ids,
              before: Object.fromEntries(changes.map((change) => [change.id, change.before])),
              after: Object.fromEntries(changes.map((change) => [change.id, change.after])),
            },
          },
          audit,
        );
      });
      return list();
    },

    async readPreview({ id }) {
      const [row] = await db
        .select({ previewKey: styleTemplates.previewKey })
        .from(styleTemplates)
        .where(eq(styleTemplates.id, id))
        .limit(1);
      if (!row?.previewKey) throw notFound("Preview");
      const file = await objectStore.get(row.previewKey);
      if (!file) throw notFound("Preview");
      return { ...file, key: row.previewKey };
    },
  };
}
