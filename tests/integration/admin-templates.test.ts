import { readdir } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as adminTemplateById from "@/app/api/v1/admin/templates/[id]/route";
import * as adminTemplatesReorder from "@/app/api/v1/admin/templates/reorder/route";
import * as adminTemplates from "@/app/api/v1/admin/templates/route";
import * as generate from "@/app/api/v1/images/generate/route";
import * as imageById from "@/app/api/v1/images/[id]/route";
import * as templateById from "@/app/api/v1/templates/[id]/route";
import * as templatePreview from "@/app/api/v1/templates/[id]/preview/route";
import * as templateCategories from "@/app/api/v1/templates/categories/route";
import * as templateList from "@/app/api/v1/templates/route";
import type { Image, StyleTemplate } from "@/shared/api-types";
import type { AdminStyleTemplate } from "@/shared/template-rules";
import type { ObjectStorePort } from "@/server/storage/object-store-port";
import { ApiCaller } from "../support/api-caller";
import { failWrites } from "../support/database-faults";
import { snapshotDatabase } from "../support/database-snapshot";
import { makeJpeg, makePng } from "../support/sample-images";
import { signUp, type SignedUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

let studio: TestStudio;
let admin: SignedUp;
let person: SignedUp;
/** Makes the object store refuse writes while true (an outage in the middle of an upload). */
let failPuts = false;

beforeAll(async () => {
  studio = await startTestStudio(
    { AUTH_RATE_LIMIT_PER_MINUTE: "1000", GENERATE_RATE_LIMIT_PER_MINUTE: "1000" },
    {
      wrapObjectStore: (store): ObjectStorePort => ({
        ...store,
        kind: store.kind,
        put: async (key, body, type) => {
          if (failPuts) throw new Error("storage is down");
          return store.put(key, body, type);
        },
        get: (key) => store.get(key),
        remove: (keys) => store.remove(keys),
        ping: () => store.ping(),
      }),
    },
  );
  admin = await signUp("templates-admin", "Ada Admin");
  person = await signUp("templates-person", "Pat Person");
  await studio.database.query("update public.profiles set role = 'admin' where id = $1", [
    admin.user.id,
  ]);
}, 60_000);
afterAll(async () => {
  await studio?.dispose();
});

const form = (fields: Record<string, string>, preview?: { bytes: Uint8Array; name: string }) => {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  if (preview)
    body.append("preview", new Blob([preview.bytes as Uint8Array<ArrayBuffer>]), preview.name);
  return body;
};

const adminList = () =>
  admin.caller.call<AdminStyleTemplate[]>(adminTemplates.GET, { path: "/api/v1/admin/templates" });
const create = (body: unknown, options: { form?: FormData } = {}) =>
  admin.caller.call<{ template: AdminStyleTemplate }>(adminTemplates.POST, {
    method: "POST",
    path: "/api/v1/admin/templates",
    ...(options.form ? { form: options.form } : { body }),
  });
const patch = (id: string, body: unknown, options: { form?: FormData } = {}) =>
  admin.caller.call<{ template: AdminStyleTemplate }>(adminTemplateById.PATCH, {
    method: "PATCH",
    path: `/api/v1/admin/templates/${id}`,
    params: { id },
    ...(options.form ? { form: options.form } : { body }),
  });
const remove = (id: string) =>
  admin.caller.call<{ deleted: true; imagesUnlinked: number }>(adminTemplateById.DELETE, {
    method: "DELETE",
    path: `/api/v1/admin/templates/${id}`,
    params: { id },
  });
const reorder = (ids: string[]) =>
  admin.caller.call<AdminStyleTemplate[]>(adminTemplatesReorder.POST, {
    method: "POST",
    path: "/api/v1/admin/templates/reorder",
    body: { ids },
  });
const publicList = async () => {
  const response = await new ApiCaller().call<StyleTemplate[]>(templateList.GET, {
    path: "/api/v1/templates",
  });
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return response.body.data;
};
const previewOf = (template: StyleTemplate) => {
  const url = new URL(template.previewUrl, "http://localhost:3000");
  return new ApiCaller().raw(templatePreview.GET, {
    path: `${url.pathname}${url.search}`,
    params: { id: template.id },
  });
};
const auditRows = (targetId: string | null, action: string) =>
  studio.database.query<{ actor_id: string; target_id: string; metadata: Record<string, unknown> }>(
    `select actor_id, target_id, metadata from public.audit_logs
     where action = $1 and ($2::uuid is null or target_id = $2::text) order by created_at`,
    [action, targetId],
  );
const pendingRemovals = () =>
  studio.database.query<{ key: string }>("select key from public.pending_file_removals");
const seeded = async (slug: string) => {
  const [row] = await studio.database.query<{ id: string }>(
    "select id from public.style_templates where slug = $1",
    [slug],
  );
  return row!.id;
};
const data = <T>(response: { status: number; body: { success: boolean } }) => {
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return (response.body as unknown as { data: T }).data;
};

describe("admin templates", () => {
  it("lists every template, the 20 seeded ones included, in the public order", async () => {
    const templates = data<AdminStyleTemplate[]>(await adminList());
    expect(templates.length).toBeGreaterThanOrEqual(20);
    expect(templates.every((template) => template.hidden === false)).toBe(true);
    expect(templates.find((t) => t.slug === "cinematic-photo")).toMatchObject({
      previewUrl: "/templates/cinematic-photo.webp",
      uploadedPreview: false,
      imageCount: 0,
    });
  });

  it("creates a template from JSON with a plain preview, audited, and the public list shows it", async () => {
    const response = await create({
      name: "  Neon & Rain!  ",
      category: "art",
      description: "Wet streets at night.",
      promptPrefix: "A rainy neon street scene of",
      promptSuffix: "Reflections shimmer on the wet asphalt.",
      aspectRatio: "16:9",
    });
    expect(response.status).toBe(201);
    const { template } = data<{ template: AdminStyleTemplate }>(response);
    expect(template).toMatchObject({
      name: "Neon & Rain!",
      slug: "neon-rain",
      category: "art",
      hidden: false,
      uploadedPreview: true,
      parameters: { aspectRatio: "16:9" },
    });
    // After the last of its category.
    const art = data<AdminStyleTemplate[]>(await adminList()).filter((t) => t.category === "art");
    expect(art.at(-1)?.id).toBe(template.id);

    const file = await previewOf(template);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/webp");
    expect(file.headers.get("cache-control")).toContain("immutable");
    const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 512, 512]);

    expect((await publicList()).map((t) => t.id)).toContain(template.id);
    const [entry] = await auditRows(template.id, "admin.template_create");
    expect(entry).toMatchObject({
      actor_id: admin.user.id,
      metadata: { slug: "neon-rain", previewUploaded: false, after: { name: "Neon & Rain!" } },
    });
    // The file is the row's: nothing is left listed for removal.
    expect(await pendingRemovals()).toEqual([]);

    // A second one of the same name gets a slug of its own.
    const again = data<{ template: AdminStyleTemplate }>(
      await create({ name: "Neon & rain", category: "art" }),
    );
    expect(again.template.slug).toBe("neon-rain-2");
  });

  it("creates one from multipart with an uploaded preview, cropped to a square WebP", async () => {
    const response = await create(undefined, {
      form: form(
        { name: "Blueprint", category: "design", sortOrder: "5", hidden: "true" },
        { bytes: await makePng(800, 400), name: "blueprint.png" },
      ),
    });
    expect(response.status).toBe(201);
    const { template } = data<{ template: AdminStyleTemplate }>(response);
    expect(template).toMatchObject({ sortOrder: 5, hidden: true, uploadedPreview: true });
    const meta = await sharp(
      Buffer.from(await (await previewOf(template)).arrayBuffer()),
    ).metadata();
    expect([meta.width, meta.height]).toEqual([512, 512]);
    // Hidden from the start: not public.
    expect((await publicList()).map((t) => t.id)).not.toContain(template.id);
  });

  it("edits a seeded template: renamed, its shipped preview replaced, then replaced again", async () => {
    const id = await seeded("cinematic-photo");
    const renamed = await patch(id, { name: "Cinema still", quality: null });
    expect(renamed.status).toBe(200);
    expect(data<{ template: AdminStyleTemplate }>(renamed).template).toMatchObject({
      name: "Cinema still",
      slug: "cinematic-photo",
      parameters: { aspectRatio: "16:9" },
    });
    expect(
      data<{ template: AdminStyleTemplate }>(renamed).template.parameters.quality,
    ).toBeUndefined();
    const [renameEntry] = await auditRows(id, "admin.template_update");
    expect(renameEntry?.metadata).toEqual({
      slug: "cinematic-photo",
      before: { name: "Cinematic photo", quality: "high" },
      after: { name: "Cinema still", quality: null },
    });
    expect((await publicList()).find((t) => t.id === id)?.name).toBe("Cinema still");

    const first = data<{ template: AdminStyleTemplate }>(
      await patch(id, undefined, {
        form: form({}, { bytes: await makeJpeg(300, 300), name: "still.jpg" }),
      }),
    ).template;
    expect(first.previewUrl).toMatch(new RegExp(`^/api/v1/templates/${id}/preview\\?v=`));
    expect(first.uploadedPreview).toBe(true);
    const [firstKey] = await studio.database.query<{ preview_key: string }>(
      "select preview_key from public.style_templates where id = $1",
      [id],
    );
    expect(await studio.services.objectStore.get(firstKey!.preview_key)).not.toBeNull();

    const second = data<{ template: AdminStyleTemplate }>(
      await patch(id, undefined, {
        form: form(
          { description: "Film frames." },
          { bytes: await makePng(64, 64), name: "x.png" },
        ),
      }),
    ).template;
    expect(second.previewUrl).not.toBe(first.previewUrl);
    expect(second.description).toBe("Film frames.");
    // The replaced file is gone, and nothing is left listed for removal.
    expect(await studio.services.objectStore.get(firstKey!.preview_key)).toBeNull();
    expect(await pendingRemovals()).toEqual([]);
    // An old address still answers (the current file), but caches must ask again.
    const stale = await previewOf(first);
    expect(stale.status).toBe(200);
    expect(stale.headers.get("cache-control")).toContain("must-revalidate");
    const entries = await auditRows(id, "admin.template_update");
    expect(entries.at(-1)?.metadata).toMatchObject({
      before: { previewUrl: first.previewUrl, description: expect.any(String) },
      after: { previewUrl: second.previewUrl, description: "Film frames." },
    });
  });

  it("hides a template from the public list and /generate while its images keep working", async () => {
    const id = await seeded("watercolor");
    const made = await person.caller.call<{ image: Image }>(generate.POST, {
      method: "POST",
      path: "/api/v1/images/generate",
      body: { prompt: "a lighthouse", styleTemplateId: id },
    });
    expect(made.status).toBe(201);
    const image = data<{ image: Image }>(made).image;
    const categoriesBefore = data<{ id: string; count: number }[]>(
      await new ApiCaller().call(templateCategories.GET, { path: "/api/v1/templates/categories" }),
    );

    expect((await patch(id, { hidden: true })).status).toBe(200);
    expect((await publicList()).map((t) => t.id)).not.toContain(id);
    const one = await new ApiCaller().call(templateById.GET, {
      path: `/api/v1/templates/${id}`,
      params: { id },
    });
    expect(one.status).toBe(404);
    const categoriesAfter = data<{ id: string; count: number }[]>(
      await new ApiCaller().call(templateCategories.GET, { path: "/api/v1/templates/categories" }),
    );
    const countOf = (list: { id: string; count: number }[]) =>
      list.find((c) => c.id === "illustration")?.count ?? 0;
    expect(countOf(categoriesAfter)).toBe(countOf(categoriesBefore) - 1);
    // A new generation cannot pick it; the image made with it is untouched.
    const refused = await person.caller.call(generate.POST, {
      method: "POST",
      path: "/api/v1/images/generate",
      body: { prompt: "another lighthouse", styleTemplateId: id },
    });
    expect(refused.status).toBe(400);
    const kept = await person.caller.call<{ image: Image }>(imageById.GET, {
      path: `/api/v1/images/${image.id}`,
      params: { id: image.id },
    });
    expect(data<{ image: Image }>(kept).image.styleTemplateId).toBe(id);
    const listed = data<AdminStyleTemplate[]>(await adminList()).find((t) => t.id === id);
    expect(listed).toMatchObject({ hidden: true, imageCount: 1 });
    const [entry] = await auditRows(id, "admin.template_update");
    expect(entry?.metadata).toMatchObject({ before: { hidden: false }, after: { hidden: true } });

    expect((await patch(id, { hidden: false })).status).toBe(200);
    expect((await publicList()).map((t) => t.id)).toContain(id);
  });

  it("reorders a category with one request, audited; an unknown id changes nothing", async () => {
    const photography = data<AdminStyleTemplate[]>(await adminList()).filter(
      (t) => t.category === "photography",
    );
    const reversed = photography.map((t) => t.id).reverse();
    const response = await reorder(reversed);
    expect(response.status).toBe(200);
    const after = data<AdminStyleTemplate[]>(response).filter((t) => t.category === "photography");
    expect(after.map((t) => t.id)).toEqual(reversed);
    expect(after.map((t) => t.sortOrder)).toEqual(reversed.map((_, index) => (index + 1) * 10));
    const publicOrder = (await publicList())
      .filter((t) => t.category === "photography")
      .map((t) => t.id);
    expect(publicOrder).toEqual(reversed);
    const [entry] = await auditRows(null, "admin.template_reorder");
    expect(entry).toMatchObject({ actor_id: admin.user.id, metadata: { order: reversed } });

    const before = await snapshotDatabase(studio.database);
    const unknown = await reorder([reversed[0]!, crypto.randomUUID()]);
    expect(unknown.status).toBe(404);
    const twice = await reorder([reversed[0]!, reversed[0]!]);
    expect(twice.status).toBe(400);
    expect(await snapshotDatabase(studio.database)).toEqual(before);
  });

  it("deletes a template: images made with it stay, unlinked; its uploaded preview goes", async () => {
    const { template } = data<{ template: AdminStyleTemplate }>(
      await create(undefined, {
        form: form(
          { name: "Short-lived", category: "3d" },
          {
            bytes: await makePng(100, 100),
            name: "p.png",
          },
        ),
      }),
    );
    const made = data<{ image: Image }>(
      await person.caller.call(generate.POST, {
        method: "POST",
        path: "/api/v1/images/generate",
        body: { prompt: "a cube", styleTemplateId: template.id },
      }),
    ).image;
    const [row] = await studio.database.query<{ preview_key: string }>(
      "select preview_key from public.style_templates where id = $1",
      [template.id],
    );

    const response = await remove(template.id);
    expect(response.status).toBe(200);
    expect(data(response)).toEqual({ deleted: true, imagesUnlinked: 1 });
    expect(await studio.services.objectStore.get(row!.preview_key)).toBeNull();
    expect(await pendingRemovals()).toEqual([]);
    const kept = await person.caller.call<{ image: Image }>(imageById.GET, {
      path: `/api/v1/images/${made.id}`,
      params: { id: made.id },
    });
    expect(kept.status).toBe(200);
    expect(data<{ image: Image }>(kept).image.styleTemplateId).toBeNull();
    expect((await previewOf(template)).status).toBe(404);
    const [entry] = await auditRows(template.id, "admin.template_delete");
    expect(entry?.metadata).toMatchObject({ slug: "short-lived", imagesUnlinked: 1 });
    expect((await remove(template.id)).status).toBe(404);

    // A seeded template can be deleted too; its shipped file stays in public/.
    const seededId = await seeded("pixel-art");
    expect((await remove(seededId)).status).toBe(200);
    expect((await publicList()).map((t) => t.id)).not.toContain(seededId);
  });

  it("refuses bad input and failed uploads with nothing changed and no file left behind", async () => {
    const id = await seeded("oil-painting");
    const before = await snapshotDatabase(studio.database);
    // Every preview file under the store's templates/ folder.
    const storedFiles = () =>
      readdir(join(studio.config.dataDir, "storage", "templates"), { recursive: true }).then(
        (names) => names.filter((name) => name.endsWith(".webp")).sort(),
      );
    const filesBefore = await storedFiles();
    const refusals: [string, Promise<{ status: number }>, number][] = [
      ["NUL in a name", patch(id, { name: "bad\u0000name" }), 400],
      ["lone surrogate", create({ name: "x\ud800", category: "art" }), 400],
      ["empty name", create({ name: "   ", category: "art" }), 400],
      ["no category", create({ name: "No category" }), 400],
      ["unknown category", create({ name: "Odd", category: "sculpture" }), 400],
      ["unknown field", patch(id, { slug: "renamed" }), 400],
      ["nothing to change", patch(id, {}), 400],
      ["long suffix", patch(id, { promptSuffix: "x".repeat(1501) }), 400],
      ["sortOrder", patch(id, { sortOrder: -1 }), 400],
      ["unknown id", patch(crypto.randomUUID(), { name: "Ghost" }), 404],
      [
        "not an image",
        patch(id, undefined, {
          form: form({}, { bytes: new TextEncoder().encode("#!/bin/sh\n"), name: "x.png" }),
        }),
        415,
      ],
      [
        "a truncated PNG",
        patch(id, undefined, {
          form: form({}, { bytes: (await makePng(200, 200)).slice(0, 80), name: "x.png" }),
        }),
        400,
      ],
      [
        "two previews",
        (async () => {
          const body = form({ name: "Two" });
          const png = await makePng(10, 10);
          body.append("preview", new Blob([png as Uint8Array<ArrayBuffer>]), "a.png");
          body.append("preview", new Blob([png as Uint8Array<ArrayBuffer>]), "b.png");
          return patch(id, undefined, { form: body });
        })(),
        400,
      ],
      [
        "a preview for a template that does not exist",
        patch(crypto.randomUUID(), undefined, {
          form: form({}, { bytes: await makePng(32, 32), name: "x.png" }),
        }),
        404,
      ],
    ];
    for (const [label, call, status] of refusals) {
      expect((await call).status, label).toBe(status);
    }
    // Storage down in the middle of an upload: no row, no pending file, nothing changed.
    failPuts = true;
    try {
      const failed = await create(undefined, {
        form: form(
          { name: "Outage", category: "art" },
          { bytes: await makePng(32, 32), name: "o.png" },
        ),
      });
      expect(failed.status).toBe(500);
    } finally {
      failPuts = false;
    }
    expect(await snapshotDatabase(studio.database)).toEqual(before);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it("rolls back with its file when the audit entry or the row cannot be written", async () => {
    const id = await seeded("ink-sketch");
    const files = () =>
      readdir(join(studio.config.dataDir, "storage", "templates"), { recursive: true }).then(
        (names) => names.filter((name) => name.endsWith(".webp")).sort(),
      );
    // Ink sketch gets an uploaded preview first, which a failed replacement must leave alone.
    const first = data<{ template: AdminStyleTemplate }>(
      await patch(id, undefined, {
        form: form({}, { bytes: await makePng(40, 40), name: "a.png" }),
      }),
    ).template;
    const before = await snapshotDatabase(studio.database);
    const filesBefore = await files();
    const faults: [string, Parameters<typeof failWrites>[1], () => Promise<{ status: number }>][] =
      [
        [
          "create, audit refused",
          { table: "audit_logs", operation: "INSERT", when: "new.action like 'admin.template_%'" },
          async () =>
            create(undefined, {
              form: form(
                { name: "Never", category: "art" },
                { bytes: await makePng(20, 20), name: "n.png" },
              ),
            }),
        ],
        [
          "new preview, audit refused",
          { table: "audit_logs", operation: "INSERT", when: "new.action like 'admin.template_%'" },
          async () =>
            patch(id, undefined, {
              form: form({ name: "Ink" }, { bytes: await makePng(20, 20), name: "n.png" }),
            }),
        ],
        [
          "new preview, row refused",
          { table: "style_templates", operation: "UPDATE" },
          async () =>
            patch(id, undefined, {
              form: form({}, { bytes: await makePng(20, 20), name: "n.png" }),
            }),
        ],
        [
          "delete, audit refused",
          { table: "audit_logs", operation: "INSERT", when: "new.action like 'admin.template_%'" },
          () => remove(id),
        ],
        [
          "reorder, audit refused",
          { table: "audit_logs", operation: "INSERT", when: "new.action like 'admin.template_%'" },
          async () => reorder([id, await seeded("oil-painting")]),
        ],
      ];
    for (const [label, fault, request] of faults) {
      const restore = await failWrites(studio.database, fault);
      let status: number;
      try {
        status = (await request()).status;
      } finally {
        await restore();
      }
      expect(status, label).toBe(500);
      expect(await snapshotDatabase(studio.database), label).toEqual(before);
      expect(await files(), label).toEqual(filesBefore);
    }
    const file = await previewOf(first);
    expect(file.status).toBe(200);
  });

  it("answers everyone but an admin with 404", async () => {
    const response = await person.caller.call(adminTemplates.GET, {
      path: "/api/v1/admin/templates",
    });
    expect(response.status).toBe(404);
    const anonymous = await new ApiCaller().call(adminTemplates.POST, {
      method: "POST",
      path: "/api/v1/admin/templates",
      body: { name: "Sneaky", category: "art" },
    });
    expect(anonymous.status).toBe(404);
  });
});
